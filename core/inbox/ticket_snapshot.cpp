#include "inbox/ticket_snapshot.h"

#include "store/sql_util.h"

#include <QJsonArray>
#include <SQLiteCpp/Statement.h>

namespace casebook::ticket_snapshot {
namespace {

// Integers that may be NULL survive JSON as null; ids and milliseconds fit a double's 53 bits.
QJsonValue intOrNull(const SQLite::Column& c)
{
    return c.isNull() ? QJsonValue() : QJsonValue(static_cast<double>(c.getInt64()));
}

void bindIntOrNull(SQLite::Statement& st, int index, const QJsonValue& v)
{
    if (v.isNull() || v.isUndefined())
        st.bind(index);
    else
        st.bind(index, static_cast<int64_t>(v.toDouble()));
}

} // namespace

QJsonObject captureTicket(SQLite::Database& db, qint64 ticketId)
{
    SQLite::Statement st(db, "SELECT status, priority, category, due_at, snoozed_until, last_activity_at, "
                             "unread_count, merged_into, summary FROM tickets WHERE id = ?");
    st.bind(1, static_cast<int64_t>(ticketId));
    QJsonObject o;
    if (!st.executeStep())
        return o;
    o[QStringLiteral("id")] = static_cast<double>(ticketId);
    o[QStringLiteral("status")] = sql::textOf(st.getColumn(0));
    o[QStringLiteral("priority")] = st.getColumn(1).getInt();
    o[QStringLiteral("category")] = sql::textOf(st.getColumn(2));
    o[QStringLiteral("due_at")] = intOrNull(st.getColumn(3));
    o[QStringLiteral("snoozed_until")] = intOrNull(st.getColumn(4));
    o[QStringLiteral("last_activity_at")] = intOrNull(st.getColumn(5));
    o[QStringLiteral("unread_count")] = st.getColumn(6).getInt();
    o[QStringLiteral("merged_into")] = intOrNull(st.getColumn(7));
    o[QStringLiteral("summary")] = sql::textOf(st.getColumn(8));
    QJsonArray orders;
    SQLite::Statement os(db,
                         "SELECT order_number FROM ticket_orders WHERE ticket_id = ? ORDER BY order_number");
    os.bind(1, static_cast<int64_t>(ticketId));
    while (os.executeStep())
        orders << sql::textOf(os.getColumn(0));
    o[QStringLiteral("orders")] = orders;
    return o;
}

void restoreTicket(SQLite::Database& db, const QJsonObject& s)
{
    const auto id = static_cast<int64_t>(s.value(QStringLiteral("id")).toDouble());
    SQLite::Statement st(db, "UPDATE tickets SET status = ?, priority = ?, category = ?, due_at = ?, "
                             "snoozed_until = ?, last_activity_at = ?, unread_count = ?, merged_into = ?, "
                             "summary = ? WHERE id = ?");
    sql::bindText(st, 1, s.value(QStringLiteral("status")).toString());
    st.bind(2, s.value(QStringLiteral("priority")).toInt());
    sql::bindText(st, 3, s.value(QStringLiteral("category")).toString());
    bindIntOrNull(st, 4, s.value(QStringLiteral("due_at")));
    bindIntOrNull(st, 5, s.value(QStringLiteral("snoozed_until")));
    bindIntOrNull(st, 6, s.value(QStringLiteral("last_activity_at")));
    st.bind(7, s.value(QStringLiteral("unread_count")).toInt());
    bindIntOrNull(st, 8, s.value(QStringLiteral("merged_into")));
    sql::bindText(st, 9, s.value(QStringLiteral("summary")).toString());
    st.bind(10, id);
    st.exec();
    SQLite::Statement clear(db, "DELETE FROM ticket_orders WHERE ticket_id = ?");
    clear.bind(1, id);
    clear.exec();
    SQLite::Statement add(db, "INSERT INTO ticket_orders(ticket_id, order_number) VALUES (?, ?)");
    for (const QJsonValue& o : s.value(QStringLiteral("orders")).toArray()) {
        add.reset();
        add.bind(1, id);
        sql::bindText(add, 2, o.toString());
        add.exec();
    }
}

QJsonObject captureCustomer(SQLite::Database& db, qint64 customerId)
{
    SQLite::Statement st(db, "SELECT abusive, vip FROM customers WHERE id = ?");
    st.bind(1, static_cast<int64_t>(customerId));
    QJsonObject o;
    if (!st.executeStep())
        return o;
    o[QStringLiteral("id")] = static_cast<double>(customerId);
    o[QStringLiteral("abusive")] = st.getColumn(0).getInt() != 0;
    o[QStringLiteral("vip")] = st.getColumn(1).getInt() != 0;
    return o;
}

void restoreCustomer(SQLite::Database& db, const QJsonObject& s)
{
    SQLite::Statement st(db, "UPDATE customers SET abusive = ?, vip = ? WHERE id = ?");
    st.bind(1, s.value(QStringLiteral("abusive")).toBool() ? 1 : 0);
    st.bind(2, s.value(QStringLiteral("vip")).toBool() ? 1 : 0);
    st.bind(3, static_cast<int64_t>(s.value(QStringLiteral("id")).toDouble()));
    st.exec();
}

int numberOf(SQLite::Database& db, qint64 ticketId)
{
    SQLite::Statement st(db, "SELECT number FROM tickets WHERE id = ?");
    st.bind(1, static_cast<int64_t>(ticketId));
    return st.executeStep() ? st.getColumn(0).getInt() : 0;
}

void moveRows(SQLite::Database& db, const char* sqlText, const QJsonArray& ids, qint64 to)
{
    SQLite::Statement st(db, sqlText);
    for (const QJsonValue& id : ids) {
        st.reset();
        st.bind(1, static_cast<int64_t>(to));
        st.bind(2, static_cast<int64_t>(id.toDouble()));
        st.exec();
    }
}

} // namespace casebook::ticket_snapshot
