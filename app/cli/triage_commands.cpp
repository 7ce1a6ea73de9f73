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

// A moment (timeArg), or "none".
Result<QDateTime> snoozeArg(const QString& s)
{
    if (s == QLatin1String("none"))
        return QDateTime();
    auto t = timeArg(s);
    if (!t)
        return makeError(ErrorCode::InvalidInput, t.error().message + QStringLiteral(", or none"));
    return t;
}

Result<TicketStatus> statusArg(const QString& v)
{
    if (const auto s = ticketStatusFromString(v))
        return *s;
    return makeError(ErrorCode::InvalidInput, QStringLiteral("'%1' is not a status (%2)")
                                                  .arg(v, allTicketStatusNames().join(QStringLiteral(", "))));
}

Result<int> priorityArg(const QString& v)
{
    bool isInt = false;
    const int p = v.toInt(&isInt);
    if (!isInt || p < 0 || p > TicketActions::kMaxPriority)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("'%1' is not a priority (0 normal, 1 high, 2 urgent)").arg(v));
    return p;
}

Result<Category> categoryArg(const QString& v)
{
    if (const auto cat = categoryFromString(v))
        return *cat;
    return makeError(ErrorCode::InvalidInput, QStringLiteral("'%1' is not a category (%2)")
                                                  .arg(v, allCategoryNames().join(QStringLiteral(", "))));
}

Result<CustomerFlag> flagArg(const QString& v)
{
    if (v == QLatin1String("abusive"))
        return CustomerFlag::Abusive;
    if (v == QLatin1String("vip"))
        return CustomerFlag::Vip;
    return makeError(ErrorCode::InvalidInput, QStringLiteral("'%1' is not a flag (abusive or vip)").arg(v));
}

// `ticket 1001 1002 1003 --status resolved`: one change for several tickets, undone as one step.
int bulkTicket(Context& c)
{
    for (const char* single : {"add-order", "summary"})
        if (c.isSet(QLatin1String(single)))
            return fail(QStringLiteral("--%1 changes one ticket at a time").arg(QLatin1String(single)), kUsage);
    for (const QString& a : c.args)
        if (!ticketNumberArg(a))
            return fail(QStringLiteral("'%1' is not a ticket number (e.g. 1042)").arg(a), kUsage);
    BulkChange change;
    QStringList options;
    auto read = [&](const char* name, auto parse, auto& field) -> std::optional<Error> {
        const QString option = QLatin1String(name);
        if (!c.isSet(option))
            return std::nullopt;
        auto v = parse(c.value(option));
        if (!v)
            return makeError(ErrorCode::InvalidInput, QStringLiteral("--%1: %2").arg(option, v.error().message));
        field = v.value();
        options << option;
        return std::nullopt;
    };
    for (const std::optional<Error>& e :
         {read("status", statusArg, change.status), read("priority", priorityArg, change.priority),
          read("category", categoryArg, change.category), read("snooze", snoozeArg, change.snooze),
          read("flag", flagArg, change.flag)})
        if (e)
            return fail(*e);
    if (change.isEmpty())
        return fail(QStringLiteral("say what to change: --status, --priority, --category, --snooze or --flag"),
                    kUsage);
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    QList<qint64> ids;
    for (const QString& a : c.args) {
        auto t = ticketArg(*db, a);
        if (!t)
            return fail(t.error());
        ids << t->id;
    }
    if (auto r = TicketActions(*db).applyToAll(ids, change); !r)
        return fail(r.error());
    QJsonArray states;
    for (qint64 id : ids)
        states << ticketState(*db, id);
    printJson(QJsonDocument(QJsonObject{{QStringLiteral("tickets"), states},
                                        {QStringLiteral("changed"), QJsonArray::fromStringList(options)}}));
    return kOk;
}

int ticket(Context& c)
{
    if (c.args.isEmpty())
        return fail(QStringLiteral("ticket takes ticket numbers, e.g. ticket 1042 --status resolved"), kUsage);
    if (c.args.size() > 1)
        return bulkTicket(c);
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
    // Each option's value, parsed, becomes the change it makes.
    auto change = [](auto parsed, auto apply) -> Result<Change> {
        if (!parsed)
            return parsed.error();
        return Change([v = parsed.value(), apply](TicketActions& a, qint64 id) { return apply(a, id, v); });
    };
    const Result<void> checks[] = {
        read(QStringLiteral("status"),
             [&](const QString& v) {
                 return change(statusArg(v),
                               [](TicketActions& a, qint64 id, TicketStatus s) { return a.setStatus(id, s); });
             }),
        read(QStringLiteral("priority"),
             [&](const QString& v) {
                 return change(priorityArg(v),
                               [](TicketActions& a, qint64 id, int p) { return a.setPriority(id, p); });
             }),
        read(QStringLiteral("category"),
             [&](const QString& v) {
                 return change(categoryArg(v),
                               [](TicketActions& a, qint64 id, Category k) { return a.setCategory(id, k); });
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
             [&](const QString& v) {
                 return change(snoozeArg(v),
                               [](TicketActions& a, qint64 id, QDateTime u) { return a.snooze(id, u); });
             }),
        read(QStringLiteral("flag"),
             [&](const QString& v) {
                 return change(flagArg(v), [](TicketActions& a, qint64 id, CustomerFlag f) {
                     return a.setCustomerFlag(id, f, true);
                 });
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
             "ticket NUMBER... [--status S] [--priority N] [--category C] [--add-order X] [--snooze ISO|none] "
             "[--flag abusive|vip] [--summary TEXT]   triage tickets (several: one undo step; no --add-order, "
             "--summary)"),
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
