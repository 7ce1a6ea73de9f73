// stats, tickets, show, demo: reading the store.
#include "cli/cli.h"
#include "cli/ticket_arg.h"
#include "demo/demo_inbox.h"
#include "model/display_time.h"
#include "store/ticket_json.h"
#include "store/ticket_queries.h"

#include <QJsonArray>
#include <QJsonObject>

namespace casebook::cli {
namespace {

int stats(Context& c)
{
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    const StoreStats s = ticket_queries::stats(db->reader());
    if (c.isSet(QStringLiteral("json"))) {
        printJson(QJsonDocument(ticket_json::stats(s)));
    } else {
        out() << "messages:    " << s.messages << "\ntickets:     " << s.tickets
              << "\ncustomers:   " << s.customers << "\nquarantined: " << s.quarantined << Qt::endl;
    }
    return kOk;
}

QString priorityName(int p)
{
    return p >= 2 ? QStringLiteral("urgent") : p == 1 ? QStringLiteral("high") : QStringLiteral("normal");
}

// The list's filter from the options; every value is checked before the store is opened, so a bad one is a
// usage error that prints nothing on stdout.
Result<TicketFilter> ticketsFilter(Context& c)
{
    auto bad = [](const QString& option, const QString& message) {
        return Result<TicketFilter>(
            makeError(ErrorCode::InvalidInput, QStringLiteral("--%1: %2").arg(option, message)));
    };
    TicketFilter f;
    f.view = TicketView::All;
    if (c.isSet(QStringLiteral("status"))) {
        for (const QString& name : c.value(QStringLiteral("status")).split(QLatin1Char(','))) {
            const auto s = ticketStatusFromString(name.trimmed());
            if (!s)
                return bad(QStringLiteral("status"),
                           QStringLiteral("'%1' is not a status (%2)")
                               .arg(name, allTicketStatusNames().join(QStringLiteral(", "))));
            if (!f.statuses.contains(*s))
                f.statuses << *s;
        }
    } else {
        // Every ticket, spam included, as the list always printed them.
        for (const QString& name : allTicketStatusNames())
            f.statuses << *ticketStatusFromString(name);
    }
    if (c.isSet(QStringLiteral("channel"))) {
        const QString v = c.value(QStringLiteral("channel"));
        f.channel = channelFromString(v);
        if (!f.channel)
            return bad(QStringLiteral("channel"), QStringLiteral("'%1' is not a channel (%2)")
                                                      .arg(v, allChannelNames().join(QStringLiteral(", "))));
    }
    if (c.isSet(QStringLiteral("category"))) {
        const QString v = c.value(QStringLiteral("category"));
        f.category = categoryFromString(v);
        if (!f.category)
            return bad(QStringLiteral("category"), QStringLiteral("'%1' is not a category (%2)")
                                                       .arg(v, allCategoryNames().join(QStringLiteral(", "))));
    }
    if (c.isSet(QStringLiteral("due-before"))) {
        auto t = timeArg(c.value(QStringLiteral("due-before")));
        if (!t)
            return bad(QStringLiteral("due-before"), t.error().message);
        f.dueBefore = t.value();
    }
    const QString sort = c.isSet(QStringLiteral("sort")) ? c.value(QStringLiteral("sort")) : QStringLiteral("due");
    if (sort == QLatin1String("due")) {
        f.sort = TicketSort::Due;
    } else if (sort == QLatin1String("activity")) {
        f.sort = TicketSort::Activity;
        f.ascending = false; // the newest first
    } else if (sort == QLatin1String("number")) {
        f.sort = TicketSort::Number;
    } else {
        return bad(QStringLiteral("sort"), QStringLiteral("'%1' is not a sort (due, activity or number)").arg(sort));
    }
    if (c.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        f.limit = c.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || f.limit < 1)
            return bad(QStringLiteral("limit"), QStringLiteral("'%1' is not a number of tickets (1 or more)")
                                                    .arg(c.value(QStringLiteral("limit"))));
    }
    f.now = c.clock.now();
    return f;
}

int tickets(Context& c)
{
    if (!c.args.isEmpty())
        return fail(QStringLiteral("tickets takes no arguments, only options (see casebook-cli --help)"), kUsage);
    auto filter = ticketsFilter(c);
    if (!filter)
        return fail(filter.error());
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    const QJsonArray list = ticket_json::tickets(db->reader(), filter.value());
    if (c.isSet(QStringLiteral("json"))) {
        printJson(QJsonDocument(list));
        return kOk;
    }
    const QDateTime now = filter->now;
    auto timeOf = [](const QJsonObject& t, const char* key) {
        return QDateTime::fromString(t.value(QLatin1String(key)).toString(), Qt::ISODate);
    };
    for (const QJsonValue& v : list) {
        const QJsonObject t = v.toObject();
        const QString due =
            dueTextAt(timeOf(t, "due_at"), now, channelFromString(t.value(QStringLiteral("takeover")).toString()));
        out() << "#" << t.value(QStringLiteral("number")).toInt() << "\t"
              << t.value(QStringLiteral("status")).toString() << "\t" << (due.isEmpty() ? QStringLiteral("-") : due)
              << "\t" << priorityName(t.value(QStringLiteral("priority")).toInt()) << "\t"
              << t.value(QStringLiteral("category")).toString() << "\t"
              << displayTime(timeOf(t, "last_activity_at")) << "\t"
              << printable(t.value(QStringLiteral("customer")).toString()) << "\t"
              << printable(t.value(QStringLiteral("subject")).toString()) << "\n";
    }
    out().flush();
    return kOk;
}

int show(Context& c)
{
    if (c.args.size() != 1)
        return fail(QStringLiteral("show takes one ticket number, e.g. show 1042"), kUsage);
    if (!ticketNumberArg(c.args.first()))
        return fail(QStringLiteral("'%1' is not a ticket number (try: show 1042)").arg(c.args.first()),
                    kUsage);
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    const auto ticket = ticketArg(*db, c.args.first());
    if (!ticket)
        return fail(ticket.error());
    // Everything below comes from mail: shown, with its control characters made harmless (not in --json).
    out() << "#" << ticket->number << "  " << printable(ticket->subject) << "\n";
    out() << "Status: " << toString(ticket->status) << "   Category: " << toString(ticket->category)
          << "   Channels: " << printable(ticket->channels.join(QStringLiteral(", "))) << "\n";
    out() << "Customer: " << printable(ticket->customerName) << "\n";
    if (!ticket->orderNumbers.isEmpty())
        out() << "Orders: " << printable(ticket->orderNumbers.join(QStringLiteral(", "))) << "\n";
    if (ticket->dueAt.isValid())
        out() << "Answer due: " << displayTime(ticket->dueAt) << "\n";
    if (!ticket->summary.isEmpty())
        out() << "Summary: " << printable(ticket->summary) << "\n";
    for (const MessageRecord& m : ticket_queries::messagesOfTicket(db->reader(), ticket->id)) {
        const char* arrow = m.direction == Direction::In ? "<-" : m.direction == Direction::Out ? "->" : "--";
        out() << "\n"
              << arrow << " " << displayTime(m.date) << "  " << toString(m.channel) << "  "
              << printable(m.fromName.isEmpty() ? m.fromAddress : m.fromName) << "\n";
        if (!m.subject.isEmpty())
            out() << "   " << printable(m.subject) << "\n";
        for (const QString& line : printable(m.text.trimmed()).split(QLatin1Char('\n')))
            out() << "   " << line << "\n";
        for (const Attachment& a : m.attachments)
            out() << "   [attachment] " << printable(a.filename) << " (" << printable(a.mediaType) << ", "
                  << a.size << " bytes)\n";
    }
    out().flush();
    return kOk;
}

int demo(Context& c)
{
    auto path = DemoInbox::ensureDatabase(c.clock);
    if (!path)
        return fail(path.error());
    out() << path.value() << Qt::endl;
    return kOk;
}

} // namespace

QList<Command> ticketCommands()
{
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    return {
        {QStringLiteral("stats"),
         QStringLiteral("stats [--json]          counts of messages, tickets, customers, quarantined"),
         {json},
         stats},
        {QStringLiteral("tickets"),
         QStringLiteral("tickets [--status S,S] [--channel C] [--category C] [--due-before ISO] "
                        "[--sort due|activity|number] [--limit N] [--json]   tickets, what is due first"),
         {json,
          {QStringLiteral("status"), QStringLiteral("Only these statuses, comma separated."), QStringLiteral("S")},
          {QStringLiteral("channel"),
           QStringLiteral("Only tickets with a message on this channel: %1.")
               .arg(allChannelNames().join(QStringLiteral(", "))),
           QStringLiteral("C")},
          {QStringLiteral("category"),
           QStringLiteral("A category: %1.").arg(allCategoryNames().join(QStringLiteral(", "))),
           QStringLiteral("C")},
          {QStringLiteral("due-before"),
           QStringLiteral("Only tickets whose answer is due before this time (ISO 8601; local unless it "
                          "names a zone)."),
           QStringLiteral("ISO")},
          {QStringLiteral("sort"), QStringLiteral("due (default: overdue first), activity (newest first) or "
                                                  "number."),
           QStringLiteral("BY")},
          {QStringLiteral("limit"), QStringLiteral("At most N tickets."), QStringLiteral("N")}},
         tickets},
        {QStringLiteral("show"),
         QStringLiteral("show NUMBER             one ticket's conversation"),
         {},
         show},
        {QStringLiteral("demo"),
         QStringLiteral("demo                    build (or refresh) the demo inbox, print its path"),
         {},
         demo},
    };
}

} // namespace casebook::cli
