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

} // namespace casebook::cli
