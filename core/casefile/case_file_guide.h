#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace casebook {

// The verification guide a case file carries for whoever receives it (a marketplace, the police, a court):
// how to check the hashes with common tools, what the key's fingerprint means and how to check the
// signature with OpenSSL alone. One plain-text file per language, listed (and so signed) in the manifest.
namespace case_file_guide {

struct GuideFacts {
    int caseNumber = 0;
    QString pdfName;
    QString keyFingerprint;
    QDateTime exportedAt;
    QString firstEvidence; // a path inside the ZIP, for the one-file examples
};

struct Guide {
    QString fileName; // "VERIFY.en.txt"
    QByteArray text;  // UTF-8, CRLF line ends so that Notepad shows it too
};

QList<Guide> guides(const GuideFacts& facts);

} // namespace case_file_guide
} // namespace casebook
