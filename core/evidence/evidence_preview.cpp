#include "evidence/evidence_preview.h"

#include "evidence/media_metadata.h"

#include <QImageReader>
#include <QPainter>
#include <QPainterPath>
#include <QPdfDocument>

namespace casebook {
namespace {

QImage imageThumbnail(const QString& path, QSize box)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize full = reader.size();
    // Only ever smaller: a photo asked for at page size keeps the pixels it has.
    if (full.isValid() && (full.width() > box.width() || full.height() > box.height()))
        reader.setScaledSize(full.scaled(box, Qt::KeepAspectRatio).expandedTo(QSize(1, 1)));
    QImage image = reader.read();
    if (!image.isNull() && (image.width() > box.width() || image.height() > box.height()))
        image = image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

QImage pdfThumbnail(const QString& path, QSize box)
{
    QPdfDocument doc;
    if (doc.load(path) != QPdfDocument::Error::None || doc.pageCount() < 1)
        return {};
    const QSizeF page = doc.pagePointSize(0);
    if (page.isEmpty())
        return {};
    QImage image = doc.render(0, page.scaled(box, Qt::KeepAspectRatio).toSize().expandedTo(QSize(1, 1)));
    if (image.isNull())
        return {};
    // Pages are transparent where nothing is drawn; a thumbnail reads as paper.
    QImage paper(image.size(), QImage::Format_RGB32);
    paper.fill(Qt::white);
    QPainter(&paper).drawImage(0, 0, image);
    return paper;
}

QImage icon(QSize box, bool video)
{
    QImage image(box, QImage::Format_RGB32);
    image.fill(QColor(0xf2, 0xf2, 0xf2));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r =
        QRectF(QPointF(0, 0), QSizeF(box))
            .adjusted(box.width() * 0.15, box.height() * 0.2, -box.width() * 0.15, -box.height() * 0.2);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x55, 0x5b, 0x66));
    p.drawRoundedRect(r, 6, 6);
    if (video) {
        // Film perforations and a play triangle.
        p.setBrush(QColor(0xf2, 0xf2, 0xf2));
        const qreal hole = r.height() / 10;
        for (qreal x = r.left() + hole; x + hole < r.right(); x += hole * 2) {
            p.drawRect(QRectF(x, r.top() + hole * 0.5, hole, hole));
            p.drawRect(QRectF(x, r.bottom() - hole * 1.5, hole, hole));
        }
        QPainterPath play;
        const QPointF c = r.center();
        const qreal s = r.height() / 4;
        play.moveTo(c.x() - s * 0.8, c.y() - s);
        play.lineTo(c.x() + s, c.y());
        play.lineTo(c.x() - s * 0.8, c.y() + s);
        play.closeSubpath();
        p.drawPath(play);
    } else {
        p.setBrush(QColor(0xf2, 0xf2, 0xf2));
        for (int i = 1; i <= 3; ++i)
            p.drawRect(QRectF(r.left() + r.width() * 0.2, r.top() + r.height() * i / 4.5, r.width() * 0.6,
                              r.height() / 14));
    }
    return image;
}

} // namespace

EvidencePreview evidencePreview(const QString& path, const QString& mediaType, QSize box)
{
    EvidencePreview out;
    if (mediaType.startsWith(QLatin1String("image/")))
        out.image = imageThumbnail(path, box);
    else if (mediaType == QLatin1String("application/pdf"))
        out.image = pdfThumbnail(path, box);
    const bool video = mediaType.startsWith(QLatin1String("video/"));
    if (video)
        out.durationMs = media_metadata::videoDurationMs(path);
    if (out.image.isNull()) {
        out.image = icon(box, video);
        out.isIcon = true;
    }
    return out;
}

} // namespace casebook
