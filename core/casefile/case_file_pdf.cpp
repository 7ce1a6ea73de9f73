#include "casefile/case_file_pdf.h"

#include "casefile/case_file_labels.h"
#include "casefile/case_file_manifest.h"
#include "casefile/contact_mask.h"
#include "casefile/pdf_font.h"
#include "model/display_time.h"
#include "store/ticket_json.h"

#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

namespace casebook {
namespace {

// The text width of an A4 page with 15 mm margins, in the document's pixels (96 per inch), less a cell's
// padding.
constexpr int kPageWidthPx = 660;

QString esc(const QString& s)
{
    return s.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString when(const QDateTime& t)
{
    // Local time with its zone and offset, as the seller reads it; the manifest beside the PDF keeps UTC.
    return case_file_labels::when(t);
}

QString hash(const QString& h)
{
    return QStringLiteral("<span style=\"font-family:'DejaVu Sans Mono',monospace; "
                          "font-size:6.5pt\">%1</span>")
        .arg(h.toHtmlEscaped());
}

QString row(const QString& label, const QString& valueHtml)
{
    return QStringLiteral("<tr><td style=\"color:#555\">%1</td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), valueHtml);
}

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes) + QStringLiteral(" (%1 bytes)").arg(bytes);
}

class Report {
public:
    explicit Report(const CasePdfContent& c) : m_c(c) {}

    QString L(const char* english) const { return case_file_labels::text(m_c.options.language, english); }

    QString mask(const QString& s) const
    {
        if (!m_c.options.maskContact)
            return s;
        QStringList known;
        if (m_c.snapshot.customer)
            for (const Identity& i : m_c.snapshot.customer->identities)
                known << i.value;
        return maskContacts(s, known);
    }

    QString cover() const
    {
        const TicketSummary& t = m_c.snapshot.ticket;
        QStringList identityLines;
        const QJsonObject customer = case_file_manifest::customerJson(m_c.snapshot, m_c.options.maskContact);
        for (const QJsonValue& v : customer.value(QStringLiteral("identities")).toArray())
            identityLines << esc(v[QStringLiteral("kind")].toString() + QStringLiteral(": ") +
                                 v[QStringLiteral("value")].toString());
        const QString identities = identityLines.join(QStringLiteral("<br>"));
        QString html = QStringLiteral("<h1>%1</h1><p style=\"font-size:12pt\">%2</p>")
                           .arg(L("Case #%1").arg(t.number))
                           .arg(esc(mask(t.subject)));
        html += QStringLiteral("<table cellpadding=\"3\">");
        html += row(L("Customer"), esc(mask(t.customerName)));
        if (!identities.isEmpty())
            html += row(L("Contact"), identities);
        html += row(L("Channels"), esc(t.channels.join(QStringLiteral(", "))));
        html += row(
            L("Order numbers"),
            esc(t.orderNumbers.isEmpty() ? QStringLiteral("—") : t.orderNumbers.join(QStringLiteral(", "))));
        html += row(L("Status"), esc(case_file_labels::status(m_c.options.language, t.status)));
        html += row(L("Category"), esc(case_file_labels::category(m_c.options.language, t.category)));
        html += row(L("Opened"), when(t.createdAt));
        html += row(L("Last activity"), when(t.lastActivityAt));
        html += row(L("Exported"), when(m_c.exportedAt));
        html += row(L("Exported by"), QStringLiteral("Casebook " CASEBOOK_VERSION));
        html += row(L("Signing key"), hash(m_c.keyFingerprint));
        html += QStringLiteral("</table>");
        html +=
            QStringLiteral("<p style=\"color:#555\">%1</p>")
                .arg(L(
                    "This report is part of a case file. manifest.json and SHA256SUMS in the same ZIP list "
                    "the SHA-256 of every file; run <i>sha256sum -c SHA256SUMS</i> after unzipping, or "
                    "<i>casebook-cli verify</i> on the ZIP, to check that nothing was changed. manifest.json "
                    "is signed with the seller's key above (manifest.sig, public-key.pem); compare its "
                    "fingerprint with the one the seller published. VERIFY.en.txt and VERIFY.ko.txt in the "
                    "ZIP say how, step by step."));
        html += QStringLiteral("<h2>%1</h2><p>%2</p>")
                    .arg(L("Seller's summary"), m_c.snapshot.ticket.summary.trimmed().isEmpty()
                                                    ? L("(none written)")
                                                    : esc(mask(m_c.snapshot.ticket.summary)));
        return html;
    }

    QString timeline() const
    {
        QString html = QStringLiteral("<h2>%1</h2>").arg(L("Timeline"));
        for (const MessageRecord& m : m_c.snapshot.messages) {
            if (m.direction == Direction::Note && !m_c.options.includeNotes)
                continue;
            const QString arrow = case_file_labels::direction(m_c.options.language, m.direction);
            const QString from = m.fromName.isEmpty()
                                     ? m.fromAddress
                                     : QStringLiteral("%1 <%2>").arg(m.fromName, m.fromAddress);
            html += QStringLiteral("<p style=\"margin-top:10px\"><b>%1 · %2 · %3</b><br>%4: %5")
                        .arg(arrow, when(m.date), toString(m.channel), L("From"), esc(mask(from)));
            if (!m.to.isEmpty())
                html += QStringLiteral("<br>%1: ").arg(L("To")) + esc(mask(m.to));
            if (!m.subject.isEmpty())
                html += QStringLiteral("<br>%1: ").arg(L("Subject")) + esc(mask(m.subject));
            html += QStringLiteral("</p><p>%1</p>").arg(esc(mask(m.text.trimmed())));
            for (const Attachment& a : m.attachments)
                html += QStringLiteral("<p style=\"color:#555\">%1: %2 (%3, %4)<br>SHA-256 %5</p>")
                            .arg(L("Attachment"), esc(a.filename), esc(a.mediaType), sizeText(a.size),
                                 hash(a.sha256));
        }
        return html;
    }

    QString evidence(QList<std::pair<QUrl, QImage>>& images) const
    {
        QString html = QStringLiteral("<h2>%1</h2>").arg(L("Evidence"));
        if (m_c.evidence.isEmpty())
            return html + QStringLiteral("<p>%1</p>").arg(L("No evidence files."));
        html += QStringLiteral("<table cellpadding=\"4\" border=\"0\">");
        int n = 0;
        for (const CasePdfEvidence& e : m_c.evidence) {
            const QUrl url(QStringLiteral("thumb:%1").arg(++n));
            images.append({url, e.preview.image});
            const EvidenceRecord& r = e.record;
            QString details = QStringLiteral("<b>%1</b><br>%2: %3<br>%4: %5 · %6")
                                  .arg(esc(e.path), L("Original name"), esc(r.originalName), L("Type"),
                                       esc(r.mediaType), sizeText(r.size));
            if (e.preview.durationMs)
                details += QStringLiteral(" · %1").arg(QTime(0, 0)
                                                           .addMSecs(static_cast<int>(*e.preview.durationMs))
                                                           .toString(QStringLiteral("H:mm:ss")));
            if (r.capturedAt.isValid())
                details += QStringLiteral("<br>%1: ").arg(L("Captured")) + when(r.capturedAt);
            details += QStringLiteral("<br>%1: %2 · %3: %4")
                           .arg(L("Added"), when(r.addedAt), L("Source"), esc(r.source));
            if (!r.note.isEmpty())
                details += QStringLiteral("<br>%1: ").arg(L("Note")) + esc(mask(r.note));
            details += QStringLiteral("<br>SHA-256 ") + hash(r.sha256);
            // A photo at the page's full width, below its details (the reader should not need the file to
            // see what it shows); anything else as an icon beside them.
            const bool photo = !e.preview.isIcon && !e.preview.image.isNull() &&
                               r.mediaType.startsWith(QLatin1String("image/"));
            if (photo) {
                const QSize shown =
                    e.preview.image.size().scaled(kPageWidthPx, kPageWidthPx * 4 / 3, Qt::KeepAspectRatio);
                html += QStringLiteral(
                            "<tr><td colspan=\"2\">%1</td></tr>"
                            "<tr><td colspan=\"2\"><img src=\"%2\" width=\"%3\" height=\"%4\"></td></tr>")
                            .arg(details, url.toString())
                            .arg(shown.width())
                            .arg(shown.height());
            } else {
                html +=
                    QStringLiteral("<tr><td width=\"90\"><img src=\"%1\" width=\"80\"></td><td>%2</td></tr>")
                        .arg(url.toString(), details);
            }
        }
        return html + QStringLiteral("</table>");
    }

    // Every evidence file and message in the ZIP, one per line as `sha256sum -b` prints it ("<hash>
    // *<path>"): what a person compares with SHA256SUMS, and what `verify` reads back to compare with the
    // manifest.
    QString files() const
    {
        QString html =
            QStringLiteral("<h2>%1</h2><p style=\"color:#555\">%2</p>")
                .arg(L("Files in this case file"),
                     L("Each line: the file's SHA-256, then its name in the ZIP, as in SHA256SUMS."));
        auto line = [](const QString& sha256, const QString& path) {
            return QStringLiteral("<p style=\"margin:0\">%1</p>")
                .arg(hash(sha256 + QStringLiteral(" *") + path));
        };
        for (const CasePdfEvidence& e : m_c.evidence)
            html += line(e.record.sha256, e.path);
        for (const CaseFileEntry& f : m_c.messages)
            html += line(f.sha256, f.path);
        return html;
    }

    QString custody() const
    {
        QString html = QStringLiteral("<h2>%1</h2><p style=\"color:#555\">%2</p><table cellpadding=\"2\">")
                           .arg(L("Custody log"),
                                L("Each entry's hash covers the one before it; manifest.json holds the "
                                  "same entries for checking."));
        for (const CustodyEntry& e : m_c.snapshot.custody) {
            const QJsonObject detail = QJsonDocument::fromJson(e.detail.toUtf8()).object();
            QStringList parts;
            for (auto it = detail.begin(); it != detail.end(); ++it)
                parts << it.key() + QStringLiteral(": ") + it.value().toVariant().toString();
            html += QStringLiteral("<tr><td>%1. %2 · <b>%3</b><br>%4<br>%5 %6</td></tr>")
                        .arg(e.seq)
                        .arg(when(e.at), esc(case_file_labels::custodyAction(m_c.options.language, e.action)),
                             esc(mask(parts.join(QStringLiteral(" · ")))),
                             L("entry"), hash(e.entryHash));
        }
        return html + QStringLiteral("</table>");
    }

private:
    const CasePdfContent& m_c;
};

} // namespace

Result<void> writeCasePdf(const CasePdfContent& content, const QString& path)
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return makeError(QStringLiteral("Writing the case file's PDF needs a QGuiApplication (fonts)."));
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setTitle(
        case_file_labels::text(content.options.language, "Case #%1").arg(content.snapshot.ticket.number));
    writer.setCreator(QStringLiteral("Casebook " CASEBOOK_VERSION));

    QTextDocument doc;
    doc.setDefaultFont(pdfFont(9));
    const Report report(content);
    const QString pageBreak = QStringLiteral("<div style=\"page-break-before:always\"></div>");
    QList<std::pair<QUrl, QImage>> images;
    const QString evidence = report.evidence(images);
    doc.setHtml(QStringLiteral("<html><body>") + report.cover() + pageBreak + report.timeline() + pageBreak +
                evidence + report.files() + pageBreak + report.custody() + QStringLiteral("</body></html>"));
    // Resources after setHtml: they are looked up when the document is laid out for printing.
    for (const auto& [url, image] : images)
        doc.addResource(QTextDocument::ImageResource, url, image);
    doc.print(&writer);
    // QPdfWriter reports no errors; an empty or missing file is the sign that the disk said no.
    QFile written(path);
    if (!written.exists() || written.size() == 0)
        return makeError(QStringLiteral("Could not write the PDF %1 (is the disk full?)").arg(path));
    return {};
}

} // namespace casebook
