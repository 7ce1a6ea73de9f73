#include "search/fts_tokenizer.h"

#include "search/unicode_text.h"

#include <algorithm>
#include <sqlite3.h>
#include <string>
#include <utf8proc.h>

namespace casebook {
namespace {

// Longer "words" are base64 or hashes; indexing their head keeps them findable without bloating the index.
constexpr int kMaxWordBytes = 128;

using search::unicode::CodePoint;
using search::unicode::decode;

enum class Kind { Separator, Word, Cjk };

// The scripts Lucene's CJK analyzer bigrams: Hangul, Han, Hiragana, Katakana (full and half width).
bool isCjk(char32_t c)
{
    return (c >= 0xAC00 && c <= 0xD7A3)                                    // Hangul syllables
           || (c >= 0x1100 && c <= 0x11FF)                                 // Hangul Jamo
           || (c >= 0x3131 && c <= 0x318E)                                 // Hangul compatibility Jamo
           || (c >= 0xA960 && c <= 0xA97F) || (c >= 0xD7B0 && c <= 0xD7FF) // Jamo extensions
           || (c >= 0x3041 && c <= 0x309F)                                 // Hiragana
           || (c >= 0x30A1 && c <= 0x30FF && c != 0x30FB)                  // Katakana, without the middle dot
           || (c >= 0x31F0 && c <= 0x31FF)                                 // Katakana extensions
           || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF66 && c <= 0xFF9F)       // half-width Katakana
           || (c >= 0xFFA0 && c <= 0xFFDC)    // half-width Hangul
           || (c >= 0x20000 && c <= 0x3FFFF); // Han extensions B and later
}

Kind classify(char32_t c)
{
    if (c < 0x80) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        return alnum ? Kind::Word : Kind::Separator;
    }
    if (isCjk(c))
        return Kind::Cjk;
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return Kind::Word;
    default:
        return Kind::Separator;
    }
}

// Case-folds a word; compatibility forms (full-width letters, ligatures) are unfolded and the combining
// diacritics of Latin, Greek and Cyrillic dropped, so "Café" and "cafe" are one word.
void foldWord(std::string_view word, std::string& out)
{
    out.clear();
    bool ascii = true;
    for (char ch : word)
        ascii &= static_cast<unsigned char>(ch) < 0x80;
    if (ascii) {
        out.reserve(word.size());
        for (char ch : word)
            out.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
        return;
    }
    // NFKD (each character decomposed, then combining marks put in canonical order), diacritics dropped,
    // then simple case folding: what QString::normalized(NFKD) and toCaseFolded() gave when Qt did this.
    std::u32string decomposed;
    const auto* p = reinterpret_cast<const unsigned char*>(word.data());
    const unsigned char* end = p + word.size();
    utf8proc_int32_t buffer[32];
    int unused = 0;
    while (p < end) {
        const CodePoint cp = decode(p, end);
        p += cp.length;
        const auto n = utf8proc_decompose_char(
            static_cast<utf8proc_int32_t>(cp.value), buffer, 32,
            static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT), &unused);
        for (utf8proc_ssize_t i = 0; i < std::min<utf8proc_ssize_t>(n, 32); ++i)
            decomposed.push_back(static_cast<char32_t>(buffer[i]));
    }
    const auto combiningClass = [](char32_t c) {
        return utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->combining_class;
    };
    for (std::size_t i = 1; i < decomposed.size(); ++i) // stable: marks of one class keep their order
        for (std::size_t j = i; j > 0; --j) {
            const auto before = combiningClass(decomposed[j - 1]);
            const auto here = combiningClass(decomposed[j]);
            if (here == 0 || before <= here)
                break;
            std::swap(decomposed[j - 1], decomposed[j]);
        }
    std::u16string folded;
    for (char32_t c : decomposed) {
        if (c >= 0x0300 && c <= 0x036F)
            continue;
        const char32_t f = search::unicode::foldCase(c);
        if (f >= 0x10000) {
            folded.push_back(static_cast<char16_t>(0xD800 + ((f - 0x10000) >> 10)));
            folded.push_back(static_cast<char16_t>(0xDC00 + ((f - 0x10000) & 0x3FF)));
        } else {
            folded.push_back(static_cast<char16_t>(f));
        }
    }
    out = search::unicode::toUtf8(folded);
}

// Cuts a word at a character boundary no further than kMaxWordBytes.
std::string_view capWord(std::string_view word)
{
    if (word.size() <= static_cast<std::size_t>(kMaxWordBytes))
        return word;
    std::size_t cut = kMaxWordBytes;
    while (cut > 0 && (static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80)
        --cut;
    return word.substr(0, cut);
}

struct Fts5Glue {
    void* ctx;
    int (*xToken)(void*, int, const char*, int, int, int);
};

int fts5Create(void*, const char**, int, Fts5Tokenizer** out)
{
    // The tokenizer keeps no state: any non-null handle will do.
    static int handle = 0;
    *out = reinterpret_cast<Fts5Tokenizer*>(&handle);
    return SQLITE_OK;
}

void fts5Delete(Fts5Tokenizer*) {}

int fts5Tokenize(Fts5Tokenizer*, void* ctx, int flags, const char* text, int length,
                 int (*xToken)(void*, int, const char*, int, int, int))
{
    if (!text || length <= 0)
        return SQLITE_OK;
    Fts5Glue glue{ctx, xToken};
    // Queries must not get the colocated characters: FTS5 would read them as alternatives.
    const bool document = (flags & FTS5_TOKENIZE_QUERY) == 0;
    return FtsTokenizer::tokenize(
        std::string_view(text, static_cast<std::size_t>(length)), document, &glue,
        [](void* c, std::string_view token, int start, int end, int tokenFlags) {
            auto* g = static_cast<Fts5Glue*>(c);
            const int colocated = tokenFlags & FtsTokenizer::Colocated ? FTS5_TOKEN_COLOCATED : 0;
            return g->xToken(g->ctx, colocated, token.data(), static_cast<int>(token.size()), start, end);
        });
}

} // namespace

int FtsTokenizer::tokenize(std::string_view utf8, bool document, void* ctx, Emit emit)
{
    const auto* base = reinterpret_cast<const unsigned char*>(utf8.data());
    const unsigned char* end = base + utf8.size();
    Kind run = Kind::Separator;
    int wordStart = 0;
    int cjkCount = 0; // characters so far in the current CJK run
    int cjkPrevStart = 0;
    int cjkPrevEnd = 0;
    std::string folded;

    auto finishRun = [&](int at) -> int {
        if (run == Kind::Word) {
            const std::string_view word = capWord(utf8.substr(wordStart, at - wordStart));
            foldWord(word, folded);
            if (!folded.empty())
                return emit(ctx, folded, wordStart, wordStart + static_cast<int>(word.size()), 0);
        } else if (run == Kind::Cjk && (cjkCount == 1 || document)) {
            return emit(ctx, utf8.substr(cjkPrevStart, cjkPrevEnd - cjkPrevStart), cjkPrevStart, cjkPrevEnd,
                        cjkCount == 1 ? SingleCjk : Colocated);
        }
        return 0;
    };

    for (const unsigned char* p = base; p < end;) {
        const int at = static_cast<int>(p - base);
        const CodePoint cp = decode(p, end);
        const Kind kind = classify(cp.value);
        if (kind != run) {
            if (int rc = finishRun(at))
                return rc;
            run = kind;
            wordStart = at;
            cjkCount = 0;
        }
        if (kind == Kind::Cjk) {
            const int charEnd = at + cp.length;
            if (cjkCount > 0) {
                if (int rc = emit(ctx, utf8.substr(cjkPrevStart, charEnd - cjkPrevStart), cjkPrevStart,
                                  charEnd, 0))
                    return rc;
            }
            cjkPrevStart = at;
            cjkPrevEnd = charEnd;
            ++cjkCount;
        }
        p += cp.length;
    }
    return finishRun(static_cast<int>(utf8.size()));
}

std::vector<FtsTokenizer::Token> FtsTokenizer::tokens(std::string_view utf8)
{
    std::vector<Token> out;
    tokenize(utf8, false, &out, [](void* c, std::string_view token, int, int, int flags) {
        static_cast<std::vector<Token>*>(c)->push_back({std::string(token), (flags & SingleCjk) != 0});
        return 0;
    });
    return out;
}

int FtsTokenizer::registerWith(sqlite3* db)
{
    fts5_api* api = nullptr;
    sqlite3_stmt* st = nullptr;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
    rc = sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return rc;
    if (!api || api->iVersion < 2)
        return SQLITE_ERROR;
    static fts5_tokenizer tokenizer{fts5Create, fts5Delete, fts5Tokenize};
    return api->xCreateTokenizer(api, kName, nullptr, &tokenizer, nullptr);
}

} // namespace casebook
