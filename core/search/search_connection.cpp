#include "search/search_connection.h"

#include "search/fts_tokenizer.h"

#include <sqlite3.h>
#include <sys/stat.h>

namespace casebook::search {
namespace {

constexpr int kBusyTimeoutMs = 5000; // as Database's connections wait

std::string lastError(sqlite3* db, const std::string& path)
{
    return "Could not read the database " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
}

} // namespace

Outcome<std::unique_ptr<SearchConnection>> SearchConnection::open(const std::string& path)
{
    using Out = Outcome<std::unique_ptr<SearchConnection>>;
    struct stat info {};
    if (path.empty() || ::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode))
        return Out::failure("There is no database at " + path + ".");
    sqlite3* db = nullptr;
    // Read-write, as Database::reader(), so that a WAL database can be read while the GUI writes it;
    // query_only keeps this connection from writing.
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        const std::string error = lastError(db, path);
        sqlite3_close(db);
        return Out::failure(error);
    }
    std::unique_ptr<SearchConnection> connection(new SearchConnection(db));
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    // A reader that closes last would checkpoint and delete the WAL, and the next one-shot search create
    // it again. Checkpoints are the writer's business.
    sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    sqlite3_stmt* st = nullptr;
    int version = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (version < 0)
        return Out::failure(lastError(db, path));
    if (version != kSchemaVersion)
        return Out::failure("The database " + path + " has schema version " + std::to_string(version) +
                            "; this search reads version " + std::to_string(kSchemaVersion) + ".");
    if (FtsTokenizer::registerWith(db) != SQLITE_OK ||
        sqlite3_exec(db, "PRAGMA query_only=ON", nullptr, nullptr, nullptr) != SQLITE_OK)
        return Out::failure(lastError(db, path));
    return Out(std::move(connection));
}

SearchConnection::~SearchConnection()
{
    sqlite3_close(m_db);
}

} // namespace casebook::search
