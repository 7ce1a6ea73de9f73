#pragma once

#include <QtGlobal>
#include <algorithm>

namespace casebook {

// Who keeps the time of a marketplace's calls. A gateway limits calls per seller (Coupang: about 10 a
// second per vendor), not per process, so connectors keep the turns in the database (SharedCallPacer) where
// the window and every casebook-cli run see them; LocalCallPacer is for a caller with no database.
class CallPacer {
public:
    virtual ~CallPacer() = default;
    // Takes the next turn, at least `intervalMs` after the last one taken and not before `nowMs` (ms since
    // the epoch), and returns it; the caller waits until then and calls. Taking the turn is what makes it
    // ours: two callers never get the same one.
    virtual qint64 takeTurn(qint64 nowMs, int intervalMs) = 0;
};

// Turns kept in this object: spacing within one connector only.
class LocalCallPacer final : public CallPacer {
public:
    qint64 takeTurn(qint64 nowMs, int intervalMs) override
    {
        m_last = m_last < 0 ? nowMs : std::max(m_last + intervalMs, nowMs);
        return m_last;
    }

private:
    qint64 m_last = -1;
};

} // namespace casebook
