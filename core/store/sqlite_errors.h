#pragma once

#include "model/result.h"

#include <QString>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

namespace casebook::sqlite_errors {

// Whether SQLite failed because the disk is full. SQLITE_FULL is only what a write to the database or its
// journal says; opening a WAL database on a full disk fails earlier, growing the shared-memory file
// (SQLITE_IOERR_SHMSIZE, "disk I/O error"), with ENOSPC as the system's error. Without this a full disk
// at open read as a damaged or unreadable database.
bool isDiskFull(const SQLite::Exception& e, SQLite::Database* db);

// The one message for it: nothing was written, free some space. Code Io.
Error diskFull();

} // namespace casebook::sqlite_errors
