#include "store/ticket_writes.h"

#include "model/sha256.h"
#include "store/sql_util.h"
#include "store/statement_cache.h"

#include <SQLiteCpp/Statement.h>

namespace casebook::ticket_writes {

using sql::bindText;
using sql::bindTextOrNull;
using sql::bindTime;

bool rawMessageExists(SQLite::Database& db, const QString& sha256)
{
    sql::Prepared stPrepared(db, "SELECT 1 FROM raw_messages WHERE sha256 = ?");
    SQLite::Statement& st = *stPrepared;
    bindText(st, 1, sha256);
    return st.executeStep();
}

std::optional<qint64> customerOf(SQLite::Database& db, const Identity& identity)
{
    sql::Prepared stPrepared(db, "SELECT customer_id FROM customer_identities WHERE kind = ? AND value = ?");
    SQLite::Statement& st = *stPrepared;
    bindText(st, 1, identity.kind);
    bindText(st, 2, identity.value);
    if (st.executeStep())
        return st.getColumn(0).getInt64();
    return std::nullopt;
}

void addIdentity(SQLite::Database& db, qint64 customerId, const Identity& identity)
{
    sql::Prepared stPrepared(
        db, "INSERT OR IGNORE INTO customer_identities(customer_id, kind, value) VALUES (?, ?, ?)");
    SQLite::Statement& st = *stPrepared;
    st.bind(1, static_cast<int64_t>(customerId));
    bindText(st, 2, identity.kind);
    bindText(st, 3, identity.value);
    st.exec();
}

qint64 customerFor(SQLite::Database& db, const Identity& identity, const QString& displayName,
                   const QDateTime& now)
{
    if (auto existing = customerOf(db, identity)) {
        if (!displayName.isEmpty()) {
            sql::Prepared fillPrepared(
                db, "UPDATE customers SET display_name = ? WHERE id = ? AND display_name = ''");
            SQLite::Statement& fill = *fillPrepared;
            bindText(fill, 1, displayName);
            fill.bind(2, static_cast<int64_t>(*existing));
            fill.exec();
        }
        return *existing;
    }
    sql::Prepared stPrepared(db, "INSERT INTO customers(display_name, created_at) VALUES (?, ?)");
    SQLite::Statement& st = *stPrepared;
    bindText(st, 1, displayName.isEmpty() ? identity.value : displayName);
    bindTime(st, 2, now);
    st.exec();
    const qint64 id = db.getLastInsertRowid();
    addIdentity(db, id, identity);
    return id;
}

qint64 createTicket(SQLite::Database& db, const NewTicket& t)
{
    // Case numbers start at 1001 so they never look like counts.
    const qint64 number = db.execAndGet("SELECT COALESCE(MAX(number), 1000) + 1 FROM tickets").getInt64();
    sql::Prepared stPrepared(
        db, "INSERT INTO tickets(number, subject, subject_key, customer_id, status, created_at, "
            "last_activity_at) VALUES (?, ?, ?, ?, 'new', ?, ?)");
    SQLite::Statement& st = *stPrepared;
    st.bind(1, static_cast<int64_t>(number));
    bindText(st, 2, t.subject);
    bindText(st, 3, t.subjectKey);
    if (t.customerId)
        st.bind(4, static_cast<int64_t>(*t.customerId));
    else
        st.bind(4);
    bindTime(st, 5, t.createdAt);
    bindTime(st, 6, t.createdAt);
    st.exec();
    return db.getLastInsertRowid();
}

namespace {

void insertRaw(SQLite::Database& db, const InboundMessage& m)
{
    sql::Prepared stPrepared(db, "INSERT OR IGNORE INTO raw_messages(sha256, size, data) VALUES (?, ?, ?)");
    SQLite::Statement& st = *stPrepared;
    bindText(st, 1, m.rawSha256);
    st.bind(2, static_cast<int64_t>(m.raw.size()));
    // Not copied: the statement runs before the bytes go (a raw message may be 100 MB and more).
    st.bindNoCopy(3, m.raw.constData(), static_cast<int>(m.raw.size()));
    st.exec();
}

qint64 insertMessageRow(SQLite::Database& db, const InboundMessage& m, std::optional<qint64> ticketId,
                        std::optional<qint64> customerId, const QString& quarantineReason,
                        const QDateTime& now)
{
    sql::Prepared stPrepared(
        db, "INSERT INTO messages(ticket_id, direction, channel, external_id, thread_key, "
            "raw_sha256, from_name, from_address, to_addresses, subject, date, text_body, "
            "html_body, in_reply_to, refs, customer_id, source, source_ref, quarantine_reason, "
            "created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    SQLite::Statement& st = *stPrepared;
    if (ticketId)
        st.bind(1, static_cast<int64_t>(*ticketId));
    else
        st.bind(1);
    bindText(st, 2, toString(m.direction));
    bindText(st, 3, toString(m.channel));
    bindTextOrNull(st, 4, m.externalId);
    bindTextOrNull(st, 5, m.threadKey);
    bindTextOrNull(st, 6, m.rawSha256);
    bindText(st, 7, m.fromName);
    bindText(st, 8, m.fromAddress);
    bindText(st, 9, m.to.join(QStringLiteral(", ")));
    bindText(st, 10, m.subject);
    bindTime(st, 11, m.date);
    bindText(st, 12, m.text);
    bindText(st, 13, m.html);
    bindTextOrNull(st, 14, m.inReplyTo);
    bindText(st, 15, m.references.join(QLatin1Char(' ')));
    if (customerId)
        st.bind(16, static_cast<int64_t>(*customerId));
    else
        st.bind(16);
    bindText(st, 17, m.source);
    bindText(st, 18, m.sourceRef);
    bindTextOrNull(st, 19, quarantineReason);
    bindTime(st, 20, now);
    st.exec();
    return db.getLastInsertRowid();
}

void insertRefs(SQLite::Database& db, qint64 messageId, const InboundMessage& m)
{
    QStringList refs = m.references;
    if (!m.inReplyTo.isEmpty())
        refs << m.inReplyTo;
    sql::Prepared stPrepared(db, "INSERT OR IGNORE INTO message_refs(message_id, ref) VALUES (?, ?)");
    SQLite::Statement& st = *stPrepared;
    for (const QString& r : refs) {
        if (r.isEmpty() || r == m.externalId)
            continue;
        st.reset();
        st.bind(1, static_cast<int64_t>(messageId));
        bindText(st, 2, r);
        st.exec();
    }
}

void insertAttachments(SQLite::Database& db, qint64 messageId, const QList<Attachment>& attachments)
{
    sql::Prepared blobPrepared(db, "INSERT OR IGNORE INTO blobs(sha256, size, data) VALUES (?, ?, ?)");
    SQLite::Statement& blob = *blobPrepared;
    sql::Prepared attPrepared(db, "INSERT INTO attachments(message_id, sha256, filename, media_type, size) "
                                  "VALUES (?, ?, ?, ?, ?)");
    SQLite::Statement& att = *attPrepared;
    for (const Attachment& a : attachments) {
        const QString sha = a.sha256.isEmpty() ? sha256Hex(a.data) : a.sha256;
        blob.reset();
        bindText(blob, 1, sha);
        blob.bind(2, static_cast<int64_t>(a.data.size()));
        blob.bindNoCopy(3, a.data.constData(), static_cast<int>(a.data.size())); // run at once: no copy
        blob.exec();
        att.reset();
        att.bind(1, static_cast<int64_t>(messageId));
        bindText(att, 2, sha);
        bindText(att, 3, a.filename);
        bindText(att, 4, a.mediaType.isEmpty() ? QStringLiteral("application/octet-stream") : a.mediaType);
        att.bind(5, static_cast<int64_t>(a.data.size()));
        att.exec();
    }
}

} // namespace

qint64 insertMessage(SQLite::Database& db, const InboundMessage& m, qint64 ticketId,
                     std::optional<qint64> customerId, const QDateTime& now)
{
    if (!m.rawSha256.isEmpty())
        insertRaw(db, m);
    const qint64 id = insertMessageRow(db, m, ticketId, customerId, {}, now);
    insertRefs(db, id, m);
    insertAttachments(db, id, m.attachments);
    addOrderNumbers(db, ticketId, m.orderNumbers);
    return id;
}

qint64 quarantine(SQLite::Database& db, const InboundMessage& m, const QString& reason, const QDateTime& now)
{
    insertRaw(db, m);
    return insertMessageRow(db, m, std::nullopt, std::nullopt,
                            reason.isEmpty() ? QStringLiteral("unreadable") : reason, now);
}

void noteActivity(SQLite::Database& db, qint64 ticketId, Direction direction, const QDateTime& at,
                  const QDateTime& dueAt)
{
    if (direction == Direction::In) {
        // A customer's word reopens a waiting or resolved case, wakes a snoozed one and starts the answer
        // clock, unless one runs.
        sql::Prepared stPrepared(
            db, "UPDATE tickets SET "
                " last_activity_at = MAX(last_activity_at, ?1), snoozed_until = NULL,"
                " unread_count = unread_count + 1,"
                " status = CASE status WHEN 'waiting' THEN 'open' WHEN 'resolved' THEN 'open' "
                "          ELSE status END,"
                " due_at = CASE WHEN due_at IS NULL OR status IN ('waiting','resolved') "
                "          THEN ?2 ELSE MIN(due_at, ?2) END "
                "WHERE id = ?3");
        SQLite::Statement& st = *stPrepared;
        bindTime(st, 1, at);
        bindTime(st, 2, dueAt);
        st.bind(3, static_cast<int64_t>(ticketId));
        st.exec();
    } else if (direction == Direction::Out) {
        sql::Prepared stPrepared(
            db, "UPDATE tickets SET last_activity_at = MAX(last_activity_at, ?1), due_at = NULL,"
                " status = CASE WHEN status IN ('new','open') THEN 'waiting' ELSE status END "
                "WHERE id = ?2");
        SQLite::Statement& st = *stPrepared;
        bindTime(st, 1, at);
        st.bind(2, static_cast<int64_t>(ticketId));
        st.exec();
    } else {
        sql::Prepared stPrepared(
            db, "UPDATE tickets SET last_activity_at = MAX(last_activity_at, ?1) WHERE id = ?2");
        SQLite::Statement& st = *stPrepared;
        bindTime(st, 1, at);
        st.bind(2, static_cast<int64_t>(ticketId));
        st.exec();
    }
}

void saveSourceCursor(SQLite::Database& db, const QString& source, const QString& cursor,
                      const QDateTime& now)
{
    sql::Prepared stPrepared(db, "INSERT INTO source_cursors(source, cursor, updated_at) VALUES (?1, ?2, ?3) "
                                 "ON CONFLICT(source) DO UPDATE SET cursor = ?2, updated_at = ?3");
    SQLite::Statement& st = *stPrepared;
    bindText(st, 1, source);
    bindText(st, 2, cursor);
    bindTime(st, 3, now);
    st.exec();
}

void addOrderNumbers(SQLite::Database& db, qint64 ticketId, const QStringList& orders)
{
    sql::Prepared stPrepared(db,
                             "INSERT OR IGNORE INTO ticket_orders(ticket_id, order_number) VALUES (?, ?)");
    SQLite::Statement& st = *stPrepared;
    for (const QString& o : orders) {
        st.reset();
        st.bind(1, static_cast<int64_t>(ticketId));
        bindText(st, 2, o);
        st.exec();
    }
}

void placeMessage(SQLite::Database& db, qint64 messageId, qint64 ticketId, Direction direction,
                  std::optional<qint64> customerId)
{
    sql::Prepared stPrepared(db, "UPDATE messages SET ticket_id = ?1, direction = ?2, customer_id = ?3, "
                                 "quarantine_reason = NULL WHERE id = ?4");
    SQLite::Statement& st = *stPrepared;
    st.bind(1, static_cast<int64_t>(ticketId));
    bindText(st, 2, toString(direction));
    if (customerId)
        st.bind(3, static_cast<int64_t>(*customerId));
    else
        st.bind(3);
    st.bind(4, static_cast<int64_t>(messageId));
    st.exec();
}

void setCustomer(SQLite::Database& db, qint64 ticketId, std::optional<qint64> customerId)
{
    sql::Prepared stPrepared(db, "UPDATE tickets SET customer_id = ?1 WHERE id = ?2");
    SQLite::Statement& st = *stPrepared;
    if (customerId)
        st.bind(1, static_cast<int64_t>(*customerId));
    else
        st.bind(1);
    st.bind(2, static_cast<int64_t>(ticketId));
    st.exec();
}

namespace {
template <typename V>
void updateTicketColumn(SQLite::Database& db, const char* sqlText, qint64 ticketId, const V& value)
{
    SQLite::Statement st(db, sqlText);
    if constexpr (std::is_same_v<V, QString>)
        bindText(st, 1, value);
    else
        st.bind(1, value);
    st.bind(2, static_cast<int64_t>(ticketId));
    st.exec();
}
} // namespace

void setStatus(SQLite::Database& db, qint64 ticketId, TicketStatus status)
{
    // No answer is owed on a case that waits on the customer, is resolved or is spam.
    updateTicketColumn(
        db,
        "UPDATE tickets SET status = ?1, due_at = CASE WHEN ?1 IN ('waiting','resolved','spam') "
        "THEN NULL ELSE due_at END WHERE id = ?2",
        ticketId, toString(status));
}

void setPriority(SQLite::Database& db, qint64 ticketId, int priority)
{
    updateTicketColumn(db, "UPDATE tickets SET priority = ? WHERE id = ?", ticketId, priority);
}

void setCategory(SQLite::Database& db, qint64 ticketId, Category category)
{
    updateTicketColumn(db, "UPDATE tickets SET category = ? WHERE id = ?", ticketId, toString(category));
}

void setSummary(SQLite::Database& db, qint64 ticketId, const QString& summary)
{
    updateTicketColumn(db, "UPDATE tickets SET summary = ? WHERE id = ?", ticketId, summary);
}

void setCustomerFlags(SQLite::Database& db, qint64 customerId, bool abusive, bool vip)
{
    sql::Prepared stPrepared(db, "UPDATE customers SET abusive = ?, vip = ? WHERE id = ?");
    SQLite::Statement& st = *stPrepared;
    st.bind(1, abusive ? 1 : 0);
    st.bind(2, vip ? 1 : 0);
    st.bind(3, static_cast<int64_t>(customerId));
    st.exec();
}

void recordEvent(SQLite::Database& db, std::optional<qint64> ticketId, const QDateTime& at,
                 const QString& kind, const QString& detailJson)
{
    sql::Prepared stPrepared(db, "INSERT INTO events(ticket_id, at, kind, detail) VALUES (?, ?, ?, ?)");
    SQLite::Statement& st = *stPrepared;
    if (ticketId)
        st.bind(1, static_cast<int64_t>(*ticketId));
    else
        st.bind(1);
    bindTime(st, 2, at);
    bindText(st, 3, kind);
    bindText(st, 4, detailJson);
    st.exec();
}

} // namespace casebook::ticket_writes
