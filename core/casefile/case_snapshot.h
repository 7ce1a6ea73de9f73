// core/casefile/ owns the case file: one case exported as a ZIP (PDF report, original evidence, raw
// messages, manifest.json, SHA256SUMS) that anyone can check, and the verification of such a file.
#pragma once

#include "evidence/custody_log.h"
#include "model/result.h"
#include "model/values.h"

#include <SQLiteCpp/Database.h>
#include <optional>

namespace casebook {

// Everything the case file says about one case, read in one read transaction so the parts agree.
struct CaseSnapshot {
    TicketSummary ticket;
    std::optional<CustomerRecord> customer;
    QList<MessageRecord> messages; // by date; internal notes included
    QList<EvidenceRecord> evidence;
    QList<CustodyEntry> custody;
};

Result<CaseSnapshot> loadCaseSnapshot(SQLite::Database& db, int number);

// The raw bytes of a stored message, as received.
Result<QByteArray> rawMessage(SQLite::Database& db, const QString& sha256);

} // namespace casebook
