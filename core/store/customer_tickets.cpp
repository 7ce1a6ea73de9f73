#include "store/customer_tickets.h"

#include "store/sql_util.h"
#include "store/ticket_queries.h"

#include <SQLiteCpp/Statement.h>

namespace casebook::customer_tickets {

QList<TicketSummary> otherTickets(SQLite::Database& db, qint64 customerId, qint64 exceptTicketId, int limit)
{
    QList<qint64> ids;
    try {
        SQLite::Statement st(db, "SELECT id FROM tickets WHERE customer_id = ? AND id <> ? "
                                 "ORDER BY last_activity_at DESC, id DESC LIMIT ?");
        st.bind(1, static_cast<int64_t>(customerId));
        st.bind(2, static_cast<int64_t>(exceptTicketId));
        st.bind(3, limit);
        while (st.executeStep())
            ids << st.getColumn(0).getInt64();
        return ticket_queries::ticketsByIds(db, ids);
    } catch (const SQLite::Exception&) {
        return {}; // a panel beside the conversation: an unreadable history shows as none
    }
}

int History::claims() const
{
    return byCategory.value(Category::Refund) + byCategory.value(Category::MissingItem) +
           byCategory.value(Category::Return);
}

History history(SQLite::Database& db, qint64 customerId)
{
    History h;
    try {
        // Each on tickets_customer (customer_id first), then each ticket's rows by its key.
        SQLite::Statement contact(db, "SELECT MIN(m.date), MAX(m.date) FROM tickets t JOIN messages m ON "
                                      "m.ticket_id = t.id WHERE t.customer_id = ? AND m.direction = 'in'");
        contact.bind(1, static_cast<int64_t>(customerId));
        if (contact.executeStep()) {
            h.firstContact = sql::timeOf(contact.getColumn(0));
            h.lastContact = sql::timeOf(contact.getColumn(1));
        }
        SQLite::Statement orders(db, "SELECT DISTINCT o.order_number FROM tickets t JOIN ticket_orders o ON "
                                     "o.ticket_id = t.id WHERE t.customer_id = ? ORDER BY o.order_number");
        orders.bind(1, static_cast<int64_t>(customerId));
        while (orders.executeStep())
            h.orders << sql::textOf(orders.getColumn(0));
        SQLite::Statement categories(db, "SELECT category, COUNT(*) FROM tickets WHERE customer_id = ? AND "
                                         "merged_into IS NULL GROUP BY category");
        categories.bind(1, static_cast<int64_t>(customerId));
        while (categories.executeStep()) {
            const int n = categories.getColumn(1).getInt();
            h.tickets += n;
            if (const auto c = categoryFromString(sql::textOf(categories.getColumn(0))))
                h.byCategory[*c] += n;
        }
    } catch (const SQLite::Exception&) {
        return {}; // beside the conversation: an unreadable history shows as none
    }
    return h;
}

} // namespace casebook::customer_tickets
