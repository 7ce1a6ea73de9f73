#include "store/database_integrity.h"

#include "store/sqlite_errors.h"

#include <QStringList>
#include <SQLiteCpp/Statement.h>

namespace casebook::integrity {
namespace {

constexpr int kBusyTimeoutMs = 5000;

Error damaged(const QString& path, const QString& detail)
{
    return makeError(
        QStringLiteral("The database %1 failed its integrity check (%2). Restore it from a backup; "
                       "Casebook did not change it.")
            .arg(path, detail));
}

} // namespace

Result<void> quickCheck(SQLite::Database& db, const QString& path)
{
    try {
        // The first few findings are enough to tell damage from a healthy file; all of them can be thousands.
        SQLite::Statement st(db, "PRAGMA quick_check(3)");
        QStringList findings;
        while (st.executeStep())
            findings << QString::fromUtf8(st.getColumn(0).getText());
        if (findings == QStringList{QStringLiteral("ok")})
            return {};
        return damaged(path, findings.join(QStringLiteral("; ")));
    } catch (const SQLite::Exception& e) {
        // A full disk stops the check before it reads a page: the file is not damaged for that.
        if (sqlite_errors::isDiskFull(e, &db))
            return sqlite_errors::diskFull();
        return damaged(path, QString::fromUtf8(e.what()));
    }
}

Result<void> check(const QString& path)
{
    try {
        SQLite::Database db(path.toStdString(), SQLite::OPEN_READONLY);
        db.setBusyTimeout(kBusyTimeoutMs);
        return quickCheck(db, path);
    } catch (const SQLite::Exception& e) {
        return damaged(path, QString::fromUtf8(e.what()));
    }
}

} // namespace casebook::integrity
