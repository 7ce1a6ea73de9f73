// casebook: the desktop app. Parses arguments, opens the database, shows the main window.
#include "accounts/secret_store.h"
#include "demo/demo_inbox.h"
#include "main_window.h"
#include "runtime_dir.h"
#include "desktop_shell.h"
#include "store/database.h"
#include "store/ticket_lookup.h"
#include "ui_language.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
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

// --lang wins for this run (screenshots, support), else the Settings choice, else the system's language.
QString chosenLanguage(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg.startsWith(QLatin1String("--lang=")))
            return ui::UiLanguage::resolve(arg.mid(7));
        if (arg == QLatin1String("--lang") && i + 1 < argc)
            return ui::UiLanguage::resolve(QString::fromLocal8Bit(argv[i + 1]));
    }
    return ui::UiLanguage::resolve(ui::UiLanguage::preference());
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
    ensureRuntimeDir(); // before Qt looks for it: no warning on stderr where XDG_RUNTIME_DIR is unset
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Casebook"));
    QApplication::setApplicationName(QStringLiteral("casebook"));
    QApplication::setApplicationDisplayName(QStringLiteral("Casebook"));
    QApplication::setApplicationVersion(QStringLiteral(CASEBOOK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.casebook.Casebook"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/io.github.casebook.Casebook.svg")));
    ui::UiLanguage::install(chosenLanguage(argc, argv));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Casebook, the customer-service inbox for small online sellers."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QCoreApplication::translate("main", "The database file (default: $CASEBOOK_DB, or casebook.sqlite "
                                            "in the app data folder)."),
        QStringLiteral("FILE"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QCoreApplication::translate("main", "Open the demo inbox."));
    const QCommandLineOption shotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save a picture of the window to FILE and quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("main", "The window's language for this run: en, ko or system (default: "
                                            "as set in Settings)."),
        QStringLiteral("LANGUAGE"));
    const QCommandLineOption ticketOption(
        QStringLiteral("ticket"),
        QCoreApplication::translate("main", "Open with this ticket selected (its number, e.g. 1001)."),
        QStringLiteral("NUMBER"));
    parser.addOptions({dbOption, demoOption, shotOption, langOption, ticketOption});
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
    // The quick_check runs in the window once the list is painted (ui::IntegrityCheck), not before it.
    auto db = Database::open(path.value(), clock, {.quickCheck = false});
    if (!db)
        return refuse(db.error().message);
    const QString title = demo ? QCoreApplication::translate("main", "Demo inbox") : path.value();

    // The one secret store of the app: the window hands it to everything that reads or keeps a secret.
    auto secrets = std::make_shared<KeychainSecretStore>();
    ui::MainWindow window(**db, clock, title, secrets);
    window.show();
    if (parser.isSet(ticketOption)) {
        const auto id = ticket_lookup::byNumber((*db)->reader(), parser.value(ticketOption).toInt());
        if (!id)
            return refuse(QCoreApplication::translate("main", "There is no ticket #%1.")
                              .arg(parser.value(ticketOption)));
        window.shell()->showTicket(*id);
    }
    if (parser.isSet(shotOption)) {
        const QString shot = parser.value(shotOption);
        QTimer::singleShot(300, &window, [&window, shot] {
            const bool saved = window.grab().save(shot);
            if (saved)
                std::fprintf(stdout, "%s\n", qPrintable(shot));
            else
                std::fprintf(stderr, "casebook: %s\n",
                             qPrintable(QCoreApplication::translate("main", "could not save %1").arg(shot)));
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
