#include "search/search_run.h"

#include "search/hit_format.h"

namespace casebook::search {

Outcome<std::string> runSearch(sqlite3* db, const Query& query, const SearchRequest& request)
{
    Searcher searcher(db);
    if (request.count) {
        auto n = searcher.count(query);
        if (!n)
            return Outcome<std::string>::failure(n.error());
        return std::to_string(n.value()) + "\n";
    }
    auto hits = searcher.hits(query, request.page);
    if (!hits)
        return Outcome<std::string>::failure(hits.error());
    return request.json ? hit_format::json(hits.value()) : hit_format::text(hits.value());
}

} // namespace casebook::search
