#pragma once

#include "casefile/case_file_entry.h"
#include "casefile/case_snapshot.h"
#include "evidence/evidence_preview.h"
#include "model/result.h"

#include <QDateTime>

namespace casebook {

struct CasePdfEvidence {
    EvidenceRecord record;
    QString path; // inside the case file
    EvidencePreview preview;
};

struct CasePdfContent {
    CaseSnapshot snapshot;
    CaseFileOptions options;
    QDateTime exportedAt;
    QString keyFingerprint; // of the seller's key that signs the case file
    QList<CasePdfEvidence> evidence;
    QList<CaseFileEntry> messages; // the raw messages in the case file, with their hashes
};

// The case file's report: cover, the seller's summary, the timeline, the evidence with hashes and thumbnails,
// the custody log. Korean text is set in Noto Sans CJK, embedded. Needs a QGuiApplication (fonts).
Result<void> writeCasePdf(const CasePdfContent& content, const QString& path);

} // namespace casebook
