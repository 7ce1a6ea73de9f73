// One main for every Catch2 test executable: a Qt application object first (QApplication for the UI tests,
// offscreen), so Qt's machinery is there as in the programs.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QStandardPaths>

#ifdef CASEBOOK_TEST_WIDGETS
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

int main(int argc, char* argv[])
{
#ifdef CASEBOOK_TEST_WIDGETS
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    // Settings, caches and data of tests never touch the user's own.
    QStandardPaths::setTestModeEnabled(true);
    TestApplication app(argc, argv);
    TestApplication::setOrganizationName(QStringLiteral("CasebookTests"));
    TestApplication::setApplicationName(QStringLiteral("casebook-tests"));
    return Catch::Session().run(argc, argv);
}
