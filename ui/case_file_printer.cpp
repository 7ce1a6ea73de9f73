#include "case_file_printer.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QPdfDocument>
#include <QPrinter>

namespace casebook::ui {

Result<int> printCaseReport(const QByteArray& pdf, QPrinter& printer)
{
    QByteArray bytes = pdf; // QPdfDocument reads from a device it does not own
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument document;
    document.load(&buffer);
    if (document.status() != QPdfDocument::Status::Ready || document.pageCount() <= 0)
        return makeError(ErrorCode::Damaged, QStringLiteral("the case file's report is not a readable PDF"));
    QPainter painter;
    if (!painter.begin(&printer))
        return makeError(ErrorCode::Io, QStringLiteral("the printer could not be started"));
    const QRect area = painter.viewport();
    for (int page = 0; page < document.pageCount(); ++page) {
        if (page > 0 && !printer.newPage()) {
            painter.end();
            return makeError(ErrorCode::Io, QStringLiteral("the printer refused page %1").arg(page + 1));
        }
        // The page's size in points, scaled to fit the printable area at the printer's resolution.
        const QSizeF points = document.pagePointSize(page);
        const QSize fitted = points.scaled(QSizeF(area.size()), Qt::KeepAspectRatio).toSize();
        const QImage image = document.render(page, fitted);
        if (image.isNull()) {
            painter.end();
            return makeError(ErrorCode::Damaged, QStringLiteral("page %1 of the report could not be drawn").arg(page + 1));
        }
        painter.drawImage(QPoint(area.x() + (area.width() - fitted.width()) / 2, area.y()), image);
    }
    painter.end();
    return document.pageCount();
}

} // namespace casebook::ui
