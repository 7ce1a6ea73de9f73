#pragma once

#include "model/enums.h"

#include <QDateTime>
#include <QString>

namespace casebook {

// A moment as a person reads it, in local time with its zone ("2026-12-06 21:34 KST"); empty for no time.
// For the CLI's text output and the case file; JSON and manifests keep UTC (ticket_json::isoDate).
QString displayTime(const QDateTime& t);

// A length of time as the CLI writes it beside a due time: "25m", "3h", "1d 4h" (minutes under an hour,
// whole hours under a day); never less than a minute.
QString durationText(qint64 secs);

// An answer's due time for the CLI's text: "overdue 3h" once passed, else the local time; empty for none.
// When a marketplace takes the question over at that time (takeover_queries, Coupang's call-center
// inquiries): "Coupang takes over in 3h", "Coupang took over 2h ago".
QString dueTextAt(const QDateTime& due, const QDateTime& now, std::optional<Channel> takeover = std::nullopt);

// The local zone's name at that moment ("KST"), for the window, which writes the rest in the user's locale.
QString displayZone(const QDateTime& t);

} // namespace casebook
