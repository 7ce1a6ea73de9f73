#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace casebook {

struct CasePdfListedFile {
    QString path;
    QString sha256;
};

// What a person reads must say what the manifest says: the case file's PDF is read back (Qt PDF) and every
// evidence file and message the manifest lists must appear in its "Files in this case file" list with the
// same SHA-256, and the PDF must list no file the manifest does not. One "pdf: …" line per mismatch.
QStringList casePdfProblems(const QString& pdfName, const QByteArray& pdf,
                            const QList<CasePdfListedFile>& files);

} // namespace casebook
