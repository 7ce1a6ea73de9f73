#include "search/hit_format.h"

#include "search/local_time.h"
#include "search/unicode_text.h"

#include <cstdio>

namespace casebook::search::hit_format {
namespace {

// Days since 1970-01-01 to a Gregorian date (Howard Hinnant's civil_from_days).
void civilFromDays(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2 ? 1 : 0;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

void field(std::string& out, const char* key, const std::string& jsonValue, bool first = false)
{
    out += first ? "{\"" : ",\"";
    out += key;
    out += "\":";
    out += jsonValue;
}

std::string utf8String(const std::string& s)
{
    return jsonString(unicode::toUtf16(s));
}

} // namespace

std::string isoDate(std::optional<std::int64_t> ms)
{
    if (!ms)
        return {};
    const std::int64_t seconds = floorDiv(*ms, 1000);
    const std::int64_t days = floorDiv(seconds, 86400);
    const std::int64_t secondOfDay = seconds - days * 86400;
    std::int64_t y = 0;
    unsigned m = 0, d = 0;
    civilFromDays(days, y, m, d);
    if (y < 1 || y > 9999) // Qt has no year 0: astronomical year 0 is its 1 BC
        return {};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(y), m, d,
                  static_cast<int>(secondOfDay / 3600), static_cast<int>(secondOfDay / 60 % 60),
                  static_cast<int>(secondOfDay % 60));
    return buf;
}

std::string jsonString(std::u16string_view s)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char16_t u = s[i];
        if (u < 0x80) {
            if (u >= 0x20 && u != '"' && u != '\\') {
                out.push_back(static_cast<char>(u));
                continue;
            }
            out.push_back('\\');
            switch (u) {
            case '"':
                out.push_back('"');
                break;
            case '\\':
                out.push_back('\\');
                break;
            case '\b':
                out.push_back('b');
                break;
            case '\f':
                out.push_back('f');
                break;
            case '\n':
                out.push_back('n');
                break;
            case '\r':
                out.push_back('r');
                break;
            case '\t':
                out.push_back('t');
                break;
            default:
                out += "u00";
                out.push_back(kHex[u >> 4]);
                out.push_back(kHex[u & 0xF]);
            }
            continue;
        }
        const bool high = u >= 0xD800 && u <= 0xDBFF;
        const bool pair = high && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF;
        if (pair) {
            out += unicode::toUtf8(s.substr(i, 2));
            ++i;
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            // A lone surrogate has no UTF-8: QJsonDocument writes it as an escape.
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4)
                out.push_back(kHex[(u >> shift) & 0xF]);
        } else {
            out += unicode::toUtf8(s.substr(i, 1));
        }
    }
    return out + "\"";
}

std::string json(const std::vector<Hit>& hits)
{
    std::string out = "[";
    for (const Hit& h : hits) {
        if (out.size() > 1)
            out += ",";
        field(out, "channel", utf8String(h.channel), true);
        field(out, "date", utf8String(isoDate(h.date)));
        field(out, "direction", utf8String(h.direction));
        field(out, "from_address", utf8String(h.fromAddress));
        field(out, "from_name", utf8String(h.fromName));
        field(out, "id", std::to_string(h.messageId));
        field(out, "snippet", jsonString(h.snippet.text));
        field(out, "subject", utf8String(h.subject));
        field(out, "ticket", std::to_string(h.ticketNumber));
        field(out, "ticket_id", std::to_string(h.ticketId));
        out += "}";
    }
    return out + "]\n";
}

std::string text(const std::vector<Hit>& hits)
{
    // Mail text reaches a terminal here: its control characters are shown, never obeyed.
    const auto clean = [](const std::string& s) {
        return unicode::toUtf8(unicode::printable(unicode::toUtf16(s)));
    };
    std::string out;
    for (const Hit& h : hits) {
        const std::string when = h.date ? local_time::forPeople(*h.date) : std::string();
        out += "#" + std::to_string(h.ticketNumber) + "\t" + when + "\t" +
               clean(h.fromName.empty() ? h.fromAddress : h.fromName) + "\t" + clean(h.subject) + "\n";
        if (!h.snippet.text.empty())
            out += "\t" + unicode::toUtf8(unicode::printable(h.snippet.marked(u"[", u"]"))) + "\n";
    }
    return out;
}

} // namespace casebook::search::hit_format
