// search: finding messages through the core search API.
#include "cli/cli.h"
#include "store/message_search.h"
#include "store/ticket_json.h"

#include <QJsonArray>
#include <QJsonObject>

namespace casebook::cli {
namespace {

Result<int> nonNegative(Context& c, const QString& option, int fallback)
{
    if (!c.isSet(option))
        return fallback;
    bool ok = false;
    const int n = c.value(option).toInt(&ok);
    if (!ok || n < 0)
        return makeError(
            QStringLiteral("--%1 takes a number of 0 or more, not '%2'").arg(option, c.value(option)));
    return n;
}

QJsonObject hitJson(const SearchHit& h)
{
    return QJsonObject{{QStringLiteral("id"), h.messageId},
                       {QStringLiteral("ticket"), h.ticketNumber},
                       {QStringLiteral("ticket_id"), h.ticketId},
                       {QStringLiteral("date"), ticket_json::isoDate(h.date)},
                       {QStringLiteral("channel"), toString(h.channel)},
                       {QStringLiteral("direction"), toString(h.direction)},
                       {QStringLiteral("from_name"), h.fromName},
                       {QStringLiteral("from_address"), h.fromAddress},
                       {QStringLiteral("subject"), h.subject},
                       {QStringLiteral("snippet"), h.snippet.text}};
}

// Search only reads, so it opens no writer and skips the whole-file quick_check that Context::db() runs
// for commands that write: on a 100 MB inbox that check costs more than the search itself. (The GUI
// checks at start-up.)
Result<std::unique_ptr<Database>> openForReading(Context& c)
{
    auto path = databasePath(c.value(QStringLiteral("db")), c.isSet(QStringLiteral("demo")), c.clock);
    if (!path)
        return path.error();
    return Database::open(path.value(), c.clock, {.quickCheck = false, .readOnly = true});
}

int search(Context& c)
{
    if (c.args.isEmpty())
        return fail(QStringLiteral("search takes a query, e.g. search 환불 from:kim after:2026-01-01"),
                    kUsage);
    // Words given as separate arguments are one query, as if typed in the search box.
    auto query = SearchQuery::parse(c.args.join(QLatin1Char(' ')));
    if (!query)
        return fail(query.error().message, kUsage);
    SearchPage page;
    const auto limit = nonNegative(c, QStringLiteral("limit"), 20);
    const auto offset = nonNegative(c, QStringLiteral("offset"), 0);
    if (!limit || !offset)
        return fail((!limit ? limit.error() : offset.error()).message, kUsage);
    page.limit = limit.value();
    page.offset = offset.value();
    const QString sort =
        c.isSet(QStringLiteral("sort")) ? c.value(QStringLiteral("sort")) : QStringLiteral("newest");
    if (sort != QLatin1String("newest") && sort != QLatin1String("relevance"))
        return fail(QStringLiteral("--sort takes newest or relevance, not '%1'").arg(sort), kUsage);
    page.order = sort == QLatin1String("relevance") ? SearchOrder::Relevance : SearchOrder::Newest;

    auto db = openForReading(c);
    if (!db)
        return fail(db.error().message);
    MessageSearch searcher(db.value()->reader());
    if (c.isSet(QStringLiteral("count"))) {
        const auto n = searcher.count(query.value());
        if (!n)
            return fail(n.error().message);
        out() << n.value() << Qt::endl;
        return kOk;
    }
    const auto hits = searcher.hits(query.value(), page);
    if (!hits)
        return fail(hits.error().message);
    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const SearchHit& h : hits.value())
            list.append(hitJson(h));
        printJson(QJsonDocument(list));
        return kOk;
    }
    for (const SearchHit& h : hits.value()) {
        out() << "#" << h.ticketNumber << "\t" << ticket_json::isoDate(h.date) << "\t"
              << (h.fromName.isEmpty() ? h.fromAddress : h.fromName) << "\t" << h.subject << "\n";
        if (!h.snippet.text.isEmpty())
            out() << "\t" << h.snippet.marked(QStringLiteral("["), QStringLiteral("]")) << "\n";
    }
    out().flush();
    return kOk;
}

} // namespace

QList<Command> searchCommands()
{
    return {
        {QStringLiteral("search"),
         QStringLiteral(
             "search QUERY [--json] [--limit N] [--offset N] [--sort newest|relevance] [--count]\n"
             "                          find messages: words, \"phrases\", prefix*, from: to: subject: "
             "order:\n                          status: channel: after:YYYY-MM-DD before:YYYY-MM-DD"),
         {QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print JSON.")),
          QCommandLineOption(QStringLiteral("limit"),
                             QStringLiteral("At most N results (search; default 20)."), QStringLiteral("N")),
          QCommandLineOption(QStringLiteral("offset"), QStringLiteral("Skip the first N results (search)."),
                             QStringLiteral("N")),
          QCommandLineOption(QStringLiteral("sort"),
                             QStringLiteral("newest (default) or relevance (search)."),
                             QStringLiteral("ORDER")),
          QCommandLineOption(QStringLiteral("count"),
                             QStringLiteral("Print only the number of matches (search)."))},
         search},
    };
}

} // namespace casebook::cli
