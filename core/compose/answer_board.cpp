#include "compose/answer_board.h"

namespace casebook {

int AnswerBoard::lengthOf(const QString& text) const
{
    const QString trimmed = text.trimmed();
    return lengthIn(unit, std::u16string_view(reinterpret_cast<const char16_t*>(trimmed.utf16()),
                                              std::size_t(trimmed.size())));
}

std::optional<AnswerBoard> answerBoardOf(Channel channel)
{
    const ChannelInfo& row = channelInfo(channel);
    if (!row.board)
        return std::nullopt;
    return AnswerBoard{row.minLength, row.maxLength, row.unit};
}

} // namespace casebook
