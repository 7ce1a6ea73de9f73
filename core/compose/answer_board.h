#pragma once

#include "model/channel_table.h"

#include <QString>
#include <optional>

namespace casebook {

// A marketplace answer board's length rule, as the table of channels (model/channel_table.h) has it.
// Mail has none.
struct AnswerBoard {
    int minLength = 0;
    int maxLength = 0;
    LengthUnit unit = LengthUnit::CodePoints;

    // The length the board sees: of the trimmed text (the boards drop the outer blank lines), in its unit.
    int lengthOf(const QString& text) const;
};

// The answer board of a channel, or none when the channel is not a board (mail, a CSV import): the
// channel table's row, in the shape the reply service, the window, the CLI and the connectors use.
std::optional<AnswerBoard> answerBoardOf(Channel channel);
inline bool isAnswerBoard(Channel channel)
{
    return channelInfo(channel).board;
}

} // namespace casebook
