#pragma once

#include <SQLiteCpp/Database.h>

namespace casebook {

// Indexes the messages a write transaction inserts in one statement at its end instead of one by one as
// they are inserted (see migration step 3: FTS5 writes a new index segment for every statement). Lives
// inside one Database::write: construct it first, insert messages only (no updates or deletes of
// messages while it lives), and call finish() before the transaction commits. If the transaction rolls
// back, so does the deferral: the marker row is never committed.
class DeferredSearchIndex {
public:
    explicit DeferredSearchIndex(SQLite::Database& db);
    DeferredSearchIndex(const DeferredSearchIndex&) = delete;
    DeferredSearchIndex& operator=(const DeferredSearchIndex&) = delete;

    // Indexes what was inserted since construction and hands indexing back to the trigger. Throws
    // SQLite::Exception like any write.
    void finish();

private:
    SQLite::Database& m_db;
};

} // namespace casebook
