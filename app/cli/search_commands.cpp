// search: finding messages through the core search API. casebook-cli runs the same search itself, on the
// same code (search/search_run.h), without Qt (search_main.cpp); it hands over to this program what it does
// not handle (--demo, a database to migrate, unusual arguments).
#include "cli/cli.h"
#include "search/search_run.h"

#include <cstdio>

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
    auto query = search::Query::parse(c.args.join(QLatin1Char(' ')).toStdString());
    if (!query)
        return fail(QString::fromStdString(query.error()), kUsage);
    search::SearchRequest request;
    const auto limit = nonNegative(c, QStringLiteral("limit"), 20);
    const auto offset = nonNegative(c, QStringLiteral("offset"), 0);
    if (!limit || !offset)
        return fail((!limit ? limit.error() : offset.error()).message, kUsage);
    request.page.limit = limit.value();
    request.page.offset = offset.value();
    const QString sort =
        c.isSet(QStringLiteral("sort")) ? c.value(QStringLiteral("sort")) : QStringLiteral("newest");
    if (sort != QLatin1String("newest") && sort != QLatin1String("relevance"))
        return fail(QStringLiteral("--sort takes newest or relevance, not '%1'").arg(sort), kUsage);
    request.page.order =
        sort == QLatin1String("relevance") ? search::Order::Relevance : search::Order::Newest;
    request.count = c.isSet(QStringLiteral("count"));
    request.json = c.isSet(QStringLiteral("json"));

    auto db = openForReading(c);
    if (!db)
        return fail(db.error());
    const auto printed = search::runSearch(db.value()->reader().getHandle(), query.value(), request);
    if (!printed)
        return fail(QString::fromStdString(printed.error()));
    out().flush();
    std::fwrite(printed.value().data(), 1, printed.value().size(), stdout);
    std::fflush(stdout);
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
