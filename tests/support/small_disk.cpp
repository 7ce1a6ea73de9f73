#include "support/small_disk.h"

#include <QFile>
#include <QProcess>

#include <catch2/catch.hpp>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace casebook::test {
namespace {

const char* kFiller = ".filler"; // what fill() writes; free() removes it

int runQuiet(const QString& program, const QStringList& args, QString* err = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(30000))
        return -1;
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

SmallDisk::SmallDisk(qint64 bytes, Fallback fallback)
{
    REQUIRE(m_dir.isValid());
    m_mounted = runQuiet(QStringLiteral("mount"),
                         {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                          QStringLiteral("size=%1").arg(bytes), QStringLiteral("tmpfs"), m_dir.path()},
                         &m_mountError) == 0;
    if (m_mounted || fallback == Fallback::None)
        return;
    WARN("tmpfs not available (" << m_mountError.toStdString() << "): limiting file size instead");
    REQUIRE(getrlimit(RLIMIT_FSIZE, &m_saved) == 0);
    m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = m_saved;
    small.rlim_cur = static_cast<rlim_t>(bytes);
    REQUIRE(setrlimit(RLIMIT_FSIZE, &small) == 0);
    m_limited = true;
}

SmallDisk::~SmallDisk()
{
    release();
    if (m_mounted)
        runQuiet(QStringLiteral("umount"), {QStringLiteral("-l"), m_dir.path()});
}

void SmallDisk::release()
{
    if (m_limited) {
        setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_oldHandler);
        m_limited = false;
    }
}

void SmallDisk::fill()
{
    REQUIRE(m_mounted);
    const QByteArray path = QFile::encodeName(filePath(QString::fromLatin1(kFiller)));
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    REQUIRE(fd >= 0);
    // Large blocks first, then single bytes for the last page's remainder: until the file system says no.
    static const QByteArray block(64 * 1024, '\0');
    for (qsizetype size : {block.size(), qsizetype(4096), qsizetype(1)}) {
        for (;;) {
            const ssize_t n = ::write(fd, block.constData(), static_cast<size_t>(size));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                CHECK(errno == ENOSPC);
                break;
            }
        }
    }
    ::close(fd);
}

void SmallDisk::free()
{
    QFile::remove(filePath(QString::fromLatin1(kFiller)));
}

} // namespace casebook::test
