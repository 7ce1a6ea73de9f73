#include "model/regular_file.h"

#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace casebook::regular_file {

QString kindOf(unsigned int mode)
{
    if (S_ISLNK(mode))
        return QStringLiteral("a symbolic link");
    if (S_ISDIR(mode))
        return QStringLiteral("a folder");
    if (S_ISFIFO(mode))
        return QStringLiteral("a pipe (FIFO)");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return QStringLiteral("a device");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    return QStringLiteral("not a regular file");
}

Result<int> open(const QString& path, bool followLinks)
{
    const QByteArray name = QFile::encodeName(path);
    const int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (followLinks ? 0 : O_NOFOLLOW);
    const int fd = ::open(name.constData(), flags);
    if (fd < 0) {
        const int err = errno;
        if (err == ENOENT)
            return makeError(ErrorCode::NotFound, QStringLiteral("%1 does not exist").arg(path));
        if (err == ELOOP && !followLinks)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("%1 is a symbolic link, not a regular file").arg(path));
        return makeError(ErrorCode::Io, QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(std::strerror(err))));
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const QString kind = kindOf(st.st_mode);
        ::close(fd);
        return makeError(ErrorCode::InvalidInput, QStringLiteral("%1 is %2, not a regular file").arg(path, kind));
    }
    // Reads of a regular file do not block anyway; the flag was only for the open.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}

Result<QByteArray> readAll(const QString& path, bool followLinks, qint64 maxBytes)
{
    auto opened = open(path, followLinks);
    if (!opened)
        return opened.error();
    QFile f;
    if (!f.open(opened.value(), QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(opened.value());
        return makeError(ErrorCode::Io, QStringLiteral("%1: %2").arg(path, f.errorString()));
    }
    if (f.size() > maxBytes)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("%1 is larger than %2 MB").arg(path).arg(maxBytes >> 20));
    QByteArray bytes = f.readAll();
    if (f.error() != QFileDevice::NoError)
        return makeError(ErrorCode::Io, QStringLiteral("%1: %2").arg(path, f.errorString()));
    if (bytes.size() > maxBytes) // grew while being read
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("%1 is larger than %2 MB").arg(path).arg(maxBytes >> 20));
    return bytes;
}

} // namespace casebook::regular_file
