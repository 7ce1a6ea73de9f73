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

int tickets(Context& c)
{
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    const QJsonArray list = ticket_json::tickets(db->reader());
    if (c.isSet(QStringLiteral("json"))) {
        printJson(QJsonDocument(list));
        return kOk;
    }
    for (const QJsonValue& v : list) {
        const QJsonObject t = v.toObject();
        out() << "#" << t.value(QStringLiteral("number")).toInt() << "\t"
              << t.value(QStringLiteral("status")).toString() << "\t"
              << displayTime(QDateTime::fromString(t.value(QStringLiteral("last_activity_at")).toString(),
                                                   Qt::ISODate))
              << "\t" << printable(t.value(QStringLiteral("customer")).toString()) << "\t"
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
         QStringLiteral("tickets [--json]        every ticket with its messages"),
         {json},
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
