#include "search/local_time.h"

#include <cstdio>
#include <ctime>
#include <mutex>

namespace casebook::local_time {

namespace {

bool localTm(std::int64_t ms, std::tm& tm)
{
    // localtime_r need not read TZ itself (POSIX): read it once, as Qt's system time zone does.
    static std::once_flag once;
    std::call_once(once, [] { tzset(); });
    const std::int64_t secs = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
    const std::time_t t = static_cast<std::time_t>(secs);
    return localtime_r(&t, &tm) != nullptr;
}

std::string zoneLabel(const std::tm& tm)
{
    std::string zone = tm.tm_zone ? tm.tm_zone : "";
    if (!zone.empty() && zone[0] != '+' && zone[0] != '-')
        return zone;
    // Zones with no letters for their name ("+09"): the offset, spelt out.
    const long off = tm.tm_gmtoff;
    const long a = off < 0 ? -off : off;
    char buf[24];
    std::snprintf(buf, sizeof buf, "UTC%c%02ld:%02ld", off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
    return buf;
}

} // namespace

std::string forPeople(std::int64_t ms)
{
    std::tm tm{};
    char when[32];
    if (!localTm(ms, tm) || std::strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm) == 0)
        return {};
    return std::string(when) + " " + zoneLabel(tm);
}

std::string zoneOf(std::int64_t ms)
{
    std::tm tm{};
    return localTm(ms, tm) ? zoneLabel(tm) : std::string();
}

} // namespace casebook::local_time
