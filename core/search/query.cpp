#include "search/query.h"

#include "model/channel_table.h"
#include "search/fts_tokenizer.h"
#include "search/unicode_text.h"

#include <algorithm>
#include <ctime>

namespace casebook::search {
namespace {

constexpr std::string_view kFieldList = "from:, to:, subject:, order:, status:, channel:, after: or before:";

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string asciiLower(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// The code point at byte i of s.
unicode::CodePoint at(std::string_view s, std::size_t i)
{
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    return unicode::decode(p + i, p + s.size());
}

bool isSpaceAt(std::string_view s, std::size_t i)
{
    return unicode::isSpace(at(s, i).value);
}

bool allSpace(std::string_view s)
{
    for (std::size_t i = 0; i < s.size(); i += at(s, i).length)
        if (!isSpaceAt(s, i))
            return false;
    return true;
}

// Without the white space at either end, as QString::trimmed.
std::string_view trimmed(std::string_view s)
{
    std::size_t begin = 0;
    while (begin < s.size() && isSpaceAt(s, begin))
        begin += at(s, begin).length;
    std::size_t end = begin;
    for (std::size_t i = begin; i < s.size(); i += at(s, i).length)
        if (!isSpaceAt(s, i))
            end = i + at(s, i).length;
    return s.substr(begin, end - begin);
}

std::string joined(const std::vector<std::string_view>& names)
{
    std::string out;
    for (std::string_view n : names)
        out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// YYYY-MM-DD (or with slashes) as a valid Gregorian day, as QDate::fromString(ISODate) reads it.
bool parseDay(std::string v, int& year, int& month, int& day)
{
    std::replace(v.begin(), v.end(), '/', '-');
    if (v.size() != 10 || v[4] != '-' || v[7] != '-')
        return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!isDigit(v[i]))
            return false;
    year = std::stoi(v.substr(0, 4));
    month = std::stoi(v.substr(5, 2));
    day = std::stoi(v.substr(8, 2));
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return year != 0 && month >= 1 && month <= 12 && day >= 1 &&
           day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

// Applies one field:value pair to the query; an empty string when it applied, else the error.
std::string applyField(Query& q, const std::string& field, const std::string& value, bool prefix,
                       const Query::Midnight& midnight)
{
    if (allSpace(value))
        return field + ": needs a value right after the colon, e.g. " + field + ":kim (no space).";
    const Query::Field textField = field == "from"      ? Query::Field::From
                                   : field == "to"      ? Query::Field::To
                                   : field == "subject" ? Query::Field::Subject
                                                        : Query::Field::Any;
    if (textField != Query::Field::Any) {
        q.terms.push_back({textField, value, prefix});
        return {};
    }
    if (field == "order") {
        q.orders.push_back(prefix ? value + "*" : value);
    } else if (field == "status" || field == "channel") {
        const bool status = field == "status";
        const auto& names = status ? Query::statusNames() : Query::channelNames();
        const std::string lower = asciiLower(value);
        if (std::find(names.begin(), names.end(), lower) == names.end())
            return "\"" + value + "\" is not a " + (status ? "ticket status" : "channel") + "; use one of " +
                   joined(names) + ".";
        (status ? q.statuses : q.channels).push_back(lower);
    } else if (field == "after" || field == "before") {
        int year = 0, month = 0, day = 0;
        if (!parseDay(value, year, month, day))
            return "\"" + value + "\" after " + field + ": is not a date. Write it as YYYY-MM-DD, e.g. " +
                   field + ":2026-01-31.";
        const std::int64_t at = midnight(year, month, day);
        std::optional<std::int64_t>& bound = field == "after" ? q.after : q.before;
        // Two bounds of one kind narrow: the later after:, the earlier before:.
        if (!bound || (field == "after" ? at > *bound : at < *bound))
            bound = at;
    } else {
        return "\"" + field + ":\" is not a search field. Use " + std::string(kFieldList) +
               ", or put the text in quotes to search for it.";
    }
    return {};
}

// FTS5 reads the expression as a C string: a NUL byte inside a word would end it there, with the quote
// left open (found by fuzz_search_query). No tokenizer indexes NUL, so it is left out.
std::string quoted(std::string_view text)
{
    std::string out = "\"";
    for (char c : text)
        if (c != '\0')
            out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

} // namespace

std::int64_t Query::localMidnight(int year, int month, int day)
{
    std::tm t{};
    t.tm_year = year - 1900;
    t.tm_mon = month - 1;
    t.tm_mday = day;
    t.tm_isdst = -1;
    return static_cast<std::int64_t>(std::mktime(&t)) * 1000;
}

Outcome<Query> Query::parse(std::string_view text, const Midnight& midnight)
{
    Query q;
    bool droppedTerm = false;
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        if (isSpaceAt(text, i)) {
            i += at(text, i).length;
            continue;
        }
        // "-word" leaves out what matches; a lone "-" is a word like any other punctuation.
        const bool excluded = text[i] == '-' && i + 1 < n && !isSpaceAt(text, i + 1);
        if (excluded)
            ++i;
        std::string field;
        std::size_t j = i;
        while (j < n && isAsciiLetter(text[j]))
            ++j;
        if (j > i && j < n && text[j] == ':') {
            field = asciiLower(text.substr(i, j - i));
            i = j + 1;
        }
        std::string value;
        bool prefix = false;
        if (i < n && text[i] == '"') {
            const std::size_t close = text.find('"', i + 1);
            if (close == std::string_view::npos)
                return Outcome<Query>::failure(
                    "The quote at character " +
                    std::to_string(unicode::toUtf16(text.substr(0, i)).size() + 1) +
                    " is never closed: add a closing \" or remove it.");
            value = text.substr(i + 1, close - i - 1);
            i = close + 1;
            if (i < n && text[i] == '*') {
                prefix = true;
                ++i;
            }
        } else {
            std::size_t k = i;
            while (k < n && !isSpaceAt(text, k) && text[k] != '"')
                k += at(text, k).length;
            value = text.substr(i, k - i);
            i = k;
            while (!value.empty() && value.back() == '*') {
                value.pop_back();
                prefix = true;
            }
        }
        if (!field.empty()) {
            const std::size_t termsBefore = q.terms.size();
            if (std::string error = applyField(q, field, value, prefix, midnight); !error.empty())
                return Outcome<Query>::failure(error);
            if (excluded && q.terms.size() == termsBefore)
                return Outcome<Query>::failure("-" + field + ": cannot leave messages out; only words, "
                                               "\"phrases\", from:, to: and subject: can (-refund).");
            if (excluded)
                q.terms.back().excluded = true;
        } else {
            q.terms.push_back({Field::Any, value, prefix, excluded});
        }
    }

    // Terms with nothing the index holds (punctuation, a lone *) are dropped rather than matching nothing.
    std::vector<Term> kept;
    for (Term& t : q.terms) {
        const std::vector<FtsTokenizer::Token> tokens = FtsTokenizer::tokens(t.text);
        if (tokens.empty()) {
            droppedTerm = true;
            continue;
        }
        // A lone Hangul or Han character is indexed only inside bigrams: find it at their start.
        if (tokens.back().singleCjk)
            t.prefix = true;
        kept.push_back(std::move(t));
    }
    q.terms = std::move(kept);
    if (q.terms.size() > kMaxTerms || q.orders.size() > kMaxTerms)
        return Outcome<Query>::failure("A search can hold at most " + std::to_string(kMaxTerms) +
                                       " words; this one has " +
                                       std::to_string(std::max(q.terms.size(), q.orders.size())) + ".");
    const bool onlyExcluded =
        !q.terms.empty() && std::all_of(q.terms.begin(), q.terms.end(), [](const Term& t) { return t.excluded; });
    if (onlyExcluded)
        return Outcome<Query>::failure("Add a word to find: words with a - in front (-refund) only leave "
                                       "messages out of what the other words find.");

    if (q.terms.empty() && q.orders.empty() && q.statuses.empty() && q.channels.empty() && !q.after &&
        !q.before) {
        if (droppedTerm)
            return Outcome<Query>::failure("\"" + std::string(trimmed(text)) +
                                           "\" has no letters or digits to search for.");
        return Outcome<Query>::failure(
            "There is nothing to search for: type a word, a \"phrase\" or a field such as from:kim.");
    }
    return q;
}

std::string Query::addressOf(const Term& t)
{
    if (t.field != Field::From || t.prefix || t.excluded)
        return {};
    const std::size_t at = t.text.find('@');
    if (at == std::string::npos || at == 0 || at + 1 >= t.text.size() ||
        t.text.find_first_of(" \t", 0) != std::string::npos)
        return {};
    std::string lower = t.text;
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return lower;
}

bool Query::bySender(const Term& t)
{
    return !addressOf(t).empty();
}

std::string Query::ftsExpression() const
{
    std::string out;
    // The words to find first, AND-ed; then each word to leave out (FTS5: "a AND b NOT c NOT d").
    // A sender's whole address is found by the messages' own index (see addressOf), unless the index must
    // give the rows that words are left out of: FTS5 cannot start from NOT.
    bool words = false;
    bool leftOut = false;
    for (const Term& t : terms) {
        words = words || (!t.excluded && !bySender(t));
        leftOut = leftOut || t.excluded;
    }
    std::vector<const Term*> ordered;
    for (const Term& t : terms)
        if (!t.excluded && !(bySender(t) && (words || !leftOut)))
            ordered.push_back(&t);
    for (const Term& t : terms)
        if (t.excluded)
            ordered.push_back(&t);
    for (const Term* term : ordered) {
        const Term& t = *term;
        if (!out.empty())
            out += t.excluded ? " NOT " : " AND ";
        switch (t.field) {
        case Field::Any:
            break;
        case Field::From:
            out += "{from_name from_address} : ";
            break;
        case Field::To:
            out += "to_addresses : ";
            break;
        case Field::Subject:
            out += "subject : ";
            break;
        }
        out += quoted(t.text) + (t.prefix ? "*" : "");
    }
    return out;
}

const std::vector<std::string_view>& Query::statusNames()
{
    static const std::vector<std::string_view> names{"new", "open", "waiting", "resolved", "spam"};
    return names;
}

const std::vector<std::string_view>& Query::channelNames()
{
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> out;
        for (const ChannelInfo& row : kChannelTable)
            out.push_back(row.name);
        return out;
    }();
    return names;
}

} // namespace casebook::search
