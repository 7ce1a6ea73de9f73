#include "casefile/zip_archive.h"

#include <QCryptographicHash>
#include <QFile>
#include <sys/stat.h>
#include <zip.h>

namespace casebook {
namespace {

constexpr qint64 kChunk = 1 << 20;

QString zipErrorText(int code)
{
    zip_error_t e;
    zip_error_init_with_code(&e, code);
    const QString text = QString::fromUtf8(zip_error_strerror(&e));
    zip_error_fini(&e);
    return text;
}

} // namespace

ZipArchive::ZipArchive(zip* archive, QString path) : m_zip(archive), m_path(std::move(path)) {}

ZipArchive::~ZipArchive()
{
    if (m_zip)
        zip_discard(m_zip); // never writes: an archive not closed on purpose leaves no file
}

QString ZipArchive::error() const
{
    return QString::fromUtf8(zip_strerror(m_zip));
}

Result<std::unique_ptr<ZipArchive>> ZipArchive::create(const QString& path)
{
    int code = 0;
    zip* z = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!z)
        return makeError(QStringLiteral("Could not create %1: %2").arg(path, zipErrorText(code)));
    return std::unique_ptr<ZipArchive>(new ZipArchive(z, path));
}

Result<std::unique_ptr<ZipArchive>> ZipArchive::openReadOnly(const QString& path)
{
    int code = 0;
    zip* z = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &code);
    if (!z) {
        // The caller acts on the kind: no such file, not a (whole) ZIP, or the disk.
        const ErrorCode kind = code == ZIP_ER_NOENT                                              ? ErrorCode::NotFound
                               : code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS || code == ZIP_ER_CRC ? ErrorCode::Damaged
                                                                                                     : ErrorCode::Io;
        return makeError(kind, QStringLiteral("Could not open %1 as a ZIP file: %2").arg(path, zipErrorText(code)));
    }
    return std::unique_ptr<ZipArchive>(new ZipArchive(z, path));
}

Result<void> ZipArchive::addFile(const QString& entryName, const QString& source, const QDateTime& mtime,
                                 bool compress)
{
    zip_source_t* src = zip_source_file(m_zip, QFile::encodeName(source).constData(), 0, -1);
    if (!src)
        return makeError(QStringLiteral("Could not read %1 for the case file: %2").arg(source, error()));
    const QByteArray name = entryName.toUtf8();
    const zip_int64_t index = zip_file_add(m_zip, name.constData(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
        zip_source_free(src);
        return makeError(QStringLiteral("Could not add %1 to the case file: %2").arg(entryName, error()));
    }
    zip_set_file_compression(m_zip, static_cast<zip_uint64_t>(index),
                             compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
    zip_file_set_mtime(m_zip, static_cast<zip_uint64_t>(index), static_cast<time_t>(mtime.toSecsSinceEpoch()),
                       0);
    return {};
}

Result<void> ZipArchive::close(const Progress& progress)
{
    m_progress = &progress;
    m_cancelled = false;
    if (progress) {
        zip_register_progress_callback_with_state(
            m_zip, 0.001,
            [](zip_t*, double done, void* self) {
                auto* a = static_cast<ZipArchive*>(self);
                if (!(*a->m_progress)(static_cast<qint64>(done * 1000), 1000))
                    a->m_cancelled = true;
            },
            nullptr, this);
        zip_register_cancel_callback_with_state(
            m_zip, [](zip_t*, void* self) { return static_cast<ZipArchive*>(self)->m_cancelled ? 1 : 0; },
            nullptr, this);
    }
    if (zip_close(m_zip) != 0) {
        // The reason alone: the caller names the file the user asked for (ours may be a temporary name).
        return makeError(m_cancelled ? QStringLiteral("cancelled") : error());
    }
    m_zip = nullptr;
    return {};
}

QStringList ZipArchive::entryNames() const
{
    QStringList names;
    const zip_int64_t n = zip_get_num_entries(m_zip, 0);
    for (zip_int64_t i = 0; i < n; ++i)
        if (const char* name = zip_get_name(m_zip, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS))
            names << QString::fromUtf8(name);
    return names;
}

bool ZipArchive::isSymbolicLink(const QString& entryName) const
{
    const zip_int64_t index = zip_name_locate(m_zip, entryName.toUtf8().constData(), ZIP_FL_ENC_UTF_8);
    zip_uint8_t opsys = 0;
    zip_uint32_t attributes = 0;
    if (index < 0 || zip_file_get_external_attributes(m_zip, static_cast<zip_uint64_t>(index), 0, &opsys,
                                                      &attributes) != 0)
        return false;
    return opsys == ZIP_OPSYS_UNIX && S_ISLNK(attributes >> 16);
}

Result<ZipArchive::Digest> ZipArchive::hashEntry(const QString& entryName, const Progress& progress) const
{
    zip_stat_t st;
    zip_stat_init(&st);
    const QByteArray name = entryName.toUtf8();
    if (zip_stat(m_zip, name.constData(), ZIP_FL_ENC_UTF_8, &st) != 0)
        return makeError(QStringLiteral("%1 is not in the case file").arg(entryName));
    zip_file_t* f = zip_fopen(m_zip, name.constData(), ZIP_FL_ENC_UTF_8);
    if (!f)
        return makeError(QStringLiteral("%1 cannot be read: %2").arg(entryName, error()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(kChunk, Qt::Uninitialized);
    Digest d;
    for (;;) {
        const zip_int64_t n = zip_fread(f, buffer.data(), static_cast<zip_uint64_t>(buffer.size()));
        if (n < 0) {
            const QString why = QString::fromUtf8(zip_file_strerror(f));
            zip_fclose(f);
            return makeError(QStringLiteral("%1 is damaged: %2").arg(entryName, why));
        }
        if (n == 0)
            break;
        hash.addData(QByteArrayView(buffer.constData(), static_cast<qsizetype>(n)));
        d.size += n;
        if (progress && !progress(d.size, static_cast<qint64>(st.size))) {
            zip_fclose(f);
            return makeError(QStringLiteral("Cancelled."));
        }
    }
    zip_fclose(f);
    d.sha256 = QString::fromLatin1(hash.result().toHex());
    return d;
}

Result<QByteArray> ZipArchive::readEntry(const QString& entryName, qint64 maxBytes) const
{
    zip_stat_t st;
    zip_stat_init(&st);
    const QByteArray name = entryName.toUtf8();
    if (zip_stat(m_zip, name.constData(), ZIP_FL_ENC_UTF_8, &st) != 0)
        return makeError(QStringLiteral("%1 is missing from the case file").arg(entryName));
    if (!(st.valid & ZIP_STAT_SIZE) || static_cast<qint64>(st.size) > maxBytes)
        return makeError(QStringLiteral("%1 is larger than a case file ever writes it").arg(entryName));
    zip_file_t* f = zip_fopen(m_zip, name.constData(), ZIP_FL_ENC_UTF_8);
    if (!f)
        return makeError(QStringLiteral("%1 cannot be read: %2").arg(entryName, error()));
    QByteArray data(static_cast<qsizetype>(st.size), Qt::Uninitialized);
    qint64 got = 0;
    while (got < data.size()) {
        const zip_int64_t n = zip_fread(f, data.data() + got, static_cast<zip_uint64_t>(data.size() - got));
        if (n <= 0)
            break;
        got += n;
    }
    // One more read lets libzip check the CRC at the end of the entry.
    char extra = 0;
    const zip_int64_t tail = zip_fread(f, &extra, 1);
    zip_fclose(f);
    if (got != data.size() || tail != 0)
        return makeError(QStringLiteral("%1 is damaged").arg(entryName));
    return data;
}

} // namespace casebook
