#pragma once

#include <QImage>
#include <QSize>
#include <QString>
#include <optional>

namespace casebook {

// What the evidence pane and the case file's PDF show for an evidence file.
struct EvidencePreview {
    QImage image;                     // a thumbnail, or a drawn icon for videos and other files
    bool isIcon = false;              // true when `image` is an icon, not the content
    std::optional<qint64> durationMs; // videos, when cheaply known (MP4/QuickTime)
};

// Images are decoded at thumbnail size (QImageReader, EXIF orientation applied), PDFs show their first page
// (Qt PDF), videos an icon beside their duration. The icons are drawn without text, so no font is needed:
// callers print size and duration beside them.
EvidencePreview evidencePreview(const QString& path, const QString& mediaType, QSize box = QSize(160, 160));

} // namespace casebook
