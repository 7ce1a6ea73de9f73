#include "compose/answer_board.h"

#include "model/enums.h"

namespace casebook {

int AnswerBoard::lengthOf(const QString& text) const
{
    return lengthIn(unit, text.trimmed());
}

std::optional<AnswerBoard> answerBoardOf(Channel channel)
{
    const ChannelInfo& row = channelInfo(channel);
    if (!row.board)
        return std::nullopt;
    return AnswerBoard{row.minLength, row.maxLength, row.unit};
}

} // namespace casebook
