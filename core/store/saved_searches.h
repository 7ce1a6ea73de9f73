#pragma once

#include "model/result.h"
#include "store/database.h"

#include <QList>
#include <QString>

namespace casebook {

// A search the seller named and keeps in the views pane ("refund, this week": `환불 after:2026-03-01`).
struct SavedSearch {
    qint64 id = 0;
    QString name;
    QString query;
};

// The saved searches, stored in the database; each change is one write, recorded as an event.
namespace saved_searches {

QList<SavedSearch> list(SQLite::Database& db);
Result<qint64> add(Database& db, const QString& name, const QString& query);
Result<void> rename(Database& db, qint64 id, const QString& name);
Result<void> remove(Database& db, qint64 id);

} // namespace saved_searches
} // namespace casebook
