#pragma once

#include "report/claims_list.h"
#include "store/database.h"

namespace casebook::report {

enum class ClaimsFormat { Csv, Pdf };

// The claims list as a person reads it in `language` ("ko" or "en"): the header, then one row a claim
// (date, channel, order number, category, what was claimed, what the seller did, evidence files).
QList<QStringList> claimsTable(const QList<ClaimRow>& rows, const QTimeZone& zone, const QString& language);

struct ClaimsExport {
    QString path; // absolute
    int claims = 0;
};

// Writes the period's claims list to `outPath` as CSV (UTF-8 with BOM, formulas neutralised) or a PDF table
// (Noto Sans CJK embedded; needs a QGuiApplication). The target is checked and replaced as a case file's is
// (export_target): never a special file or a file in the database's folder, an existing file only with
// `replaceExisting`, written under a temporary name and renamed when complete.
Result<ClaimsExport> exportClaims(Database& db, const Period& period, ClaimsFormat format,
                                  const QString& outPath, const QString& language, bool replaceExisting);

} // namespace casebook::report
