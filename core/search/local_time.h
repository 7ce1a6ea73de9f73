#pragma once

#include <cstdint>
#include <string>

// The one way Casebook writes a moment for a person to read: local time to the minute with its zone,
// "2026-12-06 21:34 KST" (TZ=Asia/Seoul), "2026-12-06 12:34 UTC", or "2026-12-06 21:34 UTC+09:00" where
// the zone has no letters for its name. Machines get UTC with an offset instead (ISO 8601 in JSON and
// manifests). Qt-free, so that casebook-cli's search prints times as the full program does;
// model/display_time.h wraps it for Qt code.
namespace casebook::local_time {

std::string forPeople(std::int64_t msSinceEpoch);

// Just the zone part of forPeople ("KST", "UTC+09:00"), for faces that write the rest in the user's locale.
std::string zoneOf(std::int64_t msSinceEpoch);

} // namespace casebook::local_time
