// ticket, merge, split, undo: triage from the command line, with JSON answers.
#include "cli/cli.h"
#include "cli/ticket_arg.h"
#include "inbox/ticket_actions.h"
#include "store/ticket_json.h"
#include "store/ticket_queries.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>

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
    // Every value is read before anything changes: a bad one is a usage error that changes nothing and
    // prints nothing on stdout.
    using Change = std::function<Result<void>(TicketActions&, qint64)>;
    QList<QPair<QString, Change>> changes;
    auto read = [&](const QString& option, const std::function<Result<Change>(const QString&)>& parse) {
        if (!c.isSet(option))
            return Result<void>();
        auto change = parse(c.value(option));
        if (!change)
            return Result<void>(makeError(ErrorCode::InvalidInput,
                                          QStringLiteral("--%1: %2").arg(option, change.error().message)));
        changes.append({option, change.value()});
        return Result<void>();
    };
    auto invalid = [](const QString& message) {
        return Result<Change>(makeError(ErrorCode::InvalidInput, message));
    };
    const Result<void> checks[] = {
        read(QStringLiteral("status"),
             [&](const QString& v) -> Result<Change> {
                 const auto s = ticketStatusFromString(v);
                 if (!s)
                     return invalid(QStringLiteral("'%1' is not a status (%2)")
                                        .arg(v, allTicketStatusNames().join(QStringLiteral(", "))));
                 return Change([s = *s](TicketActions& a, qint64 id) { return a.setStatus(id, s); });
             }),
        read(QStringLiteral("priority"),
             [&](const QString& v) -> Result<Change> {
                 bool isInt = false;
                 const int p = v.toInt(&isInt);
                 if (!isInt)
                     return invalid(
                         QStringLiteral("'%1' is not a number (0 normal, 1 high, 2 urgent)").arg(v));
                 return Change([p](TicketActions& a, qint64 id) { return a.setPriority(id, p); });
             }),
        read(QStringLiteral("category"),
             [&](const QString& v) -> Result<Change> {
                 const auto cat = categoryFromString(v);
                 if (!cat)
                     return invalid(QStringLiteral("'%1' is not a category (%2)")
                                        .arg(v, allCategoryNames().join(QStringLiteral(", "))));
                 return Change([cat = *cat](TicketActions& a, qint64 id) { return a.setCategory(id, cat); });
             }),
        read(QStringLiteral("add-order"),
             [&](const QString& v) -> Result<Change> {
                 return Change([v](TicketActions& a, qint64 id) { return a.addOrderNumber(id, v); });
             }),
        read(QStringLiteral("summary"),
             [&](const QString& v) -> Result<Change> {
                 return Change([v](TicketActions& a, qint64 id) { return a.setSummary(id, v); });
             }),
        read(QStringLiteral("snooze"),
             [&](const QString& v) -> Result<Change> {
                 auto until = snoozeArg(v);
                 if (!until)
                     return invalid(until.error().message);
                 return Change([u = until.value()](TicketActions& a, qint64 id) { return a.snooze(id, u); });
             }),
        read(QStringLiteral("flag"),
             [&](const QString& v) -> Result<Change> {
                 if (v != QLatin1String("abusive") && v != QLatin1String("vip"))
                     return invalid(QStringLiteral("'%1' is not a flag (abusive or vip)").arg(v));
                 const CustomerFlag flag =
                     v == QLatin1String("vip") ? CustomerFlag::Vip : CustomerFlag::Abusive;
                 return Change(
                     [flag](TicketActions& a, qint64 id) { return a.setCustomerFlag(id, flag, true); });
             }),
    };
    for (const Result<void>& check : checks)
        if (!check)
            return fail(check.error());

    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    auto t = ticketArg(*db, c.args.first());
    if (!t)
        return fail(t.error());
    TicketActions actions(*db);
    const qint64 id = t->id;
    QStringList done;
    std::optional<Error> failed;
    for (const auto& [option, change] : changes) {
        if (auto r = change(actions, id); !r) {
            failed = makeError(r.error().code, QStringLiteral("--%1: %2").arg(option, r.error().message));
            break;
        }
        done << option;
    }
    QJsonObject state = ticketState(*db, id);
    state[QStringLiteral("changed")] = QJsonArray::fromStringList(done);
    // What did change is reported even when a later change failed.
    printJson(QJsonDocument(state));
    return failed ? fail(*failed) : kOk;
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
        return fail(!into ? into.error() : from.error());
    if (auto r = TicketActions(*db).merge(into->id, from->id); !r)
        return fail(r.error());
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
        return fail(t.error());
    const QString sha = c.value(QStringLiteral("message")).trimmed().toLower();
    qint64 messageId = 0;
    for (const MessageRecord& m : ticket_queries::messagesOfTicket(db->reader(), t->id))
        if (m.rawSha256 == sha)
            messageId = m.id;
    if (!messageId)
        return fail(QStringLiteral("#%1 has no message with SHA-256 %2").arg(t->number).arg(sha), kNotFound);
    auto created = TicketActions(*db).split(messageId);
    if (!created)
        return fail(created.error());
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
        return fail(undone.error());
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
