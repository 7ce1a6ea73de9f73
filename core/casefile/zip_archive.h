#pragma once

#include "evidence/progress.h"
#include "model/result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <memory>

struct zip;

namespace casebook {

// A thin owner of a libzip archive: writing a new one from files on disk (read at close, so memory stays
// bounded), or reading one entry by entry. Entry names are UTF-8 and always given by Casebook.
class ZipArchive {
public:
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    // A new archive at `path` (replacing any file there only when close() succeeds: libzip writes a
    // temporary file beside it and renames it).
    static Result<std::unique_ptr<ZipArchive>> create(const QString& path);
    static Result<std::unique_ptr<ZipArchive>> openReadOnly(const QString& path);

    // Adds the file at `source` under `entryName`; stored (not deflated) when `compress` is false.
    Result<void> addFile(const QString& entryName, const QString& source, const QDateTime& mtime,
                         bool compress);
    // Writes everything; `progress` gets per-mille of the work and may cancel (the target is then untouched).
    // A failure's message is libzip's reason ("Write error: No space left on device", "cancelled").
    Result<void> close(const Progress& progress = {});

    QStringList entryNames() const;
    // True when the entry is stored as a Unix symbolic link: unzip would make a link (to a path named by
    // the entry's bytes), not the file whose hash was checked.
    bool isSymbolicLink(const QString& entryName) const;
    struct Digest {
        QString sha256;
        qint64 size = 0;
    };
    // Streams one entry through SHA-256; fails when the entry cannot be read (damaged data fails its CRC).
    Result<Digest> hashEntry(const QString& entryName, const Progress& progress = {}) const;
    // Reads a small entry whole (manifest, sums); fails beyond `maxBytes`.
    Result<QByteArray> readEntry(const QString& entryName, qint64 maxBytes) const;

private:
    explicit ZipArchive(zip* archive, QString path);
    QString error() const;

    zip* m_zip = nullptr;
    QString m_path;
    const Progress* m_progress = nullptr;
    bool m_cancelled = false;
};

} // namespace casebook
