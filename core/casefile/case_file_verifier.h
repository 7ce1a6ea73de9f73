#pragma once

#include "evidence/progress.h"
#include "model/result.h"
#include "store/database.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace casebook {

struct CaseFileVerification {
    int caseNumber = 0;
    int filesChecked = 0;
    QStringList problems; // one line each: "changed: evidence/01-x.jpg (…)", "missing: …", "added: …"
    bool recordedInCustody = false; // a `verified` entry was appended to this database's case
    QString keyFingerprint;         // of the key in public-key.pem, when it could be read
    bool signatureValid = false;    // manifest.sig verifies manifest.json with that key
    QDateTime timestampedAt;        // when a timestamp authority stamped manifest.json (manifest.tsr), if any
    bool ok() const { return problems.isEmpty(); }
};

// Checks a case file from the ZIP alone: every file's SHA-256 and size against manifest.json and
// SHA256SUMS, manifest.json against SHA256SUMS, the Ed25519 signature of manifest.json by the key in
// public-key.pem (the one the manifest names, and the expected one when given), the custody chain exported
// in the manifest, and that each evidence file has its `added` entry. With a database holding the case, the
// exported chain must also agree with the database's, and a `verified` custody entry records the result
// when the ZIP is one this database exported (its hash is in an `exported` entry).
class CaseFileVerifier {
public:
    explicit CaseFileVerifier(Database* db = nullptr);
    // A fingerprint the signing key must have (as the seller published it); any other key is a problem.
    void expectKey(const QString& fingerprint) { m_expectedKey = fingerprint; }
    // The certificates (PEM) a timestamp authority must chain to; by default the system's CA bundle.
    void trustTimestampsFrom(const QString& caFile) { m_tsaCaFile = caFile; }

    // Fails only when the file cannot be checked at all (not a ZIP); problems found are in the result.
    Result<CaseFileVerification> verify(const QString& zipPath, const Progress& progress = {});

    // The case file's report (its PDF, as manifest.json names it), to print or show: read, not verified.
    static Result<QByteArray> report(const QString& zipPath);

private:
    Database* m_db;
    QString m_expectedKey;
    QString m_tsaCaFile = QStringLiteral(""); // empty, not null: the system's bundle
};

} // namespace casebook
