#include "store/sqlite_errors.h"

#include <cerrno>
#include <sqlite3.h>

namespace casebook::sqlite_errors {

bool isDiskFull(const SQLite::Exception& e, SQLite::Database* db)
{
    if (e.getErrorCode() == SQLITE_FULL || e.getExtendedErrorCode() == SQLITE_IOERR_SHMSIZE)
        return true;
    if (e.getErrorCode() != SQLITE_IOERR && e.getErrorCode() != SQLITE_CANTOPEN)
        return false;
    const int system = db ? sqlite3_system_errno(db->getHandle()) : 0;
    return system == ENOSPC || system == EDQUOT;
}

Error diskFull()
{
    return makeError(ErrorCode::Io,
                     QStringLiteral("The disk is full: nothing was written. Free some space and try again."));
}

} // namespace casebook::sqlite_errors
