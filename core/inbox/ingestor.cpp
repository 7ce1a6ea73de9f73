#include "inbox/ingestor.h"

#include "mail/mime_parser.h"
#include "model/sha256.h"
#include "store/ticket_lookup.h"
#include "store/ticket_writes.h"

namespace casebook {

Ingestor::Ingestor(Database& db, IngestOptions options) : m_db(db), m_options(std::move(options))
{
    for (QString& a : m_options.ownAddresses)
        a = a.trimmed().toLower();
}

qint64 Ingestor::answerWithin(Channel c) const
{
    return c == Channel::Email ? m_options.emailAnswerWithinSecs : m_options.marketplaceAnswerWithinSecs;
}

Result<IngestOutcome> Ingestor::ingestMail(const QByteArray& raw, const QString& source, const QString& sourceRef)
{
    auto parsed = parseMessage(raw);
    if (parsed) {
        parsed->source = source;
        parsed->sourceRef = sourceRef;
        return ingest(std::move(parsed.value()));
    }
    InboundMessage bad;
    bad.raw = raw;
    bad.rawSha256 = sha256Hex(raw);
    bad.source = source;
    bad.sourceRef = sourceRef;
    IngestOutcome outcome;
    outcome.kind = IngestOutcome::Kind::Quarantined;
    outcome.reason = parsed.error().message;
    const QDateTime now = m_db.clock().now();
    auto written = m_db.write([&](SQLite::Database& db) -> Result<void> {
        if (ticket_writes::rawMessageExists(db, bad.rawSha256)) {
            outcome.kind = IngestOutcome::Kind::Duplicate;
            return {};
        }
        ticket_writes::quarantine(db, bad, outcome.reason, now);
        return {};
    });
    if (!written)
        return written.error();
    return outcome;
}

Result<IngestOutcome> Ingestor::ingest(InboundMessage m)
{
    if (m.rawSha256.isEmpty())
        m.rawSha256 = sha256Hex(m.raw);
    const QDateTime now = m_db.clock().now();
    if (!m.date.isValid())
        m.date = now;
    if (m.channel == Channel::Email) {
        if (m_options.ownAddresses.contains(m.fromAddress))
            m.direction = Direction::Out;
        if (m.customer.isEmpty()) {
            const QString other = m.direction == Direction::Out ? m.to.value(0) : m.fromAddress;
            m.customer = Identity{QStringLiteral("email"), other};
            if (m.direction == Direction::Out)
                m.customerName.clear();
        }
    }

    IngestOutcome outcome;
    auto written = m_db.write([&](SQLite::Database& db) -> Result<void> {
        if (ticket_writes::rawMessageExists(db, m.rawSha256)) {
            outcome.kind = IngestOutcome::Kind::Duplicate;
            return {};
        }
        std::optional<qint64> customerId;
        if (!m.customer.isEmpty())
            customerId = ticket_writes::customerOf(db, m.customer);
        const auto match = m_matcher.match(db, m, customerId);
        qint64 ticketId = 0;
        if (match.ticketId) {
            ticketId = *match.ticketId;
            // A new identity reached through the ticket (another channel, same order) joins its customer.
            const auto ticketCustomer = ticket_lookup::customerOfTicket(db, ticketId);
            if (!customerId && ticketCustomer && !m.customer.isEmpty()) {
                ticket_writes::addIdentity(db, *ticketCustomer, m.customer);
                customerId = ticketCustomer;
            }
        }
        if (!customerId && !m.customer.isEmpty())
            customerId = ticket_writes::customerFor(db, m.customer, m.customerName, now);
        if (!match.ticketId) {
            ticketId = ticket_writes::createTicket(
                db, {m.subject, normalizedSubject(m.subject), customerId, m.date});
            outcome.createdTicket = true;
        }
        ticket_writes::insertMessage(db, m, ticketId, customerId, now);
        ticket_writes::noteActivity(db, ticketId, m.direction, m.date, answerWithin(m.channel));
        outcome.ticketId = ticketId;
        return {};
    });
    if (!written)
        return written.error();
    return outcome;
}

} // namespace casebook
