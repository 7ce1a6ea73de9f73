#include "compose/answer_board.h"

namespace casebook {

int AnswerBoard::lengthOf(const QString& text) const
{
    const QString trimmed = text.trimmed();
    return unit == LengthUnit::CodePoints ? int(trimmed.toUcs4().size()) : int(trimmed.size());
}

std::optional<AnswerBoard> answerBoardOf(Channel channel)
{
    switch (channel) {
    case Channel::Coupang:
    case Channel::Naver:
        // Coupang documents 2–1000 characters for an answer; Naver's board is no shorter. Counted as the
        // seller counts them (code points), the same unit the tone spans and the composer's counter use.
        return AnswerBoard{2, 1000, LengthUnit::CodePoints};
    case Channel::Email:
    case Channel::Csv:
        break;
    }
    return std::nullopt;
}

} // namespace casebook
