#pragma once

#include "model/values.h"
#include "store/ticket_queries.h"

#include <QJsonArray>
#include <QJsonObject>

#include <SQLiteCpp/Database.h>

namespace casebook {

// The JSON shapes the CLI prints and tests read (documented in README's CLI section).
namespace ticket_json {

QJsonObject stats(const StoreStats& s);

// [{"number", "subject", "status", "priority", "category", "due_at", "channels", "customer",
//   "last_activity_at", "messages": [{"message_id", "sha256", "date", "direction"}]}], in the filter's order.
// due_at is UTC ISO 8601 ("…Z") or null when the ticket owes no answer; takeover names the marketplace that
// takes the question over at due_at ("coupang", takeover_queries), or is null.
QJsonArray tickets(SQLite::Database& db, const TicketFilter& filter);
// Every ticket, spam included, due first.
QJsonArray tickets(SQLite::Database& db);

QString isoDate(const QDateTime& t);

} // namespace ticket_json
} // namespace casebook
