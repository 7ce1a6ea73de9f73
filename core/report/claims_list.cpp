#include "report/claims_list.h"

#include "mail/quoted_reply.h"
#include "store/sql_util.h"

#include <SQLiteCpp/Statement.h>

namespace casebook::report {

QList<ClaimRow> claimRows(SQLite::Database& db, const Period& period)
{
    // The category test is kept off the index choice (+): the period on tickets_created finds the rows in
    // date order; tickets_live_category would read every claim ever made. The customer's first message
    // (`asked`, looked up by its key) gives the channel and what was claimed.
    SQLite::Statement st(
        db, "SELECT t.id, t.number, t.created_at, t.category, t.status, asked.channel, asked.subject, "
            "asked.text_body, "
            "(SELECT m.text_body FROM messages m WHERE m.ticket_id = t.id AND m.direction = 'out' "
            "ORDER BY m.date DESC, m.id DESC LIMIT 1), "
            "(SELECT COUNT(*) FROM evidence e WHERE e.ticket_id = t.id), "
            "(SELECT group_concat(o.order_number, ' ') FROM ticket_orders o WHERE o.ticket_id = t.id) "
            "FROM tickets t LEFT JOIN messages asked ON asked.id = (SELECT m.id FROM messages m WHERE "
            "m.ticket_id = t.id AND m.direction = 'in' ORDER BY m.date, m.id LIMIT 1) "
            "WHERE t.created_at >= :start AND t.created_at < :end AND t.merged_into IS NULL AND "
            "t.status <> 'spam' AND +t.category IN ('return', 'refund', 'defect', 'missing_item') "
            "ORDER BY t.created_at, t.id");
    sql::bindTime(st, st.getIndex(":start"), period.start());
    sql::bindTime(st, st.getIndex(":end"), period.end());
    QList<ClaimRow> out;
    while (st.executeStep()) {
        if (st.getColumn(5).isNull())
            continue; // the seller wrote first: nothing was claimed
        ClaimRow r;
        r.ticketId = st.getColumn(0).getInt64();
        r.number = st.getColumn(1).getInt();
        r.createdAt = sql::timeOf(st.getColumn(2));
        r.category = categoryFromString(sql::textOf(st.getColumn(3))).value_or(Category::Other);
        r.status = ticketStatusFromString(sql::textOf(st.getColumn(4))).value_or(TicketStatus::Open);
        r.channel = channelFromString(sql::textOf(st.getColumn(5))).value_or(Channel::Email);
        // The mail each one answered, quoted below their words, is no part of what they claimed or did.
        r.claimed = (sql::textOf(st.getColumn(6)).trimmed() + QLatin1Char('\n') +
                     withoutQuotedReply(sql::textOf(st.getColumn(7))))
                        .trimmed();
        r.sellerAnswer = withoutQuotedReply(sql::textOf(st.getColumn(8)));
        r.evidence = st.getColumn(9).getInt();
        r.orderNumbers = sql::textOf(st.getColumn(10)).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        r.orderNumbers.sort();
        out << r;
    }
    return out;
}

} // namespace casebook::report
