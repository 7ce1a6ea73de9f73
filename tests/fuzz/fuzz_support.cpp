#include "fuzz_support.h"

#include <QGuiApplication>
#include <QStandardPaths>

#include <cstdlib>
#include <filesystem>
#include <stdlib.h>

namespace casebook::fuzz {

void ensureApplication(int* argc, char*** argv)
{
    // Never destroyed: at exit, Qt's own globals may go first, and a QGuiApplication destroyed after them
    // crashes (it did, after every run).
    static QGuiApplication* app = nullptr;
    if (app)
        return;
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // Settings and caches of a fuzz run never touch the user's own.
    QStandardPaths::setTestModeEnabled(true);
    app = new QGuiApplication(*argc, *argv);
}

QString scratchDir()
{
    static std::string dir;
    if (dir.empty()) {
        std::string pattern = (std::filesystem::exists("/dev/shm") ? std::string("/dev/shm")
                                                                    : std::filesystem::temp_directory_path().string()) +
                              "/casebook-fuzz-XXXXXX";
        if (!mkdtemp(pattern.data()))
            std::abort();
        dir = pattern;
        // Removed without Qt, which may be gone by then.
        std::atexit([] { std::filesystem::remove_all(dir); });
    }
    return QString::fromStdString(dir);
}

} // namespace casebook::fuzz
