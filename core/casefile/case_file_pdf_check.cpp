#include "casefile/case_file_pdf_check.h"

#include <QPdfDocument>
#include <QPdfSelection>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryFile>

namespace casebook {
namespace {

// Without white space; and where a line broke after a hyphen, PDFium gives back U+FFFE for it.
QString withoutSpaces(const QString& s)
{
    QString out;
    out.reserve(s.size());
    for (const QChar c : s)
        if (c.unicode() == 0xFFFE)
            out += QLatin1Char('-');
        else if (!c.isSpace())
            out += c;
    return out;
}

QString shortHash(const QString& h)
{
    return h.left(12) + QStringLiteral("…");
}

// "*<path>" as the PDF's text shows it. A character outside the Basic Multilingual Plane (an emoji) comes
// back as whatever the fallback font's text map says, so it matches any one character.
QRegularExpression namePattern(const QString& path)
{
    QString pattern = QStringLiteral("\\*");
    for (const uint c : withoutSpaces(path).toUcs4()) {
        const char32_t one = c;
        pattern += c > 0xFFFF ? QStringLiteral(".") : QRegularExpression::escape(QString::fromUcs4(&one, 1));
    }
    return QRegularExpression(pattern);
}

} // namespace

QStringList casePdfProblems(const QString& pdfName, const QByteArray& pdf,
                            const QList<CasePdfListedFile>& files)
{
    QTemporaryFile copy; // Qt PDF loads a file synchronously; a device it would read in the background
    if (!copy.open() || copy.write(pdf) != pdf.size() || !copy.flush())
        return {QStringLiteral("pdf: %1 could not be read back (no room for a temporary copy)").arg(pdfName)};
    QPdfDocument doc(nullptr);
    if (doc.load(copy.fileName()) != QPdfDocument::Error::None || doc.pageCount() < 1)
        return {QStringLiteral("pdf: %1 cannot be opened as a PDF, so what it shows cannot be compared")
                    .arg(pdfName)};
    // Lines wrap wherever the layout chose, and a reader inserts spaces and line breaks there; no name in a
    // case file holds white space (exportName), so the comparison is on the text without any.
    QString text;
    for (int page = 0; page < doc.pageCount(); ++page)
        text += withoutSpaces(doc.getAllText(page).text());

    QList<QRegularExpression> names;
    for (const CasePdfListedFile& f : files)
        names << namePattern(f.path);
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    QStringList problems;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const CasePdfListedFile& f = files[i];
        const auto named = names[i].match(text);
        const qsizetype at = named.hasMatch() ? named.capturedStart() : -1;
        if (at >= 64 && QStringView(text).mid(at - 64, 64) == f.sha256)
            continue;
        if (at >= 64 && hex.match(text.mid(at - 64, 64)).hasMatch())
            problems << QStringLiteral("pdf: %1 shows SHA-256 %2 for %3; the manifest has %4")
                            .arg(pdfName, shortHash(text.mid(at - 64, 64)), f.path, shortHash(f.sha256));
        else
            problems
                << QStringLiteral("pdf: %1 does not list %2, which the manifest lists").arg(pdfName, f.path);
    }
    // Each "<hash> *evidence/…" or "*messages/…" line of the PDF must be a file the manifest lists: its hash
    // one of the manifest's, or its name (then a wrong hash was named above). The text a reader gives back
    // may repeat the start of a wrapped line, so a line is not matched as a whole.
    QSet<QString> hashes;
    for (const CasePdfListedFile& f : files)
        hashes << f.sha256;
    static const QRegularExpression listed(QStringLiteral("([0-9a-f]{64})\\*((?:evidence|messages)/)"));
    for (auto it = listed.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        bool known = hashes.contains(m.captured(1));
        for (qsizetype i = 0; i < files.size() && !known; ++i)
            known = names[i]
                        .match(text, m.capturedStart() + 64, QRegularExpression::NormalMatch,
                               QRegularExpression::AnchorAtOffsetMatchOption)
                        .hasMatch();
        if (!known)
            problems << QStringLiteral(
                            "pdf: %1 lists a file with SHA-256 %2 under %3…, which the manifest does not")
                            .arg(pdfName, shortHash(m.captured(1)), m.captured(2));
    }
    return problems;
}

} // namespace casebook
