#pragma once

#include "search/outcome.h"

#include <memory>
#include <string>

struct sqlite3;

namespace casebook::search {

// A read connection to a Casebook database for one search, opened without Qt, as Database::reader()
// opens one: busy timeout, the tokenizer, query_only, and no checkpoint (and so no WAL deletion) on close.
class SearchConnection {
public:
    // The schema this code was written for; core/store/migrations.cpp holds its step count equal to it at
    // compile time.
    static constexpr int kSchemaVersion = 12;

    // Fails, touching nothing, when the file is missing or its schema is not kSchemaVersion (older wants
    // migrating, newer is refused): the full program deals with those.
    static Outcome<std::unique_ptr<SearchConnection>> open(const std::string& path);
    ~SearchConnection();

    SearchConnection(const SearchConnection&) = delete;
    SearchConnection& operator=(const SearchConnection&) = delete;

    sqlite3* handle() const { return m_db; }

private:
    explicit SearchConnection(sqlite3* db) : m_db(db) {}
    sqlite3* m_db;
};

} // namespace casebook::search
