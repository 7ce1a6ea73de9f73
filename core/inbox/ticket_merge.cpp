// Merge and split: the two TicketActions that move messages between tickets.
#include "inbox/category_suggester.h"
#include "inbox/ticket_actions.h"
#include "inbox/ticket_snapshot.h"
#include "mail/mime_parser.h"
#include "mail/order_numbers.h"
#include "store/app_settings.h"
#include "store/sql_util.h"
#include "store/ticket_writes.h"

#include <QJsonArray>
#include <SQLiteCpp/Statement.h>

namespace casebook {
namespace {

QJsonArray idsOf(SQLite::Database& db, const char* sqlText, qint64 ticketId)
{
    SQLite::Statement st(db, sqlText);
    st.bind(1, static_cast<int64_t>(ticketId));
    QJsonArray ids;
    while (st.executeStep())
        ids << static_cast<double>(st.getColumn(0).getInt64());
    return ids;
}

using ticket_snapshot::numberOf;

} // namespace

Result<void> TicketActions::merge(qint64 intoTicketId, qint64 fromTicketId)
{
    if (intoTicketId == fromTicketId)
        return makeError(QStringLiteral("A ticket cannot be merged into itself: choose two tickets."));
    return act(intoTicketId, [&](SQLite::Database& db) -> Result<Change> {
        const QJsonObject into = ticket_snapshot::captureTicket(db, intoTicketId);
        const QJsonObject from = ticket_snapshot::captureTicket(db, fromTicketId);
        if (from.isEmpty())
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("There is no such ticket to merge (id %1).").arg(fromTicketId));
        if (!from.value(QStringLiteral("merged_into")).isNull())
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("#%1 was already merged into another ticket.")
                                 .arg(numberOf(db, fromTicketId)));
        const QJsonArray messages =
            idsOf(db, "SELECT id FROM messages WHERE ticket_id = ? ORDER BY id", fromTicketId);
        // Evidence follows unless the same file is already in the case (a case holds a file once).
        // Evidence follows unless the same file is already in the case (a case holds a file once).
        QJsonArray movableEvidence;
        {
            SQLite::Statement st(
                db, "SELECT e.id FROM evidence e WHERE e.ticket_id = ?1 AND NOT EXISTS (SELECT 1 "
                    "FROM evidence o WHERE o.ticket_id = ?2 AND o.sha256 = e.sha256) ORDER BY e.id");
            st.bind(1, static_cast<int64_t>(fromTicketId));
            st.bind(2, static_cast<int64_t>(intoTicketId));
            while (st.executeStep())
                movableEvidence << static_cast<double>(st.getColumn(0).getInt64());
        }
        SQLite::Statement moveMessages(db, "UPDATE messages SET ticket_id = ?1 WHERE ticket_id = ?2");
        moveMessages.bind(1, static_cast<int64_t>(intoTicketId));
        moveMessages.bind(2, static_cast<int64_t>(fromTicketId));
        moveMessages.exec();
        ticket_snapshot::moveRows(db, "UPDATE evidence SET ticket_id = ? WHERE id = ?", movableEvidence,
                                  intoTicketId);
        QStringList orders;
        for (const QJsonValue& o : from.value(QStringLiteral("orders")).toArray())
            orders << o.toString();
        ticket_writes::addOrderNumbers(db, intoTicketId, orders);
        // The merged case owes an answer if either did, keeps the earlier clock and the higher priority.
        SQLite::Statement st(
            db,
            "UPDATE tickets SET "
            " status = CASE WHEN status NOT IN ('new','open') AND (SELECT status FROM tickets WHERE id = ?2) "
            "   IN ('new','open') THEN 'open' ELSE status END,"
            " due_at = CASE WHEN due_at IS NULL THEN (SELECT due_at FROM tickets WHERE id = ?2)"
            "   ELSE MIN(due_at, COALESCE((SELECT due_at FROM tickets WHERE id = ?2), due_at)) END,"
            " priority = MAX(priority, (SELECT priority FROM tickets WHERE id = ?2)),"
            " category = CASE WHEN category = 'other' THEN (SELECT category FROM tickets WHERE id = ?2) "
            "   ELSE category END,"
            " last_activity_at = MAX(last_activity_at, (SELECT last_activity_at FROM tickets WHERE id = ?2)),"
            " unread_count = unread_count + (SELECT unread_count FROM tickets WHERE id = ?2) "
            "WHERE id = ?1");
        st.bind(1, static_cast<int64_t>(intoTicketId));
        st.bind(2, static_cast<int64_t>(fromTicketId));
        st.exec();
        SQLite::Statement hide(db, "UPDATE tickets SET merged_into = ?1, unread_count = 0 WHERE id = ?2");
        hide.bind(1, static_cast<int64_t>(intoTicketId));
        hide.bind(2, static_cast<int64_t>(fromTicketId));
        hide.exec();
        const int intoNumber = numberOf(db, intoTicketId);
        const int fromNumber = numberOf(db, fromTicketId);
        return Change{QStringLiteral("merge"),
                      intoTicketId,
                      QStringLiteral("merge #%1 into #%2").arg(fromNumber).arg(intoNumber),
                      {{QStringLiteral("tickets"), QJsonArray{into, from}},
                       {QStringLiteral("messages"),
                        QJsonObject{{QStringLiteral("ids"), messages},
                                    {QStringLiteral("to"), static_cast<double>(fromTicketId)}}},
                       {QStringLiteral("evidence"),
                        QJsonObject{{QStringLiteral("ids"), movableEvidence},
                                    {QStringLiteral("to"), static_cast<double>(fromTicketId)}}}},
                      {{QStringLiteral("from"), fromNumber}, {QStringLiteral("messages"), messages.size()}}};
    });
}

Result<qint64> TicketActions::split(qint64 messageId)
{
    qint64 sourceId = 0;
    {
        SQLite::Statement st(m_db.reader(),
                             "SELECT ticket_id FROM messages WHERE id = ? AND ticket_id IS NOT NULL");
        st.bind(1, static_cast<int64_t>(messageId));
        if (!st.executeStep())
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("There is no such message in a ticket (id %1).").arg(messageId));
        sourceId = st.getColumn(0).getInt64();
    }
    qint64 created = 0;
    auto done = act(sourceId, [&](SQLite::Database& db) -> Result<Change> {
        SQLite::Statement st(db, "SELECT ticket_id, direction, subject, text_body, date, customer_id, "
                                 "(SELECT COUNT(*) FROM messages o WHERE o.ticket_id = m.ticket_id), channel "
                                 "FROM messages m WHERE id = ?");
        st.bind(1, static_cast<int64_t>(messageId));
        if (!st.executeStep() || st.getColumn(0).getInt64() != sourceId)
            return makeError(QStringLiteral("The message moved while splitting; try again."));
        if (st.getColumn(6).getInt() < 2)
            return makeError(QStringLiteral("#%1 has only this message: there is nothing to split it from.")
                                 .arg(numberOf(db, sourceId)));
        const Direction direction = directionFromString(sql::textOf(st.getColumn(1))).value_or(Direction::In);
        const QString subject = sql::textOf(st.getColumn(2));
        const QString text = sql::textOf(st.getColumn(3));
        const QDateTime date = sql::timeOf(st.getColumn(4));
        std::optional<qint64> customer;
        if (!st.getColumn(5).isNull())
            customer = st.getColumn(5).getInt64();
        const QJsonObject before = ticket_snapshot::captureTicket(db, sourceId);
        if (!customer) {
            SQLite::Statement c(db,
                                "SELECT customer_id FROM tickets WHERE id = ? AND customer_id IS NOT NULL");
            c.bind(1, static_cast<int64_t>(sourceId));
            if (c.executeStep())
                customer = c.getColumn(0).getInt64();
        }
        created = ticket_writes::createTicket(db, {subject, normalizedSubject(subject), customer, date});
        SQLite::Statement move(db, "UPDATE messages SET ticket_id = ? WHERE id = ?");
        move.bind(1, static_cast<int64_t>(created));
        move.bind(2, static_cast<int64_t>(messageId));
        move.exec();
        // The new case owes an answer as the message's channel counts it.
        const Channel channel = channelFromString(sql::textOf(st.getColumn(7))).value_or(Channel::Email);
        ticket_writes::noteActivity(db, created, direction, date, AppSettings::dueClocks(db).dueAt(channel, date));
        ticket_writes::setCategory(db, created, CategorySuggester::builtin().suggest(subject, text).category);
        ticket_writes::addOrderNumbers(db, created, findOrderNumbers(subject + QLatin1Char('\n') + text));
        // The case it left: its activity is that of the messages it keeps.
        SQLite::Statement rest(
            db,
            "UPDATE tickets SET last_activity_at = (SELECT MAX(date) FROM messages WHERE ticket_id = ?1), "
            "unread_count = MIN(unread_count, (SELECT COUNT(*) FROM messages WHERE ticket_id = ?1 AND "
            "direction = 'in')) WHERE id = ?1");
        rest.bind(1, static_cast<int64_t>(sourceId));
        rest.exec();
        const int newNumber = numberOf(db, created);
        const int oldNumber = numberOf(db, sourceId);
        return Change{QStringLiteral("split"),
                      sourceId,
                      QStringLiteral("split #%1 out of #%2").arg(newNumber).arg(oldNumber),
                      {{QStringLiteral("tickets"), QJsonArray{before}},
                       {QStringLiteral("created_ticket"), static_cast<double>(created)},
                       {QStringLiteral("created_from"), static_cast<double>(sourceId)},
                       {QStringLiteral("messages"),
                        QJsonObject{{QStringLiteral("ids"), QJsonArray{static_cast<double>(messageId)}},
                                    {QStringLiteral("to"), static_cast<double>(sourceId)}}}},
                      {{QStringLiteral("message"), static_cast<double>(messageId)},
                       {QStringLiteral("new_ticket"), newNumber}}};
    });
    if (!done)
        return done.error();
    return created;
}

} // namespace casebook
