#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <SQLiteCpp/Database.h>

namespace casebook {

// What a triage action can change on a ticket or a customer, captured before the action and written back
// by undo, so undo restores exactly what was there (not a recomputed guess).
namespace ticket_snapshot {

// Status, priority, category, due and snooze times, activity, unread count, merge link and order numbers.
QJsonObject captureTicket(SQLite::Database& db, qint64 ticketId);
void restoreTicket(SQLite::Database& db, const QJsonObject& snapshot);

QJsonObject captureCustomer(SQLite::Database& db, qint64 customerId);
void restoreCustomer(SQLite::Database& db, const QJsonObject& snapshot);

// The number a person knows the ticket by (#1042), or 0.
int numberOf(SQLite::Database& db, qint64 ticketId);

// Runs `sqlText` ("UPDATE … SET ticket_id = ? WHERE id = ?") for each row id: moves rows to ticket `to`.
void moveRows(SQLite::Database& db, const char* sqlText, const QJsonArray& ids, qint64 to);

} // namespace ticket_snapshot
} // namespace casebook
