#pragma once

#include <QDateTime>
#include <QString>

namespace casebook {

// A moment as a person reads it, in local time with its zone ("2026-12-06 21:34 KST"); empty for no time.
// For the CLI's text output and the case file; JSON and manifests keep UTC (ticket_json::isoDate).
QString displayTime(const QDateTime& t);

// The local zone's name at that moment ("KST"), for the window, which writes the rest in the user's locale.
QString displayZone(const QDateTime& t);

} // namespace casebook
