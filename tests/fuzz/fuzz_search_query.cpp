// What a person types in the search box. The parse either fails with a message or yields an FTS5
// expression that SQLite accepts as it stands: user text must never become FTS5 syntax.
#include "fuzz_support.h"

#include "search/query.h"

#include <sqlite3.h>

#include <cstdlib>
#include <string_view>

using namespace casebook::search;

namespace {
sqlite3* db = nullptr;
sqlite3_stmt* match = nullptr;
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    // The columns of message_fts (store/migrations.cpp), with SQLite's own tokenizer: the syntax is the same.
    if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
        sqlite3_exec(db,
                     "CREATE VIRTUAL TABLE message_fts USING fts5(subject, text_body, from_name, from_address, "
                     "to_addresses); INSERT INTO message_fts VALUES ('refund', 'where is my parcel', 'Kim', "
                     "'kim@example.com', 'help@shop.example');",
                     nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT count(*) FROM message_fts WHERE message_fts MATCH ?", -1, &match,
                           nullptr) != SQLITE_OK)
        std::abort();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // A fixed calendar: the result must not depend on the machine's time zone.
    auto parsed = Query::parse(text, [](int y, int m, int d) { return (y * 400LL + m * 32 + d) * 86400000LL; });
    if (!parsed)
        return 0;
    const std::string fts = parsed.value().ftsExpression();
    if (fts.empty())
        return 0;
    sqlite3_reset(match);
    sqlite3_bind_text(match, 1, fts.data(), static_cast<int>(fts.size()), SQLITE_TRANSIENT);
    const int rc = sqlite3_step(match);
    if (rc != SQLITE_ROW) {
        fprintf(stderr, "FTS5 refused %s: %s\n", fts.c_str(), sqlite3_errmsg(db));
        std::abort();
    }
    return 0;
}
