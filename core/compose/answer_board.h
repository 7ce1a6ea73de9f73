#pragma once

#include "model/enums.h"

#include <QString>
#include <optional>

namespace casebook {

// How a marketplace counts the length of an answer on its board.
enum class LengthUnit {
    CodePoints, // one per character the seller sees; an emoji counts once
    Utf16Units, // QString::size(): an emoji outside the BMP counts twice
};

// A marketplace answer board's length rule. Mail has none.
struct AnswerBoard {
    int minLength = 0;
    int maxLength = 0;
    LengthUnit unit = LengthUnit::CodePoints;

    // The length the board sees: of the trimmed text (the boards drop the outer blank lines), in its unit.
    int lengthOf(const QString& text) const;
};

// The answer board of a channel, or none when the channel is not a board (mail, a CSV import). The one
// place that says which channels are boards and their limits: the window, the CLI, the tone verdict and
// the connectors ask here (to be read from the table of channels once it exists).
std::optional<AnswerBoard> answerBoardOf(Channel channel);
inline bool isAnswerBoard(Channel channel)
{
    return answerBoardOf(channel).has_value();
}

} // namespace casebook
