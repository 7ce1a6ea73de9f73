#include "read_only_copy.h"

#include "evidence/safe_file_name.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QUrl>

namespace casebook::ui {

Result<QString> readOnlyCopy(const QString& name,
                             const std::function<Result<void>(const QString& path)>& write)
{
    // One folder per session, removed when the app quits; one sub-folder per copy, so two attachments
    // called "photo.jpg" never overwrite each other.
    static QTemporaryDir session(QDir::tempPath() + QStringLiteral("/casebook-view-XXXXXX"));
    static int counter = 0;
    if (!session.isValid())
        return makeError(QCoreApplication::translate("casebook::ui::ReadOnlyCopy",
                                                     "Could not create a temporary folder: %1")
                             .arg(session.errorString()));
    const QString dir = session.filePath(QString::number(++counter));
    QDir().mkpath(dir);
    const QString path = dir + QLatin1Char('/') + safeFileName(name);
    if (auto written = write(path); !written)
        return written.error();
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    return path;
}

Result<void> openReadOnlyCopy(const QString& name,
                              const std::function<Result<void>(const QString& path)>& write)
{
    auto copy = readOnlyCopy(name, write);
    if (!copy)
        return copy.error();
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(copy.value())))
        return makeError(
            QCoreApplication::translate("casebook::ui::ReadOnlyCopy", "No application is set up to open %1.")
                .arg(copy.value()));
    return {};
}

} // namespace casebook::ui
