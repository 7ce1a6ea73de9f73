#include "report/report_queries.h"

#include "model/order.h"
#include "store/sql_util.h"

#include <QHash>
#include <QJsonDocument>
#include <SQLiteCpp/Statement.h>
#include <cstring>

namespace casebook::report::report_queries {
namespace {

// The tickets of the period: every statement below starts from the same rows, found on tickets_created.
// CROSS JOIN keeps tickets the outer loop whatever the planner guesses without statistics, so messages,
// orders and events are each looked up by their ticket.
#define PERIOD_TICKETS                                                                                       \
    "t.created_at >= :start AND t.created_at < :end AND t.merged_into IS NULL AND t.status <> 'spam'"

// A stored time as a QDateTime in UTC by spec: a year's report makes hundreds of thousands, and one with a
// QTimeZone object costs several times as much to make and to compare.
QDateTime utcTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

void bindPeriod(SQLite::Statement& st, const QDateTime& start, const QDateTime& end)
{
    sql::bindTime(st, st.getIndex(":start"), start);
    sql::bindTime(st, st.getIndex(":end"), end);
}

} // namespace

QList<InquiryFacts> inquiries(SQLite::Database& db, const QDateTime& start, const QDateTime& end)
{
    QList<InquiryFacts> tickets;
    QHash<qint64, qsizetype> at; // ticket id → index in `tickets`
    {
        SQLite::Statement st(db, "SELECT t.id, t.number, t.created_at, t.category, t.status, t.customer_id, "
                                 "c.display_name, c.abusive FROM tickets t LEFT JOIN customers c ON c.id = "
                                 "t.customer_id WHERE " PERIOD_TICKETS);
        bindPeriod(st, start, end);
        while (st.executeStep()) {
            InquiryFacts f;
            f.ticketId = st.getColumn(0).getInt64();
            f.number = st.getColumn(1).getInt();
            f.createdAt = utcTime(st.getColumn(2).getInt64());
            f.category = categoryFromString(sql::textOf(st.getColumn(3))).value_or(Category::Other);
            f.status = ticketStatusFromString(sql::textOf(st.getColumn(4))).value_or(TicketStatus::Open);
            if (!st.getColumn(5).isNull())
                f.customerId = st.getColumn(5).getInt64();
            f.customerName = sql::textOf(st.getColumn(6));
            f.customerAbusive = st.getColumn(7).getInt() != 0;
            at.insert(f.ticketId, tickets.size());
            tickets.append(std::move(f));
        }
    }
    // The customer's first message (its channel is the inquiry's), then the seller's first answer after it.
    // Messages come per ticket but not necessarily by date: kept as found (milliseconds), ordered here.
    QList<qint64> firstIn(tickets.size(), -1);
    QList<QList<qint64>> answers(tickets.size());
    {
        SQLite::Statement st(db,
                             "SELECT m.ticket_id, m.direction, m.channel, m.date FROM tickets t CROSS JOIN "
                             "messages m ON m.ticket_id = t.id WHERE " PERIOD_TICKETS
                             " AND m.direction IN ('in', 'out') AND m.date IS NOT NULL");
        bindPeriod(st, start, end);
        while (st.executeStep()) {
            const qint64 id = st.getColumn(0).getInt64();
            const auto index = at.constFind(id);
            if (index == at.constEnd())
                continue;
            const qint64 date = st.getColumn(3).getInt64();
            if (std::strcmp(st.getColumn(1).getText(), "out") == 0) {
                answers[*index].append(date);
                continue;
            }
            if (firstIn[*index] < 0 || date < firstIn[*index]) {
                firstIn[*index] = date;
                tickets[*index].channel =
                    channelFromString(sql::textOf(st.getColumn(2))).value_or(Channel::Email);
            }
        }
    }
    for (qsizetype i = 0; i < tickets.size(); ++i) {
        if (firstIn[i] < 0)
            continue;
        tickets[i].firstInAt = utcTime(firstIn[i]);
        qint64 firstOut = -1;
        for (qint64 out : answers[i])
            if (out >= firstIn[i] && (firstOut < 0 || out < firstOut))
                firstOut = out;
        if (firstOut >= 0)
            tickets[i].firstOutAt = utcTime(firstOut);
    }
    // A claim's orders as the market last described them (the newest fetch of the number, on the cache's
    // key): only claims are counted by product, so only theirs are read and parsed.
    {
        SQLite::Statement st(
            db,
            "SELECT o.ticket_id, o.order_number, CASE WHEN t.category IN ('return', 'refund', 'defect', "
            "'missing_item') THEN (SELECT c.data FROM order_cache c WHERE c.order_number = o.order_number "
            "ORDER BY c.fetched_at DESC LIMIT 1) END FROM tickets t CROSS JOIN ticket_orders o ON "
            "o.ticket_id = t.id WHERE " PERIOD_TICKETS);
        bindPeriod(st, start, end);
        while (st.executeStep()) {
            const auto index = at.constFind(st.getColumn(0).getInt64());
            if (index == at.constEnd())
                continue;
            const QString number = sql::textOf(st.getColumn(1));
            tickets[*index].orderNumbers << number;
            if (st.getColumn(2).isNull())
                continue;
            const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(st.getColumn(2).getText()));
            QStringList products;
            if (doc.isObject())
                for (const OrderItem& item : orderFromJson(doc.object()).items)
                    if (!item.product.trimmed().isEmpty() && !products.contains(item.product.trimmed()))
                        products << item.product.trimmed();
            if (!products.isEmpty())
                tickets[*index].productsByOrder.insert(number, products);
        }
    }
    // When a resolved ticket was resolved: its latest "resolved" in the history that triage keeps (one
    // ticket's status change, or a bulk change). The status is kept off the index choice (+): on tickets_live
    // it would read every resolved ticket ever, not the period's.
    {
        SQLite::Statement st(
            db, "SELECT e.ticket_id, e.at FROM tickets t CROSS JOIN events e ON e.ticket_id = "
                "t.id WHERE " PERIOD_TICKETS " AND +t.status = 'resolved' AND ((e.kind = 'status' "
                "AND json_extract(e.detail, '$.to') = 'resolved') OR (e.kind = 'bulk' AND "
                "json_extract(e.detail, '$.status') = 'resolved'))");
        bindPeriod(st, start, end);
        while (st.executeStep())
            if (const auto index = at.constFind(st.getColumn(0).getInt64()); index != at.constEnd()) {
                const QDateTime when = utcTime(st.getColumn(1).getInt64());
                if (!tickets[*index].resolvedAt.isValid() || tickets[*index].resolvedAt < when)
                    tickets[*index].resolvedAt = when;
            }
    }
    // An inquiry is a customer's question: a ticket the seller opened by writing first is none.
    QList<InquiryFacts> out;
    out.reserve(tickets.size());
    for (InquiryFacts& f : tickets)
        if (f.firstInAt.isValid())
            out.append(std::move(f));
    return out;
}

QList<OpenTicket> openTickets(SQLite::Database& db)
{
    // The statuses named, so the rows come off tickets_live (docs/performance.md).
    SQLite::Statement st(db, "SELECT t.id, t.created_at FROM tickets t WHERE t.status IN ('new', 'open', "
                             "'waiting') AND t.merged_into IS NULL");
    QList<OpenTicket> out;
    while (st.executeStep())
        out.append({st.getColumn(0).getInt64(), utcTime(st.getColumn(1).getInt64())});
    return out;
}

} // namespace casebook::report::report_queries
