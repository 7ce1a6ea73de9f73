#include "connectors/shared_call_pacer.h"

#include <SQLiteCpp/Statement.h>

#include <optional>

namespace casebook {
namespace {

// The turn after the last one taken, or now when that is later; planned on api_pacing's primary key.
constexpr const char* kTakeTurn = R"SQL(
INSERT INTO api_pacing(api_key, last_turn_ms) VALUES (?1, ?2)
ON CONFLICT(api_key) DO UPDATE SET last_turn_ms =
  CASE WHEN last_turn_ms > ?2 + ?4 THEN ?2 ELSE max(last_turn_ms + ?3, ?2) END
RETURNING last_turn_ms
)SQL";

} // namespace

SharedCallPacer::SharedCallPacer(Database& db, QString key) : m_db(db), m_key(std::move(key)) {}

qint64 SharedCallPacer::takeTurn(qint64 nowMs, int intervalMs)
{
    std::optional<qint64> turn;
    // BEGIN IMMEDIATE (Database::write) takes the file's write lock before reading the last turn, so two
    // processes cannot both read it and take the same turn.
    const auto taken = m_db.write([&](SQLite::Database& w) -> Result<void> {
        SQLite::Statement q(w, kTakeTurn);
        q.bind(1, m_key.toStdString());
        q.bind(2, static_cast<int64_t>(nowMs));
        q.bind(3, intervalMs);
        q.bind(4, kMaxAheadMs);
        if (q.executeStep())
            turn = q.getColumn(0).getInt64();
        return {};
    });
    // When the shared turn cannot be had, this process's calls at least stay spaced.
    m_lastTurn = taken && turn ? *turn : m_lastTurn ? std::max(*m_lastTurn + intervalMs, nowMs) : nowMs;
    return *m_lastTurn;
}

} // namespace casebook
