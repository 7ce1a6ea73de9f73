#pragma once

#include <QString>
#include <QTemporaryDir>

#include <sys/resource.h>

namespace casebook::test {

// A folder on a file system of its own, `bytes` large: a tmpfs, where this process may mount one (root, as
// the tests run in CI). Writes past its size fail with ENOSPC, as on a full disk, for this process and for
// the programs it starts. Where no tmpfs can be mounted, `fallback` decides: FileSizeLimit sets the same
// limit as RLIMIT_FSIZE on this process for as long as the object lives (writes then fail with EFBIG
// instead of ENOSPC, SIGXFSZ ignored); None leaves mounted() false for the test to say it was skipped.
class SmallDisk {
public:
    enum class Fallback { None, FileSizeLimit };
    explicit SmallDisk(qint64 bytes, Fallback fallback = Fallback::None);
    ~SmallDisk();
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;

    // Lifts a file-size limit (a tmpfs stays mounted, so its contents can still be listed).
    void release();
    QString path() const { return m_dir.path(); }
    QString filePath(const QString& name) const { return m_dir.filePath(name); }
    bool mounted() const { return m_mounted; }
    QString mountError() const { return m_mountError; }

    // Takes every free byte with a file of its own, so that the next write anywhere on this disk fails.
    void fill();
    // Gives back what fill() took: the disk has room again.
    void free();

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
    bool m_limited = false;
    QString m_mountError;
    rlimit m_saved{};
    void (*m_oldHandler)(int) = nullptr;
};

} // namespace casebook::test
