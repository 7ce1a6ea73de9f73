#include "report/claims_export.h"

#include "casefile/case_file_labels.h"
#include "casefile/export_target.h"
#include "casefile/pdf_font.h"
#include "report/csv_table.h"
#include "store/app_settings.h"

#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPdfWriter>
#include <QTextDocument>
#include <unistd.h>

namespace casebook::report {
namespace {

// A spreadsheet cell holds up to 32,767 characters; a PDF cell is kept to what a reader takes in.
constexpr qsizetype kCsvText = 32000;
constexpr qsizetype kPdfText = 600;

QString clipped(const QString& s, qsizetype max)
{
    return s.size() <= max ? s : s.left(max - 1) + QChar(0x2026);
}

QString L(const QString& language, const char* english)
{
    return case_file_labels::text(language, english);
}

Result<void> writeCsv(const QList<QStringList>& table, const QString& path)
{
    QFile f(path);
    // New only: the temporary name is fresh, so an existing file here is not ours to write into.
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return makeError(ErrorCode::Io, QStringLiteral("Could not write %1: %2").arg(path, f.errorString()));
    const QByteArray bytes = csvTable(table, true);
    // Synced before the rename gives it its name: a crash leaves the old file or the whole new one.
    if (f.write(bytes) != bytes.size() || !f.flush() || ::fsync(f.handle()) != 0)
        return makeError(ErrorCode::Io, QStringLiteral("Could not write %1 (is the disk full?)").arg(path));
    return {};
}

Result<void> writePdf(const QList<QStringList>& table, const QString& title, const QString& intro,
                      const QString& path)
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return makeError(QStringLiteral("Writing a PDF needs a QGuiApplication (fonts)."));
    {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Landscape);
        writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Casebook " CASEBOOK_VERSION));
        QTextDocument doc;
        doc.setDefaultFont(pdfFont(8));
        QString html =
            QStringLiteral("<html><body><h2>%1</h2><p>%2</p>"
                           "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\" "
                           "style=\"border-collapse:collapse; border-color:#999\">")
                .arg(title.toHtmlEscaped(),
                     intro.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
        // Widths in percent: the two texts take most of the page.
        static const int kWidths[] = {8, 7, 12, 8, 31, 28, 6};
        for (int r = 0; r < table.size(); ++r) {
            html += QStringLiteral("<tr>");
            for (int c = 0; c < table[r].size(); ++c) {
                const QString cell = clipped(table[r][c], kPdfText)
                                         .toHtmlEscaped()
                                         .replace(QLatin1Char('\n'), QStringLiteral("<br>"));
                html += r == 0
                            ? QStringLiteral("<th width=\"%1%\" bgcolor=\"#eeeeee\" align=\"left\">%2</th>")
                                  .arg(kWidths[c % 7])
                                  .arg(cell)
                            : QStringLiteral("<td valign=\"top\">%1</td>").arg(cell);
            }
            html += QStringLiteral("</tr>");
        }
        doc.setHtml(html + QStringLiteral("</table></body></html>"));
        doc.print(&writer);
    }
    // QPdfWriter reports no errors; an empty or missing file is the sign that the disk said no.
    if (QFileInfo(path).size() <= 0)
        return makeError(ErrorCode::Io,
                         QStringLiteral("Could not write the PDF %1 (is the disk full?)").arg(path));
    return {};
}

} // namespace

QList<QStringList> claimsTable(const QList<ClaimRow>& rows, const QTimeZone& zone, const QString& language)
{
    QList<QStringList> table{{L(language, "Date"), L(language, "Channel"), L(language, "Order number"),
                              L(language, "Category"), L(language, "What was claimed"),
                              L(language, "What the seller did"), L(language, "Evidence files")}};
    for (const ClaimRow& r : rows) {
        const QString status = case_file_labels::status(language, r.status);
        const QString did = r.sellerAnswer.isEmpty()
                                ? QStringLiteral("%1 (%2)").arg(status, L(language, "no answer yet"))
                                : QStringLiteral("%1: %2").arg(status, clipped(r.sellerAnswer, kCsvText));
        table << QStringList{r.createdAt.toTimeZone(zone).date().toString(Qt::ISODate),
                             L(language, channelInfo(r.channel).label),
                             r.orderNumbers.join(QStringLiteral(", ")),
                             case_file_labels::category(language, r.category),
                             clipped(r.claimed, kCsvText),
                             did,
                             QString::number(r.evidence)};
    }
    return table;
}

Result<ClaimsExport> exportClaims(Database& db, const Period& period, ClaimsFormat format,
                                  const QString& outPath, const QString& language, bool replaceExisting)
{
    auto checked = export_target::check(outPath, db.path(), db.lockerDir(), replaceExisting);
    if (!checked)
        return checked.error();
    const QString target = checked.value();
    const QList<ClaimRow> rows = claimRows(db.reader(), period);
    const QList<QStringList> table = claimsTable(rows, period.zone, language);
    const QString partial = export_target::partialNameFor(target);
    Result<void> written;
    if (format == ClaimsFormat::Csv) {
        written = writeCsv(table, partial);
    } else {
        const QString title = L(language, "Claims from %1 to %2")
                                  .arg(period.from.toString(Qt::ISODate), period.to.toString(Qt::ISODate));
        QString intro =
            L(language, "%1 claims (returns, refunds, defects, missing items), oldest first. Made by "
                        "Casebook on %2.")
                .arg(rows.size())
                .arg(db.clock().now().toTimeZone(period.zone).date().toString(Qt::ISODate));
        const SellerProfile seller = AppSettings::seller(db.reader());
        if (!seller.name.isEmpty())
            intro = L(language, "Seller: %1").arg(seller.name) + QLatin1Char('\n') + intro;
        written = writePdf(table, title, intro, partial);
    }
    if (!written) {
        QFile::remove(partial);
        return written.error();
    }
    if (auto moved = export_target::moveIntoPlace(partial, target, replaceExisting); !moved) {
        QFile::remove(partial);
        return moved.error();
    }
    return ClaimsExport{target, static_cast<int>(rows.size())};
}

} // namespace casebook::report
