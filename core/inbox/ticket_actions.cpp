#include "inbox/ticket_actions.h"

#include "inbox/ticket_snapshot.h"
#include "store/sql_util.h"
#include "store/ticket_writes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <SQLiteCpp/Statement.h>

namespace casebook {
namespace {

QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

using ticket_snapshot::moveRows;
using ticket_snapshot::numberOf;

qint64 countWhere(SQLite::Database& db, const char* sqlText, qint64 id)
{
    SQLite::Statement st(db, sqlText);
    st.bind(1, static_cast<int64_t>(id));
    st.executeStep();
    return st.getColumn(0).getInt64();
}

// A ticket an action may change: it exists and was not merged away.
Result<void> requireLive(SQLite::Database& db, qint64 ticketId)
{
    SQLite::Statement st(db, "SELECT number, merged_into FROM tickets WHERE id = ?");
    st.bind(1, static_cast<int64_t>(ticketId));
    if (!st.executeStep())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no such ticket (id %1).").arg(ticketId));
    if (!st.getColumn(1).isNull())
        return makeError(QStringLiteral("Ticket #%1 was merged into #%2: change that one instead.")
                             .arg(st.getColumn(0).getInt())
                             .arg(numberOf(db, st.getColumn(1).getInt64())));
    return {};
}

void setSnoozedUntil(SQLite::Database& db, qint64 ticketId, const QDateTime& until)
{
    SQLite::Statement st(db, "UPDATE tickets SET snoozed_until = ? WHERE id = ?");
    sql::bindTime(st, 1, until);
    st.bind(2, static_cast<int64_t>(ticketId));
    st.exec();
}

// An undo_log row read by `SELECT id, kind, ticket_id, data`.
UndoRecord undoRecordOf(SQLite::Statement& st)
{
    const QJsonObject data = QJsonDocument::fromJson(sql::textOf(st.getColumn(3)).toUtf8()).object();
    UndoRecord r{st.getColumn(0).getInt64(), sql::textOf(st.getColumn(1)), st.getColumn(2).getInt64(),
                 data.value(QStringLiteral("description")).toString()};
    for (const QJsonValue& n : data.value(QStringLiteral("numbers")).toArray())
        r.numbers << n.toInt();
    r.detail = data.value(QStringLiteral("detail")).toObject();
    return r;
}

// What a bulk change does, as the undo message and the events read it: "status resolved, priority 2".
QJsonObject describe(const BulkChange& c)
{
    QJsonObject o;
    if (c.status)
        o[QStringLiteral("status")] = toString(*c.status);
    if (c.priority)
        o[QStringLiteral("priority")] = *c.priority;
    if (c.category)
        o[QStringLiteral("category")] = toString(*c.category);
    if (c.snooze)
        o[QStringLiteral("snooze")] =
            c.snooze->isValid() ? QJsonValue(c.snooze->toUTC().toString(Qt::ISODate)) : QJsonValue();
    if (c.flag)
        o[c.flagOn ? QStringLiteral("flag") : QStringLiteral("unflag")] =
            *c.flag == CustomerFlag::Vip ? QStringLiteral("vip") : QStringLiteral("abusive");
    return o;
}

} // namespace

TicketActions::TicketActions(Database& db) : m_db(db)
{
}

Result<void> TicketActions::act(qint64 ticketId, const std::function<Result<Change>(SQLite::Database&)>& fn)
{
    return m_db.write([&](SQLite::Database& db) -> Result<void> {
        if (auto live = requireLive(db, ticketId); !live)
            return live;
        Result<Change> change = fn(db);
        if (!change)
            return change.error();
        const QDateTime now = m_db.clock().now();
        ticket_writes::recordEvent(db, change->ticketId, now, change->kind, compact(change->detail));
        SQLite::Statement st(db, "INSERT INTO undo_log(at, kind, ticket_id, data) VALUES (?, ?, ?, ?)");
        sql::bindTime(st, 1, now);
        sql::bindText(st, 2, change->kind);
        st.bind(3, static_cast<int64_t>(change->ticketId));
        QJsonObject data{{QStringLiteral("description"), change->description},
                         {QStringLiteral("numbers"), QJsonArray{numberOf(db, change->ticketId)}},
                         {QStringLiteral("detail"), change->detail},
                         {QStringLiteral("undo"), change->undo}};
        sql::bindText(st, 4, compact(data));
        st.exec();
        return {};
    });
}

Result<void> TicketActions::setStatus(qint64 ticketId, TicketStatus status)
{
    return act(ticketId, [&](SQLite::Database& db) -> Result<Change> {
        const QJsonObject before = ticket_snapshot::captureTicket(db, ticketId);
        ticket_writes::setStatus(db, ticketId, status);
        return Change{QStringLiteral("status"),
                      ticketId,
                      QStringLiteral("#%1 %2 → %3")
                          .arg(numberOf(db, ticketId))
                          .arg(before.value(QStringLiteral("status")).toString(), toString(status)),
                      {{QStringLiteral("tickets"), QJsonArray{before}}},
                      {{QStringLiteral("from"), before.value(QStringLiteral("status"))},
                       {QStringLiteral("to"), toString(status)}}};
    });
}

Result<void> TicketActions::setPriority(qint64 ticketId, int priority)
{
    if (priority < 0 || priority > kMaxPriority)
        return makeError(
            QStringLiteral("Priority %1 is out of range: use 0 (normal), 1 (high) or 2 (urgent).")
                .arg(priority));
    return act(ticketId, [&](SQLite::Database& db) -> Result<Change> {
        const QJsonObject before = ticket_snapshot::captureTicket(db, ticketId);
        ticket_writes::setPriority(db, ticketId, priority);
        return Change{QStringLiteral("priority"),
                      ticketId,
                      QStringLiteral("#%1 priority %2").arg(numberOf(db, ticketId)).arg(priority),
                      {{QStringLiteral("tickets"), QJsonArray{before}}},
                      {{QStringLiteral("from"), before.value(QStringLiteral("priority"))},
                       {QStringLiteral("to"), priority}}};
    });
}

Result<void> TicketActions::setCategory(qint64 ticketId, Category category)
{
    return act(ticketId, [&](SQLite::Database& db) -> Result<Change> {
        const QJsonObject before = ticket_snapshot::captureTicket(db, ticketId);
        ticket_writes::setCategory(db, ticketId, category);
        return Change{QStringLiteral("category"),
                      ticketId,
                      QStringLiteral("#%1 category %2").arg(numberOf(db, ticketId)).arg(toString(category)),
                      {{QStringLiteral("tickets"), QJsonArray{before}}},
                      {{QStringLiteral("from"), before.value(QStringLiteral("category"))},
                       {QStringLiteral("to"), toString(category)}}};
    });
}

Result<void> TicketActions::setSummary(qint64 ticketId, const QString& summary)
{
    const QString text = summary.trimmed();
    constexpr int kMaxSummary = 20000;
    if (text.size() > kMaxSummary)
        return makeError(QStringLiteral("The summary is %1 characters long; keep it under %2 (attach longer "
                                        "accounts as evidence).")
                             .arg(text.size())
                             .arg(kMaxSummary));
    return act(ticketId, [&](SQLite::Database& db) -> Result<Change> {
        const QJsonObject before = ticket_snapshot::captureTicket(db, ticketId);
        ticket_writes::setSummary(db, ticketId, text);
        return Change{QStringLiteral("summary"),
                      ticketId,
                      QStringLiteral("#%1 summary").arg(numberOf(db, ticketId)),
                      {{QStringLiteral("tickets"), QJsonArray{before}}},
                      {{QStringLiteral("length"), static_cast<int>(text.size())}}};
    });
}

Result<void> TicketActions::addOrderNumber(qint64 ticketId, const QString& orderNumber)
{
    const QString order = orderNumber.trimmed();
    static const QRegularExpression kShape(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$"));
    if (!kShape.match(order).hasMatch())
        return makeError(
            QStringLiteral("\"%1\" does not look like an order number: use 3 to 64 letters, digits "
                           "or dashes (e.g. 2026031012345 or 123-1234567-1234567).")
                .arg(orderNumber));
    return act(ticketId, [&](SQLite::Database& db) -> Result<Change> {
        const QJsonObject before = ticket_snapshot::captureTicket(db, ticketId);
        if (before.value(QStringLiteral("orders")).toArray().contains(order))
            return makeError(
                QStringLiteral("#%1 already has order %2.").arg(numberOf(db, ticketId)).arg(order));
        ticket_writes::addOrderNumbers(db, ticketId, {order});
        return Change{QStringLiteral("order_added"),
                      ticketId,
                      QStringLiteral("#%1 order %2").arg(numberOf(db, ticketId)).arg(order),
                      {{QStringLiteral("tickets"), QJsonArray{before}}},
                      {{QStringLiteral("order"), order}}};
    });
}

Result<void> TicketActions::setCustomerFlag(qint64 ticketId, CustomerFlag flag, bool on)
{
    return act(ticketId, [&](SQLite::Database& db) -> Result<Change> {
        SQLite::Statement st(db, "SELECT customer_id FROM tickets WHERE id = ? AND customer_id IS NOT NULL");
        st.bind(1, static_cast<int64_t>(ticketId));
        if (!st.executeStep())
            return makeError(QStringLiteral("#%1 has no customer to flag.").arg(numberOf(db, ticketId)));
        const qint64 customer = st.getColumn(0).getInt64();
        const QJsonObject before = ticket_snapshot::captureCustomer(db, customer);
        const bool abusive =
            flag == CustomerFlag::Abusive ? on : before.value(QStringLiteral("abusive")).toBool();
        const bool vip = flag == CustomerFlag::Vip ? on : before.value(QStringLiteral("vip")).toBool();
        ticket_writes::setCustomerFlags(db, customer, abusive, vip);
        const QString name =
            flag == CustomerFlag::Abusive ? QStringLiteral("abusive") : QStringLiteral("vip");
        return Change{QStringLiteral("customer_flag"),
                      ticketId,
                      QStringLiteral("#%1 customer %2 %3")
                          .arg(numberOf(db, ticketId))
                          .arg(name, on ? QStringLiteral("on") : QStringLiteral("off")),
                      {{QStringLiteral("customers"), QJsonArray{before}}},
                      {{QStringLiteral("customer"), static_cast<double>(customer)},
                       {QStringLiteral("flag"), name},
                       {QStringLiteral("on"), on}}};
    });
}

Result<void> TicketActions::snooze(qint64 ticketId, const QDateTime& until)
{
    return act(ticketId, [&](SQLite::Database& db) -> Result<Change> {
        const QJsonObject before = ticket_snapshot::captureTicket(db, ticketId);
        setSnoozedUntil(db, ticketId, until);
        const QString at = until.isValid() ? until.toUTC().toString(Qt::ISODate) : QString();
        return Change{QStringLiteral("snooze"),
                      ticketId,
                      until.isValid()
                          ? QStringLiteral("#%1 snoozed until %2").arg(numberOf(db, ticketId)).arg(at)
                          : QStringLiteral("#%1 woken").arg(numberOf(db, ticketId)),
                      {{QStringLiteral("tickets"), QJsonArray{before}}},
                      {{QStringLiteral("until"), until.isValid() ? QJsonValue(at) : QJsonValue()}}};
    });
}

Result<void> TicketActions::applyToAll(const QList<qint64>& ticketIds, const BulkChange& change)
{
    if (ticketIds.isEmpty() || change.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("Choose the tickets and what to change."));
    if (change.priority && (*change.priority < 0 || *change.priority > kMaxPriority))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("Priority %1 is out of range: use 0 (normal), 1 (high) or 2 (urgent).")
                             .arg(*change.priority));
    QList<qint64> ids;
    for (qint64 id : ticketIds)
        if (!ids.contains(id))
            ids << id;
    const QJsonObject what = describe(change);
    return m_db.write([&](SQLite::Database& db) -> Result<void> {
        QJsonArray tickets;
        QJsonArray customers;
        QList<qint64> customersSeen;
        QStringList numbers;
        QJsonArray numberList;
        for (qint64 id : ids) {
            if (auto live = requireLive(db, id); !live)
                return live;
            tickets.append(ticket_snapshot::captureTicket(db, id));
            numbers << QStringLiteral("#%1").arg(numberOf(db, id));
            numberList.append(numberOf(db, id));
        }
        const QDateTime now = m_db.clock().now();
        for (qint64 id : ids) {
            if (change.status)
                ticket_writes::setStatus(db, id, *change.status);
            if (change.priority)
                ticket_writes::setPriority(db, id, *change.priority);
            if (change.category)
                ticket_writes::setCategory(db, id, *change.category);
            if (change.snooze)
                setSnoozedUntil(db, id, *change.snooze);
            if (change.flag) {
                SQLite::Statement st(db, "SELECT customer_id FROM tickets WHERE id = ? AND customer_id IS NOT NULL");
                st.bind(1, static_cast<int64_t>(id));
                if (!st.executeStep())
                    return makeError(ErrorCode::InvalidInput,
                                     QStringLiteral("#%1 has no customer to flag.").arg(numberOf(db, id)));
                const qint64 customer = st.getColumn(0).getInt64();
                // The customer as it was before this change, once, however many of their tickets are named.
                if (!customersSeen.contains(customer)) {
                    customersSeen << customer;
                    customers.append(ticket_snapshot::captureCustomer(db, customer));
                }
                const QJsonObject flags = ticket_snapshot::captureCustomer(db, customer);
                const bool abusive = *change.flag == CustomerFlag::Abusive
                                         ? change.flagOn
                                         : flags.value(QStringLiteral("abusive")).toBool();
                const bool vip =
                    *change.flag == CustomerFlag::Vip ? change.flagOn : flags.value(QStringLiteral("vip")).toBool();
                ticket_writes::setCustomerFlags(db, customer, abusive, vip);
            }
            ticket_writes::recordEvent(db, id, now, QStringLiteral("bulk"), compact(what));
        }
        QStringList parts;
        for (auto it = what.begin(); it != what.end(); ++it)
            parts << it.key() + QLatin1Char(' ') +
                         (it.value().isDouble() ? QString::number(it.value().toInt())
                          : it.value().isNull() ? QStringLiteral("none")
                                                : it.value().toString());
        SQLite::Statement st(db, "INSERT INTO undo_log(at, kind, ticket_id, data) VALUES (?, ?, ?, ?)");
        sql::bindTime(st, 1, now);
        sql::bindText(st, 2, QStringLiteral("bulk"));
        st.bind(3, static_cast<int64_t>(ids.first()));
        QJsonObject undo{{QStringLiteral("tickets"), tickets}};
        if (!customers.isEmpty())
            undo[QStringLiteral("customers")] = customers;
        sql::bindText(st, 4,
                      compact({{QStringLiteral("description"),
                                numbers.join(QStringLiteral(", ")) + QStringLiteral(": ") +
                                    parts.join(QStringLiteral(", "))},
                               {QStringLiteral("numbers"), numberList},
                               {QStringLiteral("detail"), what},
                               {QStringLiteral("undo"), undo}}));
        st.exec();
        return {};
    });
}

std::optional<UndoRecord> TicketActions::lastUndoable() const
{
    SQLite::Statement st(m_db.reader(), "SELECT id, kind, COALESCE(ticket_id, 0), data FROM undo_log "
                                        "WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1");
    if (!st.executeStep())
        return std::nullopt;
    return undoRecordOf(st);
}

Result<UndoRecord> TicketActions::undo()
{
    UndoRecord record;
    Result<void> done = m_db.write([&](SQLite::Database& db) -> Result<void> {
        SQLite::Statement st(db, "SELECT id, kind, COALESCE(ticket_id, 0), data FROM undo_log "
                                 "WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1");
        if (!st.executeStep())
            return makeError(ErrorCode::Conflict, QStringLiteral("There is nothing to undo."));
        const QJsonObject data = QJsonDocument::fromJson(sql::textOf(st.getColumn(3)).toUtf8()).object();
        record = undoRecordOf(st);
        const QJsonObject undo = data.value(QStringLiteral("undo")).toObject();
        // A ticket that a split created goes away again: refuse while something else now depends on it.
        if (undo.contains(QStringLiteral("created_ticket"))) {
            const auto created = static_cast<qint64>(undo.value(QStringLiteral("created_ticket")).toDouble());
            const qint64 moved = undo.value(QStringLiteral("messages"))
                                     .toObject()
                                     .value(QStringLiteral("ids"))
                                     .toArray()
                                     .size();
            const int number = numberOf(db, created);
            if (countWhere(db, "SELECT COUNT(*) FROM messages WHERE ticket_id = ?", created) != moved)
                return makeError(QStringLiteral("#%1 has received messages since the split; merge it back "
                                                "instead of undoing.")
                                     .arg(number));
            if (countWhere(db,
                           "SELECT (SELECT COUNT(*) FROM evidence WHERE ticket_id = ?1) + (SELECT COUNT(*) "
                           "FROM custody_log WHERE ticket_id = ?1) + (SELECT COUNT(*) FROM outbox WHERE "
                           "ticket_id = ?1) + (SELECT COUNT(*) FROM tickets WHERE merged_into = ?1)",
                           created) > 0)
                return makeError(
                    QStringLiteral("#%1 has evidence, replies or merged tickets since the split; "
                                   "merge it back instead of undoing.")
                        .arg(number));
        }
        applyUndo(db, undo);
        const QDateTime now = m_db.clock().now();
        SQLite::Statement mark(db, "UPDATE undo_log SET undone_at = ? WHERE id = ?");
        sql::bindTime(mark, 1, now);
        mark.bind(2, static_cast<int64_t>(record.id));
        mark.exec();
        std::optional<qint64> eventTicket;
        if (countWhere(db, "SELECT COUNT(*) FROM tickets WHERE id = ?", record.ticketId) > 0)
            eventTicket = record.ticketId;
        ticket_writes::recordEvent(db, eventTicket, now, QStringLiteral("undo"),
                                   compact({{QStringLiteral("undid"), record.kind},
                                            {QStringLiteral("description"), record.description}}));
        return {};
    });
    if (!done)
        return done.error();
    return record;
}

void TicketActions::applyUndo(SQLite::Database& db, const QJsonObject& undo)
{
    const QJsonObject messages = undo.value(QStringLiteral("messages")).toObject();
    moveRows(db, "UPDATE messages SET ticket_id = ? WHERE id = ?",
             messages.value(QStringLiteral("ids")).toArray(),
             static_cast<qint64>(messages.value(QStringLiteral("to")).toDouble()));
    const QJsonObject evidence = undo.value(QStringLiteral("evidence")).toObject();
    moveRows(db, "UPDATE evidence SET ticket_id = ? WHERE id = ?",
             evidence.value(QStringLiteral("ids")).toArray(),
             static_cast<qint64>(evidence.value(QStringLiteral("to")).toDouble()));
    if (undo.contains(QStringLiteral("created_ticket"))) {
        const auto created = static_cast<int64_t>(undo.value(QStringLiteral("created_ticket")).toDouble());
        const auto from = static_cast<int64_t>(undo.value(QStringLiteral("created_from")).toDouble());
        // The new ticket's history stays, with the ticket it came from.
        SQLite::Statement events(db, "UPDATE events SET ticket_id = ? WHERE ticket_id = ?");
        events.bind(1, from);
        events.bind(2, created);
        events.exec();
        SQLite::Statement del(db, "DELETE FROM tickets WHERE id = ?");
        del.bind(1, created);
        del.exec();
    }
    for (const QJsonValue& t : undo.value(QStringLiteral("tickets")).toArray())
        ticket_snapshot::restoreTicket(db, t.toObject());
    for (const QJsonValue& c : undo.value(QStringLiteral("customers")).toArray())
        ticket_snapshot::restoreCustomer(db, c.toObject());
}

} // namespace casebook
