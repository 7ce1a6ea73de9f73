#pragma once

#include "model/values.h"

#include <QJsonArray>
#include <QJsonObject>

#include <SQLiteCpp/Database.h>

namespace casebook {

// The JSON shapes the CLI prints and tests read (documented in README's CLI section).
namespace ticket_json {

QJsonObject stats(const StoreStats& s);

// [{"number", "subject", "status", "channels", "customer", "messages": [{"message_id", "sha256", "date",
//   "direction"}]}], newest activity first.
QJsonArray tickets(SQLite::Database& db);

QString isoDate(const QDateTime& t);

} // namespace ticket_json
} // namespace casebook
