#include "inbox/ticket_matcher.h"

#include "mail/mime_parser.h"
#include "model/channel_table.h"
#include "store/ticket_lookup.h"

#include <QRegularExpression>

namespace casebook {

int TicketMatcher::tagNumber(const QString& subject)
{
    static const QRegularExpression tag(QStringLiteral("\\[#(\\d{1,9})\\]"));
    const auto m = tag.match(subject);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

namespace {

using ticket_lookup::TicketCandidate;

// Among tickets a header points to, the one whose customer, else whose subject, agrees with the message.
// With no agreement the oldest wins, unless `needAgreement`: then the pointer is too weak to follow.
std::optional<qint64> choose(const std::vector<TicketCandidate>& candidates, std::optional<qint64> customerId,
                             const QString& subjectKey, bool needAgreement)
{
    if (candidates.empty())
        return std::nullopt;
    if (candidates.size() == 1 && !needAgreement)
        return candidates.front().ticketId;
    if (customerId)
        for (const TicketCandidate& c : candidates)
            if (c.customerId == customerId)
                return c.ticketId;
    if (!subjectKey.isEmpty())
        for (const TicketCandidate& c : candidates)
            if (c.subjectKey == subjectKey)
                return c.ticketId;
    if (needAgreement)
        return std::nullopt;
    return candidates.front().ticketId;
}

// A reply whose chain is broken (webmail dropping headers, a parent never received) still says it is one:
// a "Re:" or "회신:" before the subject, or reply headers. A freshly written mail that merely repeats a
// subject is a new question, and the same customer asking the same generic thing ("Account locked") a week
// later must not land in the old case.
bool presentsAsReply(const InboundMessage& m)
{
    if (!m.inReplyTo.isEmpty() || !m.references.isEmpty())
        return true;
    return normalizedSubject(m.subject) != m.subject.simplified().toCaseFolded();
}

} // namespace

// JWZ threading against what is stored, so arrival order does not matter: a stored ancestor (nearest
// first: In-Reply-To, then References from the end), else stored replies to this message (they came
// first), else stored messages that share an ancestor we never received (a ghost parent).
std::optional<qint64> TicketMatcher::byReplyChain(SQLite::Database& db, const InboundMessage& m,
                                                  std::optional<qint64> customerId) const
{
    using namespace ticket_lookup;
    QStringList ancestors;
    if (!m.inReplyTo.isEmpty())
        ancestors << m.inReplyTo;
    for (auto it = m.references.crbegin(); it != m.references.crend(); ++it)
        if (!ancestors.contains(*it))
            ancestors << *it;
    ancestors.removeAll(m.externalId); // a message that names itself would join itself
    ancestors.removeAll(QString());
    const QString subjectKey = normalizedSubject(m.subject);
    for (const QString& id : ancestors)
        if (auto t = choose(ticketsOfMessageId(db, id), customerId, subjectKey, false))
            return t;
    // Replies that came before this message: they name it as parent, but another message may carry the same
    // Message-ID (forged, reused, or still to come), so customer or subject must agree as well.
    if (auto t = choose(ticketsReferencing(db, m.externalId), customerId, subjectKey, true))
        return t;
    // Siblings under a ghost (an ancestor we never received). When the ghost is only the parent both answer,
    // it says nothing about who is who: customer or subject must agree, since a forged or reused parent ID
    // would otherwise gather strangers (tests/data/threading/shared-id-*). When a chain runs through the
    // ghost to a nearer parent, on this message's side or the stored one's, the ghost is the root of a
    // thread, as the cover letter of a patch series whose replies each answer another patch: they belong
    // together whoever wrote them (JWZ, notmuch; tests/data/threading/patch-series-*).
    for (qsizetype i = 0; i < ancestors.size(); ++i) {
        const QString& id = ancestors.at(i);
        const bool throughHere = i > 0; // this message names a nearer ancestor than the ghost
        if (throughHere) {
            if (auto t = choose(ticketsReferencing(db, id), customerId, subjectKey, false))
                return t;
            continue;
        }
        if (auto t = choose(ticketsThroughAncestor(db, id), customerId, subjectKey, false))
            return t;
        if (auto t = choose(ticketsReferencing(db, id), customerId, subjectKey, true))
            return t;
    }
    return std::nullopt;
}

TicketMatcher::Match TicketMatcher::match(SQLite::Database& db, const InboundMessage& m,
                                          std::optional<qint64> customerId) const
{
    using namespace ticket_lookup;
    const bool mail = channelInfo(m.channel).mail;
    if (mail)
        if (auto t = byReplyChain(db, m, customerId))
            return {t, Rule::ReplyChain};
    if (const int number = tagNumber(m.subject); number > 0)
        if (auto t = byNumber(db, number))
            return {t, Rule::Tag};
    if (auto t = byThreadKey(db, m.threadKey))
        return {t, Rule::ThreadKey};
    if (!m.orderNumbers.isEmpty()) {
        if (customerId)
            if (auto t = byOrderNumbers(db, m.orderNumbers, customerId))
                return {t, Rule::OrderNumber};
        // Marketplace buyers are masked ids that never equal an email address: the order links them. Mail
        // (Amazon's relay too: one alias per buyer) has its sender to agree with.
        if (!mail)
            if (auto t = byOrderNumbers(db, m.orderNumbers, std::nullopt))
                return {t, Rule::OrderNumber};
    }
    if (customerId && m.date.isValid() && (!mail || presentsAsReply(m)))
        if (auto t = byCustomerSubject(db, *customerId, normalizedSubject(m.subject),
                                       m.date.addSecs(-kSubjectWindowSecs)))
            return {t, Rule::Subject};
    return {};
}

} // namespace casebook
