// casebook: the desktop app. Parses arguments, opens the database, shows the main window.
#include "demo/demo_inbox.h"
#include "main_window.h"
#include "store/database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

using namespace casebook;

namespace {

// Without a display QApplication aborts; say how to run instead.
bool haveDisplay()
{
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (!platform.isEmpty())
        return true;
    return !qgetenv("DISPLAY").isEmpty() || !qgetenv("WAYLAND_DISPLAY").isEmpty();
}

} // namespace

int main(int argc, char* argv[])
{
    if (!haveDisplay()) {
        std::fprintf(stderr, "casebook: there is no display to open a window on.\n"
                             "  Run it under a virtual display:  xvfb-run -a casebook --demo\n"
                             "  or without any window system:    QT_QPA_PLATFORM=offscreen casebook --demo "
                             "--screenshot shot.png\n");
        return 1;
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Casebook"));
    QApplication::setApplicationName(QStringLiteral("casebook"));
    QApplication::setApplicationDisplayName(QStringLiteral("Casebook"));
    QApplication::setApplicationVersion(QStringLiteral(CASEBOOK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.casebook.Casebook"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Casebook, the customer-service inbox for small online sellers."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QStringLiteral("The database file (default: $CASEBOOK_DB, or casebook.sqlite "
                                                     "in the app data folder)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption demoOption(QStringLiteral("demo"), QStringLiteral("Open the demo inbox."));
    const QCommandLineOption shotOption(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a picture of the window to FILE and quit."),
                                        QStringLiteral("FILE"));
    parser.addOptions({dbOption, demoOption, shotOption});
    parser.process(app);

    SystemClock clock;
    auto refuse = [](const QString& message) {
        std::fprintf(stderr, "casebook: %s\n", qPrintable(message));
        QMessageBox::critical(nullptr, QStringLiteral("Casebook"), message);
        return 1;
    };
    const bool demo = parser.isSet(demoOption);
    auto path = chooseDatabasePath(parser.value(dbOption), demo, clock);
    if (!path)
        return refuse(path.error().message);
    auto db = Database::open(path.value(), clock);
    if (!db)
        return refuse(db.error().message);
    const QString title = demo ? QApplication::translate("main", "Demo inbox") : path.value();

    ui::MainWindow window(**db, clock, title);
    window.show();
    if (parser.isSet(shotOption)) {
        const QString shot = parser.value(shotOption);
        QTimer::singleShot(300, &window, [&window, shot] {
            const bool saved = window.grab().save(shot);
            std::fprintf(saved ? stdout : stderr, saved ? "%s\n" : "casebook: could not save %s\n", qPrintable(shot));
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
