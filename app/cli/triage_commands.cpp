// ticket, merge, split, undo: triage from the command line, with JSON answers.
#include "cli/cli.h"
#include "cli/ticket_arg.h"
#include "inbox/ticket_actions.h"
#include "store/ticket_json.h"
#include "store/ticket_queries.h"

#include <QJsonArray>
#include <QJsonObject>

namespace casebook::cli {
namespace {

QJsonObject ticketState(Database& db, qint64 id)
{
    const auto list = ticket_queries::ticketsByIds(db.reader(), {id});
    if (list.isEmpty())
        return {};
    const TicketSummary& t = list.first();
    QJsonArray flags;
    if (t.customerAbusive)
        flags << QStringLiteral("abusive");
    if (t.customerVip)
        flags << QStringLiteral("vip");
    return {{QStringLiteral("number"), t.number},
            {QStringLiteral("subject"), t.subject},
            {QStringLiteral("status"), toString(t.status)},
            {QStringLiteral("priority"), t.priority},
            {QStringLiteral("category"), toString(t.category)},
            {QStringLiteral("orders"), QJsonArray::fromStringList(t.orderNumbers)},
            {QStringLiteral("snoozed_until"),
             t.snoozedUntil.isValid() ? QJsonValue(ticket_json::isoDate(t.snoozedUntil)) : QJsonValue()},
            {QStringLiteral("customer_flags"), flags},
            {QStringLiteral("summary"), t.summary},
            {QStringLiteral("messages"), t.messageCount}};
}

// "2026-03-12T09:00:00Z", "2026-03-12T09:00+09:00", a local "2026-03-12T09:00", a date (its start), or
// "none".
Result<QDateTime> snoozeArg(const QString& s)
{
    if (s == QLatin1String("none"))
        return QDateTime();
    QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (d.isValid())
            t = d.startOfDay();
    }
    if (!t.isValid())
        return makeError(
            QStringLiteral("'%1' is not a date: use ISO 8601, e.g. 2026-03-12T09:00:00+09:00, or none")
                .arg(s));
    return t.toUTC();
}

int ticket(Context& c)
{
    if (c.args.size() != 1)
        return fail(QStringLiteral("ticket takes one ticket number, e.g. ticket 1042 --status resolved"),
                    kUsage);
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    auto t = ticketArg(*db, c.args.first());
    if (!t)
        return fail(t.error().message);
    TicketActions actions(*db);
    const qint64 id = t->id;
    QStringList done;
    auto apply = [&](const QString& option, const std::function<Result<void>(const QString&)>& fn) -> bool {
        if (!c.isSet(option))
            return true;
        if (auto r = fn(c.value(option)); !r) {
            fail(QStringLiteral("--%1: %2").arg(option, r.error().message));
            return false;
        }
        done << option;
        return true;
    };
    const bool ok =
        apply(QStringLiteral("status"),
              [&](const QString& v) -> Result<void> {
                  const auto s = ticketStatusFromString(v);
                  if (!s)
                      return makeError(QStringLiteral("'%1' is not a status (%2)")
                                           .arg(v, allTicketStatusNames().join(QStringLiteral(", "))));
                  return actions.setStatus(id, *s);
              }) &&
        apply(QStringLiteral("priority"),
              [&](const QString& v) -> Result<void> {
                  bool isInt = false;
                  const int p = v.toInt(&isInt);
                  if (!isInt)
                      return makeError(
                          QStringLiteral("'%1' is not a number (0 normal, 1 high, 2 urgent)").arg(v));
                  return actions.setPriority(id, p);
              }) &&
        apply(QStringLiteral("category"),
              [&](const QString& v) -> Result<void> {
                  const auto cat = categoryFromString(v);
                  if (!cat)
                      return makeError(QStringLiteral("'%1' is not a category (%2)")
                                           .arg(v, allCategoryNames().join(QStringLiteral(", "))));
                  return actions.setCategory(id, *cat);
              }) &&
        apply(QStringLiteral("add-order"), [&](const QString& v) { return actions.addOrderNumber(id, v); }) &&
        apply(QStringLiteral("summary"), [&](const QString& v) { return actions.setSummary(id, v); }) &&
        apply(QStringLiteral("snooze"),
              [&](const QString& v) -> Result<void> {
                  auto until = snoozeArg(v);
                  if (!until)
                      return until.error();
                  return actions.snooze(id, until.value());
              }) &&
        apply(QStringLiteral("flag"), [&](const QString& v) -> Result<void> {
            if (v != QLatin1String("abusive") && v != QLatin1String("vip"))
                return makeError(QStringLiteral("'%1' is not a flag (abusive or vip)").arg(v));
            return actions.setCustomerFlag(
                id, v == QLatin1String("vip") ? CustomerFlag::Vip : CustomerFlag::Abusive, true);
        });
    QJsonObject state = ticketState(*db, id);
    state[QStringLiteral("changed")] = QJsonArray::fromStringList(done);
    printJson(QJsonDocument(state));
    return ok ? kOk : kFailed;
}

int merge(Context& c)
{
    if (c.args.size() != 2)
        return fail(QStringLiteral("merge takes two ticket numbers: merge INTO FROM, e.g. merge 1002 1005"),
                    kUsage);
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    auto into = ticketArg(*db, c.args[0]);
    auto from = ticketArg(*db, c.args[1]);
    if (!into || !from)
        return fail((!into ? into.error() : from.error()).message);
    if (auto r = TicketActions(*db).merge(into->id, from->id); !r)
        return fail(r.error().message);
    printJson(QJsonDocument(QJsonObject{{QStringLiteral("merged"), from->number},
                                        {QStringLiteral("into"), ticketState(*db, into->id)}}));
    return kOk;
}

int split(Context& c)
{
    if (c.args.size() != 1 || !c.isSet(QStringLiteral("message")))
        return fail(QStringLiteral("split takes a ticket number and --message SHA256 (see: tickets --json)"),
                    kUsage);
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    auto t = ticketArg(*db, c.args.first());
    if (!t)
        return fail(t.error().message);
    const QString sha = c.value(QStringLiteral("message")).trimmed().toLower();
    qint64 messageId = 0;
    for (const MessageRecord& m : ticket_queries::messagesOfTicket(db->reader(), t->id))
        if (m.rawSha256 == sha)
            messageId = m.id;
    if (!messageId)
        return fail(QStringLiteral("#%1 has no message with SHA-256 %2").arg(t->number).arg(sha));
    auto created = TicketActions(*db).split(messageId);
    if (!created)
        return fail(created.error().message);
    printJson(QJsonDocument(QJsonObject{{QStringLiteral("ticket"), ticketState(*db, t->id)},
                                        {QStringLiteral("new_ticket"), ticketState(*db, created.value())}}));
    return kOk;
}

int undo(Context& c)
{
    if (!c.args.isEmpty())
        return fail(QStringLiteral("undo takes no arguments: it undoes the most recent triage action"),
                    kUsage);
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    auto undone = TicketActions(*db).undo();
    if (!undone)
        return fail(undone.error().message);
    printJson(QJsonDocument(QJsonObject{{QStringLiteral("undone"), undone->kind},
                                        {QStringLiteral("description"), undone->description}}));
    return kOk;
}

} // namespace

QList<Command> triageCommands()
{
    return {
        {QStringLiteral("ticket"),
         QStringLiteral(
             "ticket NUMBER [--status S] [--priority N] [--category C] [--add-order X] [--snooze ISO|none] "
             "[--flag abusive|vip] [--summary TEXT]   triage one ticket"),
         {{QStringLiteral("status"), QStringLiteral("new, open, waiting, resolved or spam."),
           QStringLiteral("S")},
          {QStringLiteral("priority"), QStringLiteral("0 (normal), 1 (high) or 2 (urgent)."),
           QStringLiteral("N")},
          {QStringLiteral("category"),
           QStringLiteral("A category: %1.").arg(allCategoryNames().join(QStringLiteral(", "))),
           QStringLiteral("C")},
          {QStringLiteral("add-order"), QStringLiteral("Add an order number to the ticket."),
           QStringLiteral("X")},
          {QStringLiteral("summary"),
           QStringLiteral(
               "The seller's own account of the case, for the case file's cover (empty clears it)."),
           QStringLiteral("TEXT")},
          {QStringLiteral("snooze"),
           QStringLiteral("Hide from the Inbox until this time (ISO 8601), or none."), QStringLiteral("ISO")},
          {QStringLiteral("flag"), QStringLiteral("Flag the ticket's customer: abusive or vip."),
           QStringLiteral("F")}},
         ticket},
        {QStringLiteral("merge"),
         QStringLiteral("merge INTO FROM          move every message of FROM into INTO"),
         {},
         merge},
        {QStringLiteral("split"),
         QStringLiteral("split NUMBER --message SHA256   move one message into a new ticket"),
         {{QStringLiteral("message"), QStringLiteral("The SHA-256 of the message to split out."),
           QStringLiteral("SHA256")}},
         split},
        {QStringLiteral("undo"),
         QStringLiteral("undo                    take back the most recent triage action"),
         {},
         undo},
    };
}

} // namespace casebook::cli
