#pragma once

#include "search/outcome.h"
#include "search/query.h"
#include "search/searcher.h"

#include <string>

struct sqlite3;

namespace casebook::search {

// What `casebook-cli search` was asked for, beyond the query.
struct SearchRequest {
    bool count = false; // print only the number of matches
    bool json = false;
    Page page{Order::Newest, 20, 0};
};

// Runs a search the CLI was asked for on a read connection and returns what to print on stdout (both CLI
// programs print it this way), or the error.
Outcome<std::string> runSearch(sqlite3* db, const Query& query, const SearchRequest& request);

} // namespace casebook::search
