#include "store/customer_tickets.h"

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

} // namespace casebook::customer_tickets
