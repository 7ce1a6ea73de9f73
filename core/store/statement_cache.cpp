#include "store/statement_cache.h"

#include <SQLiteCpp/Exception.h>

namespace casebook::sql {
namespace {
thread_local StatementCache* t_current = nullptr;
}

StatementCache::StatementCache() : m_previous(t_current)
{
    t_current = this;
}

StatementCache::~StatementCache()
{
    t_current = m_previous;
}

StatementCache* StatementCache::current()
{
    return t_current;
}

SQLite::Statement& StatementCache::get(SQLite::Database& db, const char* sqlText)
{
    auto& slot = m_statements[{db.getHandle(), sqlText}];
    if (!slot)
        slot = std::make_unique<SQLite::Statement>(db, sqlText);
    return *slot;
}

Prepared::Prepared(SQLite::Database& db, const char* sqlText)
{
    if (StatementCache* cache = StatementCache::current()) {
        m_statement = &cache->get(db, sqlText);
        m_statement->reset();
        m_statement->clearBindings();
        m_cached = true;
    } else {
        m_statement = &m_own.emplace(db, sqlText);
    }
}

Prepared::~Prepared()
{
    // A statement left mid-result would hold its read snapshot open until its next use.
    if (m_cached) {
        try {
            m_statement->reset();
        } catch (const SQLite::Exception&) {
        }
    }
}

} // namespace casebook::sql
