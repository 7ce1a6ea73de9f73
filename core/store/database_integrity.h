#pragma once

#include "model/result.h"

#include <QString>
#include <SQLiteCpp/Database.h>

namespace casebook::integrity {

// PRAGMA quick_check on `db`, the file at `path`. The error names the file, the first findings and what to
// do.
Result<void> quickCheck(SQLite::Database& db, const QString& path);

// The same on a read-only connection of its own, so any thread can run it while others work. Database::open
// checks at open; the window opens without the check (on 100,000 tickets it was half the time to a painted
// list) and runs this on a thread once the list is on screen.
Result<void> check(const QString& path);

} // namespace casebook::integrity
