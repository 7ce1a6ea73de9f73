#pragma once

#include <string>
#include <string_view>

// Unicode helpers for the Qt-free search, each giving what the Qt call named beside it gives (the tests
// check them against Qt over every code point), so casebook-cli prints what the Qt-side code would.
namespace casebook::search::unicode {

struct CodePoint {
    char32_t value;
    int length; // bytes read
};

// The code point at p (p < end). Invalid UTF-8 becomes one U+FFFD per byte.
CodePoint decode(const unsigned char* p, const unsigned char* end);

// QChar::isSpace.
bool isSpace(char32_t c);

// QChar::toCaseFolded(char32_t): simple (one-character) case folding, which QString::toCaseFolded and
// QString's case-insensitive search use.
char32_t foldCase(char32_t c);

// QString::fromUtf8 and QString::toUtf8. Lone surrogates become '?' in UTF-8, as QTextStream writes them.
std::u16string toUtf16(std::string_view utf8);
std::string toUtf8(std::u16string_view utf16);

// The text with every control character a terminal acts on made visible and inert: C0 controls but tab and
// line feed become their Control Pictures (ESC → U+241B, a lone CR → U+240D; CRLF is a line end), DEL
// U+2421, C1 controls U+FFFD. A mail body
// holding ESC]0;…BEL or ESC[2J then cannot retitle or clear the terminal it is printed to.
std::u16string printable(std::u16string_view s);

// QString::simplified.
std::u16string simplified(std::u16string_view s);

// QString::indexOf(needle, from, Qt::CaseInsensitive); -1 when absent.
long indexOfFolded(std::u16string_view haystack, std::u16string_view needle, std::size_t from);

} // namespace casebook::search::unicode
