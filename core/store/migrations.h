#pragma once

#include "model/result.h"

#include <SQLiteCpp/Database.h>

namespace casebook {

// The schema as numbered steps; PRAGMA user_version holds the number of the last step applied.
int latestMigration();

// The PRAGMA application_id Casebook's databases carry ("CSBK").
inline constexpr int kApplicationId = 0x4353424B;

// True for an empty database (new, nothing in it), one carrying Casebook's application_id, and one from a
// Casebook before the id was set (user_version > 0 and its tickets table): another program's SQLite file
// is not given Casebook's schema. It reads the file in several statements: call it inside one read
// transaction, or another process writing in between gives it a state that never was.
bool isCasebookDatabase(SQLite::Database& db, int userVersion);

// The refusal for a database from a newer Casebook; `what` names the file.
Error newerSchemaError(const QString& what, int found);

// Applies every step after the database's current version, each in its own transaction, reading the
// version inside that (IMMEDIATE) transaction so that two processes opening a new database at once do not
// both apply a step. Sets the application_id on the way.
// A database whose version is newer than this build knows is refused before anything is written.
// `upTo` stops at an earlier step (tests build old databases with it).
Result<int> migrate(SQLite::Database& db, int upTo = latestMigration());

} // namespace casebook
