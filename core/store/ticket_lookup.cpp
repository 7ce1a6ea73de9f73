#include "store/ticket_lookup.h"

#include "store/sql_util.h"
#include "store/statement_cache.h"

#include <SQLiteCpp/Statement.h>

namespace casebook::ticket_lookup {

using sql::bindText;
using sql::bindTime;

namespace {

std::optional<qint64> firstId(SQLite::Statement& st)
{
    if (st.executeStep() && !st.getColumn(0).isNull())
        return st.getColumn(0).getInt64();
    return std::nullopt;
}

} // namespace

namespace {

std::vector<TicketCandidate> candidates(SQLite::Statement& st)
{
    std::vector<TicketCandidate> out;
    while (st.executeStep()) {
        TicketCandidate c;
        c.ticketId = st.getColumn(0).getInt64();
        if (!st.getColumn(1).isNull())
            c.customerId = st.getColumn(1).getInt64();
        c.subjectKey = sql::textOf(st.getColumn(2));
        out.push_back(std::move(c));
    }
    return out;
}

// The tickets a statement finds for one Message-ID (bound as ?1); none for an empty id.
std::vector<TicketCandidate> candidatesFor(SQLite::Database& db, const char* sqlText, const QString& messageId)
{
    if (messageId.isEmpty())
        return {};
    sql::Prepared stPrepared(db, sqlText);
    SQLite::Statement& st = *stPrepared;
    bindText(st, 1, messageId);
    return candidates(st);
}

} // namespace

std::vector<TicketCandidate> ticketsOfMessageId(SQLite::Database& db, const QString& messageId)
{
    // The unary + keeps channel and ticket_id out of the index choice: without statistics SQLite prefers
    // messages_channel(channel, ticket_id), two constrained columns, to messages_external, one; but every
    // email has channel 'email', so that plan walked all of them for each lookup (a quadratic import).
    return candidatesFor(db,
                         "SELECT t.id, t.customer_id, t.subject_key FROM tickets t WHERE t.id IN ("
                         " SELECT ticket_id FROM messages WHERE external_id = ? AND +channel = 'email' "
                         " AND +ticket_id IS NOT NULL) ORDER BY t.id LIMIT 16",
                         messageId);
}

std::vector<TicketCandidate> ticketsReferencing(SQLite::Database& db, const QString& messageId)
{
    return candidatesFor(db,
                         "SELECT t.id, t.customer_id, t.subject_key FROM tickets t WHERE t.id IN ("
                         " SELECT m.ticket_id FROM message_refs r JOIN messages m ON m.id = r.message_id "
                         " WHERE r.ref = ? AND m.ticket_id IS NOT NULL) ORDER BY t.id LIMIT 16",
                         messageId);
}

std::vector<TicketCandidate> ticketsThroughAncestor(SQLite::Database& db, const QString& messageId)
{
    // The nearer parent is In-Reply-To, or else the last of References (stored space-separated). Planned on
    // message_refs_ref, then the primary keys of messages and tickets.
    return candidatesFor(
        db,
        "SELECT t.id, t.customer_id, t.subject_key FROM tickets t WHERE t.id IN ("
        " SELECT m.ticket_id FROM message_refs r JOIN messages m ON m.id = r.message_id "
        " WHERE r.ref = ?1 AND m.ticket_id IS NOT NULL AND CASE WHEN COALESCE(m.in_reply_to, '') <> '' "
        " THEN m.in_reply_to <> ?1 ELSE m.refs <> ?1 AND substr(m.refs, -length(?1) - 1) <> ' ' || ?1 END)"
        " ORDER BY t.id LIMIT 16",
        messageId);
}

QString sourceCursor(SQLite::Database& db, const QString& source)
{
    sql::Prepared stPrepared(db, "SELECT cursor FROM source_cursors WHERE source = ?");
    SQLite::Statement& st = *stPrepared;
    bindText(st, 1, source);
    return st.executeStep() ? sql::textOf(st.getColumn(0)) : QString();
}

std::vector<QuarantinedMessage> quarantined(SQLite::Database& db)
{
    sql::Prepared stPrepared(db,
                             "SELECT m.id, m.source, m.source_ref, m.quarantine_reason, COALESCE(r.size, 0), "
                             "COALESCE(m.raw_sha256, ''), m.created_at FROM messages m "
                             "LEFT JOIN raw_messages r ON r.sha256 = m.raw_sha256 "
                             "WHERE m.quarantine_reason IS NOT NULL ORDER BY m.created_at DESC, m.id DESC");
    SQLite::Statement& st = *stPrepared;
    std::vector<QuarantinedMessage> out;
    while (st.executeStep()) {
        QuarantinedMessage q;
        q.id = st.getColumn(0).getInt64();
        q.source = sql::textOf(st.getColumn(1));
        q.sourceRef = sql::textOf(st.getColumn(2));
        q.reason = sql::textOf(st.getColumn(3));
        q.size = st.getColumn(4).getInt64();
        q.sha256 = sql::textOf(st.getColumn(5));
        q.createdAt = sql::timeOf(st.getColumn(6));
        out.push_back(std::move(q));
    }
    return out;
}

std::optional<qint64> byNumber(SQLite::Database& db, int number)
{
    sql::Prepared stPrepared(db, "SELECT id FROM tickets WHERE number = ?");
    SQLite::Statement& st = *stPrepared;
    st.bind(1, number);
    return firstId(st);
}

std::optional<qint64> byThreadKey(SQLite::Database& db, const QString& threadKey)
{
    if (threadKey.isEmpty())
        return std::nullopt;
    sql::Prepared stPrepared(db,
                             "SELECT ticket_id FROM messages WHERE thread_key = ? AND +ticket_id IS NOT NULL "
                             "ORDER BY id LIMIT 1"); // + : see ticketsOfMessageId
    SQLite::Statement& st = *stPrepared;
    bindText(st, 1, threadKey);
    return firstId(st);
}

std::optional<qint64> byOrderNumbers(SQLite::Database& db, const QStringList& orders,
                                     std::optional<qint64> customerId)
{
    sql::Prepared stPrepared(db, "SELECT t.id FROM ticket_orders o JOIN tickets t ON t.id = o.ticket_id "
                                 "WHERE o.order_number = ?1 AND (?2 IS NULL OR t.customer_id = ?2) "
                                 "ORDER BY t.last_activity_at DESC LIMIT 1");
    SQLite::Statement& st = *stPrepared;
    for (const QString& order : orders) {
        st.reset();
        bindText(st, 1, order);
        if (customerId)
            st.bind(2, static_cast<int64_t>(*customerId));
        else
            st.bind(2);
        if (auto t = firstId(st))
            return t;
    }
    return std::nullopt;
}

std::optional<qint64> byCustomerSubject(SQLite::Database& db, qint64 customerId, const QString& subjectKey,
                                        const QDateTime& since)
{
    if (subjectKey.isEmpty())
        return std::nullopt;
    sql::Prepared stPrepared(db, "SELECT id FROM tickets WHERE customer_id = ? AND subject_key = ? "
                                 "AND last_activity_at >= ? ORDER BY last_activity_at DESC LIMIT 1");
    SQLite::Statement& st = *stPrepared;
    st.bind(1, static_cast<int64_t>(customerId));
    bindText(st, 2, subjectKey);
    bindTime(st, 3, since);
    return firstId(st);
}

std::optional<qint64> customerOfTicket(SQLite::Database& db, qint64 ticketId)
{
    sql::Prepared stPrepared(db, "SELECT customer_id FROM tickets WHERE id = ?");
    SQLite::Statement& st = *stPrepared;
    st.bind(1, static_cast<int64_t>(ticketId));
    return firstId(st);
}

} // namespace casebook::ticket_lookup
