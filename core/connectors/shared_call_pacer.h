#pragma once

#include "net/call_pacer.h"
#include "store/database.h"

#include <optional>

namespace casebook {

// Turns kept in the database (table api_pacing, one row per gateway identity), so every process on the same
// file takes turns with the others: `sync`, `reply --send` and `confirm-transfer` run back to back from a
// script, or the window and the CLI at once, stay within the marketplace's rate.
class SharedCallPacer final : public CallPacer {
public:
    // `key` names what the gateway counts calls by: "coupang:VENDOR_ID", "naver:CLIENT_ID".
    SharedCallPacer(Database& db, QString key);

    // One indexed upsert in a BEGIN IMMEDIATE transaction. When the database cannot be written (locked
    // for longer than the busy timeout, disk full) the turn is this object's own: the call still goes,
    // paced within the process.
    qint64 takeTurn(qint64 nowMs, int intervalMs) override;

    // A stored turn further ahead of now than this is a clock that went back (or a crashed writer's
    // leftover): it is forgotten instead of waited for.
    static constexpr int kMaxAheadMs = 60000;

private:
    Database& m_db;
    QString m_key;
    std::optional<qint64> m_lastTurn; // this process's last turn, when it had to keep its own
};

} // namespace casebook
