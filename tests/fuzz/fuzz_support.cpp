#include "fuzz_support.h"

#include <QDir>
#include <QGuiApplication>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <memory>

namespace casebook::fuzz {

void ensureApplication(int* argc, char*** argv)
{
    static std::unique_ptr<QGuiApplication> app;
    if (app)
        return;
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // Settings and caches of a fuzz run never touch the user's own.
    QStandardPaths::setTestModeEnabled(true);
    app = std::make_unique<QGuiApplication>(*argc, *argv);
}

QString scratchDir()
{
    static std::unique_ptr<QTemporaryDir> dir;
    if (!dir) {
        const QString base = QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm")
                                                                        : QDir::tempPath();
        dir = std::make_unique<QTemporaryDir>(base + QStringLiteral("/casebook-fuzz-XXXXXX"));
    }
    return dir->path();
}

} // namespace casebook::fuzz
