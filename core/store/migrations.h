#pragma once

#include "model/result.h"

#include <SQLiteCpp/Database.h>

namespace casebook {

// The schema as numbered steps; PRAGMA user_version holds the number of the last step applied.
int latestMigration();

// The refusal for a database from a newer Casebook; `what` names the file.
Error newerSchemaError(const QString& what, int found);

// Applies every step after the database's current version, each in its own transaction.
// A database whose version is newer than this build knows is refused before anything is written.
// `upTo` stops at an earlier step (tests build old databases with it).
Result<int> migrate(SQLite::Database& db, int upTo = latestMigration());

} // namespace casebook
