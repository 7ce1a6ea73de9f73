// casebook-cli: runs `search` itself and hands every other command to casebook-cli-full beside it. A search
// is a one-shot process whose start-up is most of its cost, so this program loads no Qt: the C++ library,
// SQLite and utf8proc, and the same search code the full program runs (search/search_run.h). Whatever it
// does not handle exactly as the full program would (--demo, --help, an option spelt unusually, a missing
// database or one whose schema is not the current one) it hands over before printing anything.
#include "search/query.h"
#include "search/search_connection.h"
#include "search/search_run.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unistd.h>

namespace {

constexpr int kUsage = 2; // cli::kUsage
constexpr int kFailed = 1;

struct Invocation {
    std::string db;
    std::string query; // the positional arguments after "search", joined by spaces
    casebook::search::SearchRequest request;
};

// A non-negative number as plain digits; anything else the full program reads (or refuses) itself.
std::optional<int> plainNumber(std::string_view s)
{
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    return std::atoi(std::string(s).c_str());
}

// The arguments of a search as QCommandLineParser reads them, when they are spelt the usual way: long
// options anywhere, values after a space or an '=', the last of a repeated option winning.
std::optional<Invocation> searchArguments(int argc, char* argv[])
{
    Invocation in;
    bool sawCommand = false;
    bool first = true;
    for (int i = 1; i < argc; ++i) {
        std::string_view a(argv[i]);
        if (!a.starts_with("--") || a == "--") {
            if (a.starts_with('-'))
                return std::nullopt; // short options, "-", "--": rare, and the full program's business
            if (!sawCommand) {
                if (a != "search")
                    return std::nullopt;
                sawCommand = true;
                continue;
            }
            in.query += (first ? "" : " ") + std::string(a);
            first = false;
            continue;
        }
        std::string_view name = a.substr(2);
        std::optional<std::string_view> value;
        if (const auto eq = name.find('='); eq != std::string_view::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (name == "json" || name == "count") {
            if (value)
                return std::nullopt;
            (name == "json" ? in.request.json : in.request.count) = true;
            continue;
        }
        if (name != "db" && name != "limit" && name != "offset" && name != "sort")
            return std::nullopt;
        if (!value) {
            if (i + 1 >= argc)
                return std::nullopt;
            value = argv[++i];
        }
        if (name == "db") {
            in.db = *value;
        } else if (name == "sort") {
            if (*value != "newest" && *value != "relevance")
                return std::nullopt;
            in.request.page.order =
                *value == "relevance" ? casebook::search::Order::Relevance : casebook::search::Order::Newest;
        } else {
            const auto n = plainNumber(*value);
            if (!n)
                return std::nullopt;
            (name == "limit" ? in.request.page.limit : in.request.page.offset) = *n;
        }
    }
    if (!sawCommand || first)
        return std::nullopt;
    return in;
}

// Where the full program looks when there is no --db: $CASEBOOK_DB, else QStandardPaths' AppDataLocation
// for organisation "Casebook" and application "casebook" (XDG_DATA_HOME, or ~/.local/share).
std::string defaultDatabase()
{
    if (const char* env = std::getenv("CASEBOOK_DB"); env && *env)
        return env;
    std::string base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::string(home) + "/.local/share";
    else
        return {};
    return base + "/Casebook/casebook/casebook.sqlite";
}

int handOver(char* argv[])
{
    char self[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    std::string full = n > 0 ? std::string(self, static_cast<std::size_t>(n)) : std::string(argv[0]);
    full = full.substr(0, full.rfind('/') + 1) + "casebook-cli-full";
    execv(full.c_str(), argv);
    std::fprintf(stderr, "casebook-cli: could not start %s: %s (is Casebook installed whole?)\n",
                 full.c_str(), std::strerror(errno));
    return kFailed;
}

} // namespace

int main(int argc, char* argv[])
{
    const auto in = searchArguments(argc, argv);
    if (!in)
        return handOver(argv);
    // The query is read before the database is opened, as the full program does.
    const auto query = casebook::search::Query::parse(in->query);
    if (!query) {
        std::fprintf(stderr, "casebook-cli: %s\n", query.error().c_str());
        return kUsage;
    }
    const auto db = casebook::search::SearchConnection::open(in->db.empty() ? defaultDatabase() : in->db);
    if (!db)
        return handOver(argv); // creating, migrating or refusing the file, with the full program's words
    const auto printed = casebook::search::runSearch(db.value()->handle(), query.value(), in->request);
    if (!printed) {
        std::fprintf(stderr, "casebook-cli: %s\n", printed.error().c_str());
        return kFailed;
    }
    std::fwrite(printed.value().data(), 1, printed.value().size(), stdout);
    return std::fflush(stdout) == 0 ? 0 : kFailed;
}
