#include "casefile/export_target.h"

#include "model/regular_file.h"

#include <QFile>
#include <QFileInfo>
#include <QUuid>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>

namespace casebook::export_target {
namespace {

bool inside(const QString& folder, const QString& protectedFolder)
{
    return !protectedFolder.isEmpty() &&
           (folder == protectedFolder || folder.startsWith(protectedFolder + QLatin1Char('/')));
}

// The existing target, if any, may only be a regular file; `exists` says whether there is one.
Result<void> checkExisting(const QString& target, bool& exists)
{
    struct stat st {};
    exists = ::lstat(QFile::encodeName(target).constData(), &st) == 0;
    if (!exists)
        return {};
    if (!S_ISREG(st.st_mode))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("%1 is %2; a case file is only written as a regular file.")
                             .arg(target, regular_file::kindOf(st.st_mode)));
    return {};
}

} // namespace

Result<QString> check(const QString& outPath, const QString& databasePath, const QString& lockerDir,
                      bool replaceExisting)
{
    if (outPath.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("No file name was given for the case file."));
    const QString target = QFileInfo(outPath).absoluteFilePath();
    const QString folder = QFileInfo(QFileInfo(target).absolutePath()).canonicalFilePath();
    if (folder.isEmpty())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("The folder %1 does not exist.").arg(QFileInfo(target).absolutePath()));
    const QString dbFolder = QFileInfo(QFileInfo(databasePath).absolutePath()).canonicalFilePath();
    const QString locker = QFileInfo(lockerDir).canonicalFilePath();
    if (folder == dbFolder || inside(folder, locker))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("%1 is in the folder of the database or of its evidence locker; a case "
                                        "file is never written there (it could replace the database or a "
                                        "stored original). Choose another folder.")
                             .arg(target));
    bool exists = false;
    if (auto ok = checkExisting(target, exists); !ok)
        return ok.error();
    if (exists && !replaceExisting)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("%1 already exists; it is replaced only when you say so (--force).")
                             .arg(target));
    return target;
}

QString partialNameFor(const QString& target)
{
    return target + QStringLiteral(".partial-") +
           QUuid::createUuid().toString(QUuid::Id128).left(12);
}

Result<void> moveIntoPlace(const QString& partial, const QString& target, bool replaceExisting)
{
    const QByteArray from = QFile::encodeName(partial);
    const QByteArray to = QFile::encodeName(target);
    bool exists = false;
    if (auto ok = checkExisting(target, exists); !ok)
        return ok.error();
    if (replaceExisting) {
        if (::rename(from.constData(), to.constData()) == 0)
            return {};
    } else {
        if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE) == 0)
            return {};
        if (errno == EEXIST)
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("%1 appeared while the case file was written; it was left as it "
                                            "is.")
                                 .arg(target));
        // File systems without RENAME_NOREPLACE (some network and FAT mounts): the check above is the
        // best that remains.
        if ((errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP) && !exists &&
            ::rename(from.constData(), to.constData()) == 0)
            return {};
    }
    return makeError(ErrorCode::Io,
                     QStringLiteral("Could not move the finished case file to %1: %2")
                         .arg(target, QString::fromLocal8Bit(std::strerror(errno))));
}

} // namespace casebook::export_target
