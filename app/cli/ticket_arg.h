#pragma once

#include "model/result.h"
#include "model/values.h"
#include "store/database.h"

#include <QString>
#include <optional>

namespace casebook::cli {

// A ticket number as a person types it: 1042 or #1042.
std::optional<int> ticketNumberArg(const QString& s);

// The ticket a person named by number, or an error message that says which part was wrong.
Result<TicketSummary> ticketArg(Database& db, const QString& s);

// A moment as a person types it: "2026-03-12T09:00:00Z", "2026-03-12T09:00+09:00", a local
// "2026-03-12T09:00", or a local date (its start). In UTC.
Result<QDateTime> timeArg(const QString& s);

} // namespace casebook::cli
