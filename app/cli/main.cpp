// casebook-cli-full: the headless face of Casebook with every command. casebook-cli (search_main.cpp)
// runs the searches itself and hands everything else to this program.
#include "cli/cli.h"
#include "demo/demo_inbox.h"
#include "runtime_dir.h"

#include <QGuiApplication>
#include <memory>
#include <string_view>

using namespace casebook;
using namespace casebook::cli;

namespace casebook::cli {

Result<QString> databasePath(const QString& dbOption, bool demo, const Clock& clock)
{
    return chooseDatabasePath(dbOption, demo, clock);
}

} // namespace casebook::cli

namespace {

// Starting a QGuiApplication (platform plugin, fonts) is most of a one-shot command's start-up, and only
// the case file's PDF and evidence previews need one. The commands known to do without get a
// QCoreApplication: the first word that is not an option (or the --db file) names the command.
bool needsGui(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view a(argv[i]);
        if (a == "--demo")
            return true; // the demo inbox is made with its previews
        if (a == "--db") {
            ++i;
            continue;
        }
        if (a.starts_with('-'))
            continue;
        // verify reads the PDF back with Qt PDF, which needs no platform plugin.
        return a != "search" && a != "import" && a != "quarantine" && a != "verify" && a != "key" &&
               a != "report" && a != "order";
    }
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    ensureRuntimeDir(); // before Qt looks for it: no warning on stderr under cron or a service
    std::unique_ptr<QCoreApplication> app;
    if (needsGui(argc, argv)) {
        // Fonts for the case file's PDF, on the offscreen platform: no display needed.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QList<Command> commands = ticketCommands();
    commands += evidenceCommands();
    commands += templateCommands();
    commands += searchCommands();
    commands += importCommands();
    commands += settingsCommands();
    commands += triageCommands();
    commands += accountCommands();
    commands += replyCommands();
    commands += marketplaceCommands();
    commands += keyCommands();
    commands += reportCommands();

    return run(commands);
}
