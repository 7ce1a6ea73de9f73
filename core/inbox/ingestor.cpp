#include "inbox/ingestor.h"

#include "inbox/category_suggester.h"
#include "model/channel_keys.h"
#include "model/sha256.h"
#include "store/statement_cache.h"
#include "store/ticket_lookup.h"
#include "store/ticket_writes.h"

namespace casebook {
namespace {

// A merged ticket is hidden; what would have joined it joins the ticket it was merged into.
qint64 liveTicket(SQLite::Database& db, qint64 ticketId)
{
    sql::Prepared stPrepared(db, "SELECT merged_into FROM tickets WHERE id = ? AND merged_into IS NOT NULL");
    SQLite::Statement& st = *stPrepared;
    for (int hops = 0; hops < 64; ++hops) {
        st.reset();
        st.clearBindings();
        st.bind(1, static_cast<int64_t>(ticketId));
        if (!st.executeStep())
            break;
        ticketId = st.getColumn(0).getInt64();
    }
    return ticketId;
}

} // namespace

Ingestor::Ingestor(Database& db, IngestOptions options)
    : m_db(db), m_options(std::move(options)), m_dueClocks(m_options.dueClocks)
{
    for (QString& a : m_options.ownAddresses)
        a = a.trimmed().toLower();
}

QDateTime Ingestor::dueAt(SQLite::Database& db, const InboundMessage& m)
{
    // Read once, on the connection of the first write: no reader connection for the importing thread.
    if (!m_dueClocks)
        m_dueClocks = AppSettings::dueClocks(db);
    const QDateTime clock = m_dueClocks->dueAt(m.channel, m.date);
    // The marketplace's own deadline, when it names one and it comes first.
    if (m.replyBy.isValid() && m.direction == Direction::In && (!clock.isValid() || m.replyBy < clock))
        return m.replyBy;
    return clock;
}

bool Ingestor::isOwnAddress(const QString& address) const
{
    if (address.isEmpty())
        return false;
    for (const QString& own : m_options.ownAddresses) {
        if (own.startsWith(QLatin1Char('@')) ? address.endsWith(own) : address == own)
            return true;
    }
    return false;
}

PreparedMail Ingestor::prepareMail(const QByteArray& raw, const QString& source, const QString& sourceRef,
                                   const QString& rawSha256) const
{
    PreparedMail p;
    Result<InboundMessage> parsed =
        raw.size() > m_options.maxMessageBytes
            ? Result<InboundMessage>(makeError(
                  QStringLiteral("the message is larger than %1 MB").arg(m_options.maxMessageBytes >> 20)))
            : parseMessage(raw, m_options.limits, rawSha256);
    if (parsed) {
        p.message = std::move(parsed.value());
    } else {
        p.message.raw = raw;
        p.message.rawSha256 = rawSha256.isEmpty() ? sha256Hex(raw) : rawSha256;
        p.quarantineReason = parsed.error().message;
    }
    p.message.source = source;
    p.message.sourceRef = sourceRef;
    return p;
}

IngestOutcome Ingestor::writePrepared(SQLite::Database& db, PreparedMail& prepared)
{
    if (!prepared.quarantineReason.isEmpty())
        return writeQuarantined(db, prepared.message, prepared.quarantineReason);
    complete(prepared.message);
    return writeMessage(db, prepared.message);
}

Result<IngestOutcome> Ingestor::writeOne(const std::function<IngestOutcome(SQLite::Database&)>& fn)
{
    IngestOutcome outcome;
    auto written = m_db.write([&](SQLite::Database& db) -> Result<void> {
        outcome = fn(db);
        return {};
    });
    if (!written)
        return written.error();
    return outcome;
}

Result<IngestOutcome> Ingestor::ingestMail(const QByteArray& raw, const QString& source,
                                           const QString& sourceRef)
{
    PreparedMail p = prepareMail(raw, source, sourceRef);
    return writeOne([&](SQLite::Database& db) { return writePrepared(db, p); });
}

Result<IngestOutcome> Ingestor::ingest(InboundMessage m)
{
    complete(m);
    return writeOne([&](SQLite::Database& db) { return writeMessage(db, m); });
}

// Fills what the store needs and the parser cannot know: hash, date, direction and the customer.
void Ingestor::complete(InboundMessage& m) const
{
    if (m.rawSha256.isEmpty())
        m.rawSha256 = sha256Hex(m.raw);
    if (!m.date.isValid())
        m.date = m_db.clock().now();
    if (channelInfo(m.channel).mail) {
        if (isOwnAddress(m.fromAddress)) {
            // The seller forwarding a customer's mail into the inbox brings that customer's case in: it is
            // theirs, incoming, and answered to them, not a reply the seller sent.
            if (!m.forwardedFromAddress.isEmpty() && !isOwnAddress(m.forwardedFromAddress) &&
                m.customer.isEmpty()) {
                m.customer = Identity{identityKindOf(Channel::Email), m.forwardedFromAddress};
                m.customerName = m.forwardedFromName;
            } else {
                m.direction = Direction::Out;
            }
        }
        if (m.customer.isEmpty()) {
            const QString other = m.direction == Direction::Out ? m.to.value(0) : m.fromAddress;
            m.customer = Identity{identityKindOf(Channel::Email), other};
            if (m.direction == Direction::Out)
                m.customerName.clear();
        }
    }
}

IngestOutcome Ingestor::writeQuarantined(SQLite::Database& db, const InboundMessage& m, const QString& reason)
{
    IngestOutcome outcome;
    outcome.reason = reason;
    if (ticket_writes::rawMessageExists(db, m.rawSha256)) {
        outcome.kind = IngestOutcome::Kind::Duplicate;
        return outcome;
    }
    outcome.kind = IngestOutcome::Kind::Quarantined;
    ticket_writes::quarantine(db, m, reason, m_db.clock().now());
    return outcome;
}

// Finds (or opens) the ticket of a message and its customer: the one rule for imports and rethread.
Ingestor::Placement Ingestor::place(SQLite::Database& db, InboundMessage& m, std::optional<qint64>& customerId,
                                    const std::function<std::optional<qint64>()>& reuse)
{
    Placement placed;
    const QDateTime now = m_db.clock().now();
    if (!m.customer.isEmpty())
        customerId = ticket_writes::customerOf(db, m.customer);
    const auto match = m_matcher.match(db, m, customerId);
    if (match.ticketId) {
        placed.ticketId = liveTicket(db, *match.ticketId);
        // A new identity reached through the ticket (another channel, same order) joins its customer.
        const auto ticketCustomer = ticket_lookup::customerOfTicket(db, placed.ticketId);
        if (!customerId && ticketCustomer && !m.customer.isEmpty()) {
            ticket_writes::addIdentity(db, *ticketCustomer, m.customer);
            customerId = ticketCustomer;
        }
    }
    if (!customerId && !m.customer.isEmpty())
        customerId = ticket_writes::customerFor(db, m.customer, m.customerName, now);
    if (match.ticketId)
        return placed;
    if (const std::optional<qint64> old = reuse ? reuse() : std::nullopt) {
        placed.ticketId = *old;
        placed.reused = true;
        ticket_writes::setCustomer(db, *old, customerId);
        return placed;
    }
    placed.ticketId = ticket_writes::createTicket(db, {m.subject, normalizedSubject(m.subject), customerId, m.date});
    placed.createdTicket = true;
    // A new ticket has no category yet: suggest one from what the customer wrote.
    const Category suggested = CategorySuggester::builtin().suggest(m.subject, m.text).category;
    if (suggested != Category::Other)
        ticket_writes::setCategory(db, placed.ticketId, suggested);
    return placed;
}

IngestOutcome Ingestor::writeMessage(SQLite::Database& db, InboundMessage& m)
{
    IngestOutcome outcome;
    if (ticket_writes::rawMessageExists(db, m.rawSha256)) {
        outcome.kind = IngestOutcome::Kind::Duplicate;
        return outcome;
    }
    std::optional<qint64> customerId;
    const Placement placed = place(db, m, customerId, {});
    ticket_writes::insertMessage(db, m, placed.ticketId, customerId, m_db.clock().now());
    ticket_writes::noteActivity(db, placed.ticketId, m.direction, m.date, dueAt(db, m));
    outcome.ticketId = placed.ticketId;
    outcome.createdTicket = placed.createdTicket;
    return outcome;
}

Ingestor::Placement Ingestor::replace(SQLite::Database& db, qint64 messageId, InboundMessage& m,
                                      const std::function<std::optional<qint64>()>& reuse)
{
    complete(m);
    std::optional<qint64> customerId;
    const Placement placed = place(db, m, customerId, reuse);
    ticket_writes::placeMessage(db, messageId, placed.ticketId, m.direction, customerId);
    ticket_writes::addOrderNumbers(db, placed.ticketId, m.orderNumbers);
    ticket_writes::noteActivity(db, placed.ticketId, m.direction, m.date, dueAt(db, m));
    return placed;
}

} // namespace casebook
