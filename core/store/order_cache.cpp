#include "store/order_cache.h"

#include "store/sql_util.h"
#include "store/ticket_queries.h"

#include <QJsonDocument>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

namespace casebook::order_cache {

std::optional<Order> cached(SQLite::Database& db, const QString& orderNumber)
{
    SQLite::Statement st(db, "SELECT data FROM order_cache WHERE order_number = ? ORDER BY fetched_at DESC LIMIT 1");
    sql::bindText(st, 1, orderNumber);
    if (!st.executeStep())
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(sql::textOf(st.getColumn(0)).toUtf8());
    if (!doc.isObject())
        return std::nullopt; // a damaged row is as good as none: the next fetch replaces it
    return orderFromJson(doc.object());
}

std::optional<Order> forTicket(SQLite::Database& db, int ticketNumber)
{
    try {
        const auto ticket = ticket_queries::ticketByNumber(db, ticketNumber);
        if (!ticket)
            return std::nullopt;
        std::optional<Order> newest;
        for (const QString& number : ticket->orderNumbers)
            if (auto o = cached(db, number); o && (!newest || o->fetchedAt > newest->fetchedAt))
                newest = std::move(o);
        return newest;
    } catch (const SQLite::Exception&) {
        return std::nullopt;
    }
}

void store(SQLite::Database& db, const QString& orderNumber, const Order& order)
{
    SQLite::Statement st(db, "INSERT OR REPLACE INTO order_cache(channel, order_number, data, fetched_at) "
                             "VALUES (?, ?, ?, ?)");
    sql::bindText(st, 1, toString(order.channel));
    sql::bindText(st, 2, orderNumber);
    sql::bindText(st, 3, QString::fromUtf8(QJsonDocument(toJson(order)).toJson(QJsonDocument::Compact)));
    sql::bindTime(st, 4, order.fetchedAt);
    st.exec();
}

} // namespace casebook::order_cache
