#include "store/ticket_json.h"

#include "store/sql_util.h"
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

QJsonArray tickets(SQLite::Database& db)
{
    // One pass over messages grouped by ticket keeps this linear for large stores.
    QHash<qint64, QJsonArray> messages;
    SQLite::Statement st(db, "SELECT ticket_id, external_id, raw_sha256, date, direction FROM messages "
                             "WHERE ticket_id IS NOT NULL ORDER BY date, id");
    while (st.executeStep()) {
        const QJsonValue id = st.getColumn(1).isNull() ? QJsonValue(QJsonValue::Null)
                                                       : QJsonValue(sql::textOf(st.getColumn(1)));
        messages[st.getColumn(0).getInt64()].append(
            QJsonObject{{QStringLiteral("message_id"), id},
                        {QStringLiteral("sha256"), sql::textOf(st.getColumn(2))},
                        {QStringLiteral("date"), isoDate(sql::timeOf(st.getColumn(3)))},
                        {QStringLiteral("direction"), sql::textOf(st.getColumn(4))}});
    }
    QJsonArray out;
    TicketFilter all;
    all.view = TicketView::All;
    QList<TicketSummary> list = ticket_queries::tickets(db, all);
    TicketFilter spam;
    spam.view = TicketView::Spam;
    list += ticket_queries::tickets(db, spam);
    for (const TicketSummary& t : list) {
        out.append(QJsonObject{{QStringLiteral("number"), t.number},
                               {QStringLiteral("subject"), t.subject},
                               {QStringLiteral("status"), toString(t.status)},
                               {QStringLiteral("channels"), QJsonArray::fromStringList(t.channels)},
                               {QStringLiteral("customer"), t.customerName},
                               {QStringLiteral("last_activity_at"), isoDate(t.lastActivityAt)},
                               {QStringLiteral("messages"), messages.value(t.id)}});
    }
    return out;
}

} // namespace casebook::ticket_json
