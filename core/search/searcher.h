#pragma once

#include "search/outcome.h"
#include "search/query.h"
#include "search/snippet.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace casebook::search {

// One message that matched a search, with what a result list shows. Text is UTF-8.
struct Hit {
    std::int64_t messageId = 0;
    std::int64_t ticketId = 0;
    int ticketNumber = 0;
    std::string channel = "email"; // a name of Query::channelNames()
    std::string direction = "in";  // "in", "out" or "note"
    std::string fromName;
    std::string fromAddress;
    std::string subject;
    std::optional<std::int64_t> date; // ms since the epoch
    Snippet snippet;
};

enum class Order { Newest, Relevance };

struct Page {
    Order order = Order::Newest; // Relevance needs words; a query of filters only is newest first
    int limit = 50;
    int offset = 0;
};

// Runs searches over the message index of a Casebook database on a read connection that has the
// "casebook" tokenizer registered. Quarantined messages are never found. store/message_search.h is the
// same for Qt code.
class Searcher {
public:
    explicit Searcher(sqlite3* db) : m_db(db) {}

    Outcome<std::vector<Hit>> hits(const Query& query, const Page& page = {});

    // How many messages match.
    Outcome<std::int64_t> count(const Query& query);

    // The tickets with a matching message, each once: by their newest match, or by their best match.
    Outcome<std::vector<std::int64_t>> ticketIds(const Query& query, Order order = Order::Newest);

private:
    sqlite3* m_db;
};

} // namespace casebook::search
