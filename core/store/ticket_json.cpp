#include "store/ticket_json.h"

#include "store/sql_util.h"
#include "store/takeover_queries.h"
#include "store/ticket_queries.h"

#include <SQLiteCpp/Statement.h>

namespace casebook::ticket_json {

QString isoDate(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

QJsonObject stats(const StoreStats& s)
{
    return QJsonObject{{QStringLiteral("messages"), s.messages},
                       {QStringLiteral("tickets"), s.tickets},
                       {QStringLiteral("customers"), s.customers},
                       {QStringLiteral("quarantined"), s.quarantined}};
}

QJsonArray tickets(SQLite::Database& db, const TicketFilter& filter)
{
    const QList<TicketSummary> list = ticket_queries::tickets(db, filter);
    // One pass over messages grouped by ticket keeps this linear for large stores; a short list asks for its
    // own tickets' messages only.
    QHash<qint64, QJsonArray> messages;
    const bool few = list.size() <= 200;
    SQLite::Statement st(db, few ? "SELECT ticket_id, external_id, raw_sha256, date, direction FROM messages "
                                   "WHERE ticket_id = ? ORDER BY date, id"
                                 : "SELECT ticket_id, external_id, raw_sha256, date, direction FROM messages "
                                   "WHERE ticket_id IS NOT NULL ORDER BY date, id");
    auto readAll = [&] {
        while (st.executeStep()) {
            const QJsonValue id = st.getColumn(1).isNull() ? QJsonValue(QJsonValue::Null)
                                                           : QJsonValue(sql::textOf(st.getColumn(1)));
            messages[st.getColumn(0).getInt64()].append(
                QJsonObject{{QStringLiteral("message_id"), id},
                            {QStringLiteral("sha256"), sql::textOf(st.getColumn(2))},
                            {QStringLiteral("date"), isoDate(sql::timeOf(st.getColumn(3)))},
                            {QStringLiteral("direction"), sql::textOf(st.getColumn(4))}});
        }
    };
    if (few) {
        for (const TicketSummary& t : list) {
            st.reset();
            st.bind(1, static_cast<int64_t>(t.id));
            readAll();
        }
    } else {
        readAll();
    }
    QList<qint64> ids;
    for (const TicketSummary& t : list)
        ids << t.id;
    const QHash<qint64, Channel> takeover = takeover_queries::ofTickets(db, ids);
    QJsonArray out;
    for (const TicketSummary& t : list) {
        out.append(QJsonObject{{QStringLiteral("number"), t.number},
                               {QStringLiteral("subject"), t.subject},
                               {QStringLiteral("status"), toString(t.status)},
                               {QStringLiteral("priority"), t.priority},
                               {QStringLiteral("category"), toString(t.category)},
                               {QStringLiteral("due_at"),
                                t.dueAt.isValid() ? QJsonValue(isoDate(t.dueAt)) : QJsonValue()},
                               {QStringLiteral("takeover"), takeover.contains(t.id)
                                                                ? QJsonValue(toString(takeover.value(t.id)))
                                                                : QJsonValue()},
                               {QStringLiteral("channels"), QJsonArray::fromStringList(t.channels)},
                               {QStringLiteral("orders"), QJsonArray::fromStringList(t.orderNumbers)},
                               {QStringLiteral("customer"), t.customerName},
                               {QStringLiteral("last_activity_at"), isoDate(t.lastActivityAt)},
                               {QStringLiteral("messages"), messages.value(t.id)}});
    }
    return out;
}

QJsonArray tickets(SQLite::Database& db)
{
    TicketFilter all;
    all.view = TicketView::All;
    all.statuses = {TicketStatus::New, TicketStatus::Open, TicketStatus::Waiting, TicketStatus::Resolved,
                    TicketStatus::Spam};
    all.sort = TicketSort::Due;
    return tickets(db, all);
}

} // namespace casebook::ticket_json
