#pragma once

#include <QDateTime>
#include <QString>
#include <optional>

namespace casebook {

// What a file says about itself, read cheaply from its headers; never the whole file.
namespace media_metadata {

// EXIF DateTimeOriginal (through exiv2), in UTC. The camera writes local time without a zone: the offset
// comes from OffsetTimeOriginal when present, otherwise this computer's zone is assumed (the seller's camera
// and computer usually share one). Null when the file has no such tag or is not an image exiv2 reads.
QDateTime capturedAt(const QString& path);

// The duration in milliseconds of an MP4/QuickTime video, from its `mvhd` box (box headers only, so it is
// cheap on multi-GB files). Nothing for other formats (Matroska, AVI): those show their size only.
std::optional<qint64> videoDurationMs(const QString& path);

} // namespace media_metadata
} // namespace casebook
