#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <map>
#include <memory>
#include <optional>
#include <utility>

namespace casebook::sql {

// Prepared statements kept for the length of a scope (an import of many messages), so the per-message
// lookups and inserts are compiled once instead of once per message. While one lives, it is this thread's
// cache; it must end before the connections it has seen close.
class StatementCache {
public:
    StatementCache();
    ~StatementCache();
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;

    static StatementCache* current();
    SQLite::Statement& get(SQLite::Database& db, const char* sqlText);

private:
    std::map<std::pair<void*, const char*>, std::unique_ptr<SQLite::Statement>> m_statements;
    StatementCache* m_previous = nullptr;
};

// One use of a statement: the thread's cached one (reset, bindings cleared) when a cache is active, else
// prepared for this use. `sqlText` must be a string literal: the cache knows statements by its address.
class Prepared {
public:
    Prepared(SQLite::Database& db, const char* sqlText);
    ~Prepared();
    Prepared(const Prepared&) = delete;
    Prepared& operator=(const Prepared&) = delete;

    SQLite::Statement& operator*() { return *m_statement; }

private:
    std::optional<SQLite::Statement> m_own;
    SQLite::Statement* m_statement = nullptr;
    bool m_cached = false;
};

} // namespace casebook::sql
