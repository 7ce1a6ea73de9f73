#pragma once

#include "casefile/case_file_entry.h"
#include "casefile/signing_key_store.h"
#include "evidence/progress.h"
#include "model/result.h"
#include "store/database.h"

#include <QString>

namespace casebook {

struct CaseFileExport {
    QString path;
    QString sha256; // of the whole ZIP, as the custody log records it
    qint64 size = 0;
    int files = 0;           // files listed in the manifest
    QString keyFingerprint;  // of the key that signed it
    QString keyKeptIn;       // SigningKeyStore::whereKept()
    bool keyCreated = false; // this export made the seller's key
};

// Exports one case as `case-1042.zip`: case-1042.pdf, evidence/ (originals under numbered safe names),
// messages/ (raw .eml, marketplace items as .json), manifest.json, its Ed25519 signature (manifest.sig) with
// the seller's public key (public-key.pem), and SHA256SUMS. The seller's key is made on the first export. The
// ZIP is written beside the target under a temporary name and renamed at the very end, so a crash or a full
// disk leaves no half-written case file; an `exported` custody entry records the ZIP's hash. Needs a
// QGuiApplication (the PDF's fonts). Runs on a worker thread; Progress may cancel. The target is checked
// first (see export_target::check): never a special file, never in the database's or the locker's folder,
// and an existing file only with options.replaceExisting.
class CaseFileExporter {
public:
    explicit CaseFileExporter(Database& db, SigningKeyStore keys = SigningKeyStore::system());

    static QString defaultFileName(int caseNumber); // "case-1042.zip"

    Result<CaseFileExport> exportCase(int caseNumber, const QString& outPath,
                                      const CaseFileOptions& options = {}, const Progress& progress = {});

private:
    Database& m_db;
    SigningKeyStore m_keys;
};

} // namespace casebook
