#pragma once

#include "model/values.h"

#include <SQLiteCpp/Database.h>

namespace casebook {

// A customer's history as the conversation's customer panel shows it.
namespace customer_tickets {

// The customer's tickets other than `exceptTicketId`, latest activity first, at most `limit`.
QList<TicketSummary> otherTickets(SQLite::Database& db, qint64 customerId, qint64 exceptTicketId,
                                  int limit = 20);

} // namespace customer_tickets
} // namespace casebook
