#include "evidence/media_metadata.h"

#include <QFile>
#include <QTimeZone>
#include <QtEndian>
#include <exiv2/exiv2.hpp>
#include <mutex>

namespace casebook::media_metadata {
namespace {

void initExiv2()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
        Exiv2::XmpParser::initialize(); // not thread-safe on first use otherwise
        Exiv2::enableBMFF(true);        // HEIC/AVIF: what phones take photos in
    });
}

QString exifText(const Exiv2::ExifData& exif, const char* key)
{
    const auto it = exif.findKey(Exiv2::ExifKey(key));
    if (it == exif.end())
        return {};
    return QString::fromStdString(it->toString()).trimmed();
}

quint64 readBig(QFile& f, int bytes, bool* ok)
{
    const QByteArray b = f.read(bytes);
    *ok = b.size() == bytes;
    if (!*ok)
        return 0;
    return bytes == 4 ? qFromBigEndian<quint32>(b.constData()) : qFromBigEndian<quint64>(b.constData());
}

// Walks ISO BMFF boxes from `start` to `end` looking for `type`; returns the payload's [offset, end).
std::optional<std::pair<qint64, qint64>> findBox(QFile& f, qint64 start, qint64 end, const QByteArray& type)
{
    qint64 pos = start;
    for (int guard = 0; pos + 8 <= end && guard < 10000; ++guard) {
        if (!f.seek(pos))
            return std::nullopt;
        bool ok = false;
        quint64 size = readBig(f, 4, &ok);
        const QByteArray name = f.read(4);
        if (!ok || name.size() != 4)
            return std::nullopt;
        qint64 header = 8;
        if (size == 1) {
            size = readBig(f, 8, &ok);
            header = 16;
            if (!ok)
                return std::nullopt;
        } else if (size == 0) {
            size = static_cast<quint64>(end - pos);
        }
        if (size < static_cast<quint64>(header) || size > static_cast<quint64>(end - pos))
            return std::nullopt;
        if (name == type)
            return std::make_pair(pos + header, pos + static_cast<qint64>(size));
        pos += static_cast<qint64>(size);
    }
    return std::nullopt;
}

} // namespace

QDateTime capturedAt(const QString& path)
{
    initExiv2();
    try {
        auto image = Exiv2::ImageFactory::open(QFile::encodeName(path).toStdString());
        if (!image.get())
            return {};
        image->readMetadata();
        const Exiv2::ExifData& exif = image->exifData();
        const QString when = exifText(exif, "Exif.Photo.DateTimeOriginal");
        const QDateTime local = QDateTime::fromString(when.left(19), QStringLiteral("yyyy:MM:dd HH:mm:ss"));
        if (!local.isValid())
            return {};
        const QString offset = exifText(exif, "Exif.Photo.OffsetTimeOriginal");
        const QDateTime zoned = QDateTime::fromString(
            local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + offset, Qt::ISODate);
        if (!offset.isEmpty() && zoned.isValid())
            return zoned.toUTC();
        return QDateTime(local.date(), local.time(), QTimeZone::systemTimeZone()).toUTC();
    } catch (const std::exception&) {
        return {};
    }
}

std::optional<qint64> videoDurationMs(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const auto moov = findBox(f, 0, f.size(), "moov");
    if (!moov)
        return std::nullopt;
    const auto mvhd = findBox(f, moov->first, moov->second, "mvhd");
    if (!mvhd || !f.seek(mvhd->first))
        return std::nullopt;
    const QByteArray versionFlags = f.read(4);
    if (versionFlags.size() != 4)
        return std::nullopt;
    const bool wide = versionFlags.at(0) == 1;
    bool ok = false;
    f.read(wide ? 16 : 8); // creation and modification times
    const quint64 timescale = readBig(f, 4, &ok);
    if (!ok || timescale == 0)
        return std::nullopt;
    const quint64 duration = readBig(f, wide ? 8 : 4, &ok);
    if (!ok || duration == 0 || duration == (wide ? ~0ULL : 0xFFFFFFFFULL))
        return std::nullopt;
    return static_cast<qint64>(duration * 1000 / timescale);
}

} // namespace casebook::media_metadata
