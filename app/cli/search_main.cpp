// casebook-cli: runs `search` itself and hands every other command to casebook-cli-full beside it. A search
// is a one-shot process whose start-up is most of its cost: this program loads Qt Core and SQLite only,
// where the full one loads Qt Gui, Qt PDF, GMime, Exiv2 and libzip (about 75 libraries in all).
#include "cli/cli.h"

#include <QCoreApplication>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <unistd.h>

namespace casebook::cli {

// --demo never reaches this program (building the demo inbox takes the full one).
Result<QString> databasePath(const QString& dbOption, bool, const Clock&)
{
    return dbOption.isEmpty() ? Database::defaultPath() : dbOption;
}

} // namespace casebook::cli

namespace {

// A search, and nothing that needs the full program: no --demo, no help or version text.
bool runsHere(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view a(argv[i]);
        if (a == "--demo" || a == "--help" || a == "-h" || a == "--help-all" || a == "--version" || a == "-v")
            return false;
    }
    for (int i = 1; i < argc; ++i) {
        const std::string_view a(argv[i]);
        if (a == "--db") {
            ++i;
            continue;
        }
        if (!a.starts_with('-'))
            return a == "search";
    }
    return false;
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
    return casebook::cli::kFailed;
}

} // namespace

int main(int argc, char* argv[])
{
    if (!runsHere(argc, argv))
        return handOver(argv);
    QCoreApplication app(argc, argv);
    return casebook::cli::run(casebook::cli::searchCommands());
}
