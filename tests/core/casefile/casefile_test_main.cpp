// The case file's PDF needs fonts, so these tests run under a QGuiApplication on the offscreen platform.
#define CATCH_CONFIG_RUNNER
#include <QGuiApplication>
#include <QStandardPaths>
#include <catch2/catch.hpp>

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("CasebookTests"));
    QGuiApplication::setApplicationName(QStringLiteral("casebook-tests"));
    return Catch::Session().run(argc, argv);
}
