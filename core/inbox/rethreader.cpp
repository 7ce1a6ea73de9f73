#include "inbox/rethreader.h"

#include "mail/mime_parser.h"
#include "model/channel_keys.h"
#include "store/sql_util.h"
#include "store/ticket_writes.h"

#include <QHash>
#include <QSet>
#include <SQLiteCpp/Statement.h>

namespace casebook {
namespace {

struct StoredMail {
    qint64 id = 0;
    qint64 oldTicket = 0;
    QString sha;
    Direction direction = Direction::In;
    QString source;
    QString sourceRef;
};

// What the seller decided about a ticket; replaying its mail must not undo it.
struct Triage {
    QString status;
    int priority = 0;
    QString category;
    std::optional<qint64> snoozedUntil;
    qint64 unread = 0;
};

// The channels whose messages are mail (email, Amazon's relay), as an SQL list: 'email','amazon'.
std::string mailChannelList()
{
    std::string list;
    for (const ChannelInfo& row : kChannelTable)
        if (row.mail)
            list += (list.empty() ? "'" : ",'") + std::string(row.name) + "'";
    return list;
}

std::vector<StoredMail> storedMail(SQLite::Database& db)
{
    // Every mail in a ticket, in arrival order (the order an import met them). Notes stay where they are.
    // A scan of every message in id order: rethread reads them all.
    SQLite::Statement st(db, "SELECT id, ticket_id, raw_sha256, direction, source, source_ref FROM messages "
                             "WHERE channel IN (" + mailChannelList() + ") AND ticket_id IS NOT NULL "
                             "AND direction <> 'note' AND raw_sha256 IS NOT NULL ORDER BY id");
    std::vector<StoredMail> out;
    while (st.executeStep()) {
        StoredMail m;
        m.id = st.getColumn(0).getInt64();
        m.oldTicket = st.getColumn(1).getInt64();
        m.sha = sql::textOf(st.getColumn(2));
        m.direction = sql::textOf(st.getColumn(3)) == QLatin1String("out") ? Direction::Out : Direction::In;
        m.source = sql::textOf(st.getColumn(4));
        m.sourceRef = sql::textOf(st.getColumn(5));
        out.push_back(std::move(m));
    }
    return out;
}

Triage triageOf(SQLite::Database& db, qint64 ticketId)
{
    SQLite::Statement st(db, "SELECT status, priority, category, snoozed_until, unread_count FROM tickets "
                             "WHERE id = ?");
    st.bind(1, static_cast<int64_t>(ticketId));
    Triage t;
    if (st.executeStep()) {
        t.status = sql::textOf(st.getColumn(0));
        t.priority = st.getColumn(1).getInt();
        t.category = sql::textOf(st.getColumn(2));
        if (!st.getColumn(3).isNull())
            t.snoozedUntil = st.getColumn(3).getInt64();
        t.unread = st.getColumn(4).getInt64();
    }
    return t;
}

void restoreTriage(SQLite::Database& db, qint64 ticketId, const Triage& t)
{
    SQLite::Statement st(db, "UPDATE tickets SET status = ?1, priority = ?2, category = ?3, snoozed_until = ?4, "
                             "unread_count = ?5, due_at = CASE WHEN ?1 IN ('waiting','resolved','spam') THEN NULL "
                             "ELSE due_at END WHERE id = ?6");
    sql::bindText(st, 1, t.status);
    st.bind(2, t.priority);
    sql::bindText(st, 3, t.category);
    if (t.snoozedUntil)
        st.bind(4, static_cast<int64_t>(*t.snoozedUntil));
    else
        st.bind(4);
    st.bind(5, static_cast<int64_t>(t.unread));
    st.bind(6, static_cast<int64_t>(ticketId));
    st.exec();
}

// Takes a message out of its ticket for the replay: a message without a ticket must carry a quarantine
// reason (the table's CHECK), and lookups skip such rows, so the replay sees only what it placed again.
void detach(SQLite::Database& db, qint64 messageId)
{
    SQLite::Statement st(db, "UPDATE messages SET ticket_id = NULL, quarantine_reason = 'rethreading' WHERE id = ?");
    st.bind(1, static_cast<int64_t>(messageId));
    st.exec();
}

void reattach(SQLite::Database& db, qint64 messageId, qint64 ticketId)
{
    SQLite::Statement st(db, "UPDATE messages SET ticket_id = ?1, quarantine_reason = NULL WHERE id = ?2");
    st.bind(1, static_cast<int64_t>(ticketId));
    st.bind(2, static_cast<int64_t>(messageId));
    st.exec();
}

// The clocks and the customer are derived again by the replay; the rest of the ticket is left alone.
void resetDerived(SQLite::Database& db, qint64 ticketId)
{
    SQLite::Statement st(db, "UPDATE tickets SET customer_id = NULL, last_activity_at = created_at, "
                             "due_at = NULL, unread_count = 0 WHERE id = ?");
    st.bind(1, static_cast<int64_t>(ticketId));
    st.exec();
}

bool isEmpty(SQLite::Database& db, qint64 ticketId)
{
    SQLite::Statement st(db, "SELECT 1 FROM messages WHERE ticket_id = ? LIMIT 1"); // messages_ticket
    st.bind(1, static_cast<int64_t>(ticketId));
    return !st.executeStep();
}

// A ticket left without mail folds into the ticket its first message went to, as a merge does: notes and
// evidence follow (a file the case holds already stays), the number leads there.
void fold(SQLite::Database& db, qint64 from, qint64 into)
{
    SQLite::Statement notes(db, "UPDATE messages SET ticket_id = ?1 WHERE ticket_id = ?2");
    notes.bind(1, static_cast<int64_t>(into));
    notes.bind(2, static_cast<int64_t>(from));
    notes.exec();
    SQLite::Statement evidence(db, "UPDATE evidence SET ticket_id = ?1 WHERE ticket_id = ?2 AND NOT EXISTS ("
                                   "SELECT 1 FROM evidence o WHERE o.ticket_id = ?1 AND o.sha256 = evidence.sha256)");
    evidence.bind(1, static_cast<int64_t>(into));
    evidence.bind(2, static_cast<int64_t>(from));
    evidence.exec();
    SQLite::Statement merged(db, "UPDATE tickets SET merged_into = ?1, customer_id = NULL WHERE id = ?2");
    merged.bind(1, static_cast<int64_t>(into));
    merged.bind(2, static_cast<int64_t>(from));
    merged.exec();
}

// The seller's addresses, made customers (or another identity of a customer whose thread they answered) by
// imports that did not know them: taken off every customer; a customer left with nothing is removed.
qint64 removeOwnIdentities(SQLite::Database& db, const QStringList& own)
{
    qint64 removed = 0;
    for (const QString& address : own) {
        if (address.startsWith(QLatin1Char('@')))
            continue; // a whole domain: its customers' identities are left to the seller
        const auto customer =
            ticket_writes::customerOf(db, Identity{identityKindOf(Channel::Email), address});
        if (!customer)
            continue;
        SQLite::Statement identity(db, "DELETE FROM customer_identities WHERE kind = 'email' AND value = ?");
        sql::bindText(identity, 1, address);
        removed += identity.exec();
        // messages.customer_id has no index: one scan per own address, in a command run by hand.
        SQLite::Statement del(db, "DELETE FROM customers WHERE id = ?1 AND NOT vip AND NOT abusive AND note = '' "
                                  "AND NOT EXISTS (SELECT 1 FROM customer_identities WHERE customer_id = ?1) "
                                  "AND NOT EXISTS (SELECT 1 FROM tickets WHERE customer_id = ?1) "
                                  "AND NOT EXISTS (SELECT 1 FROM messages WHERE customer_id = ?1)");
        del.bind(1, static_cast<int64_t>(*customer));
        del.exec();
    }
    return removed;
}

} // namespace

Rethreader::Rethreader(Database& db, IngestOptions options) : m_db(db), m_options(std::move(options)) {}

Result<RethreadReport> Rethreader::run()
{
    RethreadReport report;
    Ingestor ingestor(m_db, m_options);
    auto written = m_db.write([&](SQLite::Database& db) -> Result<void> {
        report = {};
        const std::vector<StoredMail> mails = storedMail(db);
        QHash<qint64, Triage> triage;
        for (const StoredMail& m : mails)
            if (!triage.contains(m.oldTicket))
                triage.insert(m.oldTicket, triageOf(db, m.oldTicket));
        for (const StoredMail& m : mails)
            detach(db, m.id);
        for (auto it = triage.cbegin(); it != triage.cend(); ++it)
            resetDerived(db, it.key());

        QSet<qint64> claimed;                 // tickets a thread of the replay holds
        QHash<qint64, qint64> firstWentTo;    // old ticket → where its first message went
        SQLite::Statement raw(db, "SELECT data FROM raw_messages WHERE sha256 = ?");
        for (const StoredMail& stored : mails) {
            raw.reset();
            sql::bindText(raw, 1, stored.sha);
            Result<InboundMessage> parsed = makeError(ErrorCode::NotFound, QStringLiteral("no raw bytes"));
            if (raw.executeStep())
                parsed = parseMessage(QByteArray(static_cast<const char*>(raw.getColumn(0).getBlob()),
                                                 raw.getColumn(0).getBytes()),
                                      m_options.limits, stored.sha);
            if (!parsed) {
                // It was read once; if it cannot be read again it stays as it was.
                reattach(db, stored.id, stored.oldTicket);
                claimed.insert(stored.oldTicket);
                continue;
            }
            InboundMessage m = std::move(parsed.value());
            m.source = stored.source;
            m.sourceRef = stored.sourceRef;
            // A reply the seller sent from Casebook stays theirs whatever the address list says.
            if (stored.direction == Direction::Out && stored.source == QLatin1String("outbox"))
                m.direction = Direction::Out;
            const auto placed = ingestor.replace(db, stored.id, m, [&]() -> std::optional<qint64> {
                if (claimed.contains(stored.oldTicket))
                    return std::nullopt;
                return stored.oldTicket;
            });
            claimed.insert(placed.ticketId);
            if (!firstWentTo.contains(stored.oldTicket))
                firstWentTo.insert(stored.oldTicket, placed.ticketId);
            ++report.messages;
            if (m.direction != stored.direction)
                ++report.directionsChanged;
            if (placed.createdTicket)
                ++report.ticketsCreated;
        }
        for (auto it = triage.cbegin(); it != triage.cend(); ++it) {
            if (claimed.contains(it.key())) {
                restoreTriage(db, it.key(), it.value());
                ++report.ticketsKept;
            } else if (firstWentTo.contains(it.key())) {
                fold(db, it.key(), firstWentTo.value(it.key()));
                ++report.ticketsFolded;
            } else if (!isEmpty(db, it.key())) {
                restoreTriage(db, it.key(), it.value()); // its mail could not be read again: left as it was
            }
        }
        report.ownIdentitiesRemoved = removeOwnIdentities(db, m_options.ownAddresses);
        ticket_writes::recordEvent(db, std::nullopt, m_db.clock().now(), QStringLiteral("rethread"),
                                   QStringLiteral("{\"messages\":%1,\"own_addresses\":%2}")
                                       .arg(report.messages)
                                       .arg(m_options.ownAddresses.size()));
        return {};
    });
    if (!written)
        return written.error();
    return report;
}

} // namespace casebook
