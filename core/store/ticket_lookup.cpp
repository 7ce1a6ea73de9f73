#include "store/ticket_lookup.h"

#include "store/sql_util.h"

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

std::optional<qint64> byMessageIds(SQLite::Database& db, const QStringList& ids)
{
    SQLite::Statement st(db, "SELECT ticket_id FROM messages WHERE external_id = ? AND ticket_id IS NOT NULL "
                             "AND channel = 'email' ORDER BY id LIMIT 1");
    for (const QString& id : ids) {
        if (id.isEmpty())
            continue;
        st.reset();
        bindText(st, 1, id);
        if (auto t = firstId(st))
            return t;
    }
    return std::nullopt;
}

std::optional<qint64> byReferencingMessage(SQLite::Database& db, const QString& messageId)
{
    if (messageId.isEmpty())
        return std::nullopt;
    SQLite::Statement st(db, "SELECT m.ticket_id FROM message_refs r JOIN messages m ON m.id = r.message_id "
                             "WHERE r.ref = ? AND m.ticket_id IS NOT NULL ORDER BY m.id LIMIT 1");
    bindText(st, 1, messageId);
    return firstId(st);
}

std::optional<qint64> bySharedReference(SQLite::Database& db, const QStringList& refs)
{
    SQLite::Statement st(db, "SELECT m.ticket_id FROM message_refs r JOIN messages m ON m.id = r.message_id "
                             "WHERE r.ref = ? AND m.ticket_id IS NOT NULL ORDER BY m.id LIMIT 1");
    for (const QString& ref : refs) {
        if (ref.isEmpty())
            continue;
        st.reset();
        bindText(st, 1, ref);
        if (auto t = firstId(st))
            return t;
    }
    return std::nullopt;
}

std::optional<qint64> byNumber(SQLite::Database& db, int number)
{
    SQLite::Statement st(db, "SELECT id FROM tickets WHERE number = ?");
    st.bind(1, number);
    return firstId(st);
}

std::optional<qint64> byThreadKey(SQLite::Database& db, const QString& threadKey)
{
    if (threadKey.isEmpty())
        return std::nullopt;
    SQLite::Statement st(db, "SELECT ticket_id FROM messages WHERE thread_key = ? AND ticket_id IS NOT NULL "
                             "ORDER BY id LIMIT 1");
    bindText(st, 1, threadKey);
    return firstId(st);
}

std::optional<qint64> byOrderNumbers(SQLite::Database& db, const QStringList& orders, std::optional<qint64> customerId)
{
    SQLite::Statement st(db, "SELECT t.id FROM ticket_orders o JOIN tickets t ON t.id = o.ticket_id "
                             "WHERE o.order_number = ?1 AND (?2 IS NULL OR t.customer_id = ?2) "
                             "ORDER BY t.last_activity_at DESC LIMIT 1");
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
    SQLite::Statement st(db, "SELECT id FROM tickets WHERE customer_id = ? AND subject_key = ? "
                             "AND last_activity_at >= ? ORDER BY last_activity_at DESC LIMIT 1");
    st.bind(1, static_cast<int64_t>(customerId));
    bindText(st, 2, subjectKey);
    bindTime(st, 3, since);
    return firstId(st);
}

std::optional<qint64> customerOfTicket(SQLite::Database& db, qint64 ticketId)
{
    SQLite::Statement st(db, "SELECT customer_id FROM tickets WHERE id = ?");
    st.bind(1, static_cast<int64_t>(ticketId));
    return firstId(st);
}

} // namespace casebook::ticket_lookup
