#include "search/unicode_text.h"

#include <utf8proc.h>

namespace casebook::search::unicode {
namespace {

bool isHighSurrogate(char16_t u)
{
    return u >= 0xD800 && u <= 0xDBFF;
}
bool isLowSurrogate(char16_t u)
{
    return u >= 0xDC00 && u <= 0xDFFF;
}

void appendUtf8(std::string& out, char32_t c)
{
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

// The code point at s[i] and how many units it takes; a lone surrogate stands for itself.
std::pair<char32_t, std::size_t> at16(std::u16string_view s, std::size_t i)
{
    const char16_t u = s[i];
    if (isHighSurrogate(u) && i + 1 < s.size() && isLowSurrogate(s[i + 1]))
        return {0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) + (s[i + 1] - 0xDC00), 2};
    return {u, 1};
}

} // namespace

CodePoint decode(const unsigned char* p, const unsigned char* end)
{
    const unsigned c = p[0];
    if (c < 0x80)
        return {c, 1};
    int length = 0;
    char32_t v = 0;
    if ((c & 0xE0) == 0xC0) {
        length = 2;
        v = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        length = 3;
        v = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        length = 4;
        v = c & 0x07;
    } else {
        return {0xFFFD, 1};
    }
    if (end - p < length)
        return {0xFFFD, 1};
    for (int i = 1; i < length; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return {0xFFFD, 1};
        v = (v << 6) | (p[i] & 0x3F);
    }
    return {v, length};
}

bool isSpace(char32_t c)
{
    if (c == 0x20 || (c >= 0x09 && c <= 0x0D))
        return true;
    if (c < 0x80 || c > 0x10FFFF)
        return false;
    if (c == 0x85 || c == 0xA0)
        return true;
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL ||
           category == UTF8PROC_CATEGORY_ZP;
}

char32_t foldCase(char32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return c;
    // Simple case folding (CaseFolding.txt's C and S lines), as Qt folds. utf8proc folds fully (C and F):
    // where that gives several characters, the S line, if the character has one, is its lower case (ẞ → ß, ᾈ
    // → ᾀ); the others stay themselves (ß, İ).
    utf8proc_int32_t folded[4];
    int unused = 0;
    const auto n =
        utf8proc_decompose_char(static_cast<utf8proc_int32_t>(c), folded, 4, UTF8PROC_CASEFOLD, &unused);
    if (n == 1)
        return static_cast<char32_t>(folded[0]);
    const bool simpleLine = c == 0x1E9E || (c >= 0x1F88 && c <= 0x1F8F) || (c >= 0x1F98 && c <= 0x1F9F) ||
                            (c >= 0x1FA8 && c <= 0x1FAF) || c == 0x1FBC || c == 0x1FCC || c == 0x1FFC;
    return simpleLine ? static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))) : c;
}

std::u16string toUtf16(std::string_view utf8)
{
    std::u16string out;
    out.reserve(utf8.size());
    const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
    const unsigned char* end = p + utf8.size();
    while (p < end) {
        CodePoint cp = decode(p, end);
        if (cp.value > 0x10FFFF || (cp.value >= 0xD800 && cp.value <= 0xDFFF))
            cp.value = 0xFFFD;
        if (cp.value >= 0x10000) {
            out.push_back(static_cast<char16_t>(0xD800 + ((cp.value - 0x10000) >> 10)));
            out.push_back(static_cast<char16_t>(0xDC00 + ((cp.value - 0x10000) & 0x3FF)));
        } else {
            out.push_back(static_cast<char16_t>(cp.value));
        }
        p += cp.length;
    }
    return out;
}

std::string toUtf8(std::u16string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto [c, units] = at16(s, i);
        appendUtf8(out, c >= 0xD800 && c <= 0xDFFF ? U'?' : c);
        i += units;
    }
    return out;
}

std::u16string simplified(std::u16string_view s)
{
    std::u16string out;
    out.reserve(s.size());
    bool pendingSpace = false;
    for (char16_t u : s) {
        if (isSpace(u)) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace)
            out.push_back(u' ');
        pendingSpace = false;
        out.push_back(u);
    }
    return out;
}

long indexOfFolded(std::u16string_view haystack, std::u16string_view needle, std::size_t from)
{
    if (needle.size() > haystack.size())
        return -1;
    for (std::size_t at = from; at + needle.size() <= haystack.size(); ++at) {
        std::size_t i = 0;
        while (i < needle.size()) {
            const auto [h, hu] = at16(haystack.substr(0, at + needle.size()), at + i);
            const auto [n, nu] = at16(needle, i);
            if (hu != nu || foldCase(h) != foldCase(n))
                break;
            i += nu;
        }
        if (i == needle.size())
            return static_cast<long>(at);
    }
    return -1;
}

std::u16string printable(std::u16string_view s)
{
    std::u16string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char16_t c = s[i];
        if (c == u'\r' && i + 1 < s.size() && s[i + 1] == u'\n')
            continue; // a CRLF line end is a line end; a lone CR (which rewinds the line) is shown
        if (c < 0x20 && c != u'\t' && c != u'\n')
            out += static_cast<char16_t>(0x2400 + c);
        else if (c == 0x7F)
            out += u'\u2421';
        else if (c >= 0x80 && c < 0xA0)
            out += u'\uFFFD';
        else
            out += c;
    }
    return out;
}

} // namespace casebook::search::unicode
