#include "inbox/ticket_matcher.h"

#include "mail/mime_parser.h"
#include "store/ticket_lookup.h"

#include <QRegularExpression>

namespace casebook {

int TicketMatcher::tagNumber(const QString& subject)
{
    static const QRegularExpression tag(QStringLiteral("\\[#(\\d{1,9})\\]"));
    const auto m = tag.match(subject);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

TicketMatcher::Match TicketMatcher::match(SQLite::Database& db, const InboundMessage& m,
                                          std::optional<qint64> customerId) const
{
    using namespace ticket_lookup;
    if (m.channel == Channel::Email) {
        // Nearest ancestor first: In-Reply-To, then References from the end.
        QStringList ancestors;
        if (!m.inReplyTo.isEmpty())
            ancestors << m.inReplyTo;
        for (auto it = m.references.crbegin(); it != m.references.crend(); ++it)
            if (!ancestors.contains(*it))
                ancestors << *it;
        ancestors.removeAll(m.externalId);
        if (auto t = byMessageIds(db, ancestors))
            return {t, Rule::ReplyChain};
        if (auto t = byReferencingMessage(db, m.externalId))
            return {t, Rule::ReplyChain};
        if (auto t = bySharedReference(db, ancestors))
            return {t, Rule::ReplyChain};
    }
    if (const int number = tagNumber(m.subject); number > 0)
        if (auto t = byNumber(db, number))
            return {t, Rule::Tag};
    if (auto t = byThreadKey(db, m.threadKey))
        return {t, Rule::ThreadKey};
    if (!m.orderNumbers.isEmpty()) {
        if (customerId)
            if (auto t = byOrderNumbers(db, m.orderNumbers, customerId))
                return {t, Rule::OrderNumber};
        // Marketplace buyers are masked ids that never equal an email address: the order links them.
        if (m.channel != Channel::Email)
            if (auto t = byOrderNumbers(db, m.orderNumbers, std::nullopt))
                return {t, Rule::OrderNumber};
    }
    if (customerId && m.date.isValid())
        if (auto t = byCustomerSubject(db, *customerId, normalizedSubject(m.subject),
                                       m.date.addSecs(-kSubjectWindowSecs)))
            return {t, Rule::Subject};
    return {};
}

} // namespace casebook
