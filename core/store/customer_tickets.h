#pragma once

#include "model/values.h"

#include <QHash>
#include <SQLiteCpp/Database.h>

namespace casebook {

// A customer's history as the conversation's customer panel shows it.
namespace customer_tickets {

// The customer's tickets other than `exceptTicketId`, latest activity first, at most `limit`.
QList<TicketSummary> otherTickets(SQLite::Database& db, qint64 customerId, qint64 exceptTicketId,
                                  int limit = 20);

// Everything the seller knows of one customer across channels: when they first and last wrote, every order
// number of their tickets, and how many of their tickets are claims, by category.
struct History {
    QDateTime firstContact; // their first message, on any channel; null if they never wrote
    QDateTime lastContact;
    QStringList orders;     // sorted, each once
    int tickets = 0;        // live tickets (merged ones are counted in the ticket they joined)
    QHash<Category, int> byCategory;
    // Refunds, missing items and returns: what a seller weighs before granting another.
    int claims() const;
};
History history(SQLite::Database& db, qint64 customerId);

} // namespace customer_tickets
} // namespace casebook
