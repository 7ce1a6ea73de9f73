#pragma once

#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace casebook {

// The FTS5 tokenizer "casebook", after Lucene's CJK analyzer. Korean has no reliable word boundaries for
// search (particles attach to nouns: 환불을, 환불은), so Hangul, Han, Hiragana and Katakana runs become
// overlapping character bigrams (a one-character run stays one character); letters and digits of every
// other script become words, case-folded with Latin diacritics removed (Unicode tables from utf8proc, so the
// tokenizer needs no Qt: casebook-cli registers it for its searches). Documents and queries go through
// the same code, so 환불 finds 환불을 and "Refund" finds "refund". In documents the last character of each
// run is also indexed alone, at the position of the last bigram, so that a one-character query (searched
// as a prefix) finds a character wherever it stands in a run.
class FtsTokenizer {
public:
    static constexpr const char* kName = "casebook";

    struct Token {
        std::string text;       // UTF-8
        bool singleCjk = false; // a one-character CJK run: in documents it usually sits inside a bigram
    };

    // Registers the tokenizer on this connection; every connection that touches the FTS table needs it.
    // Returns an SQLite result code.
    static int registerWith(sqlite3* db);

    // The tokens of `text`, as FTS5 reads them in a query.
    static std::vector<Token> tokens(std::string_view utf8);

    enum TokenFlag { SingleCjk = 1, Colocated = 2 };

    // Calls emit(token, startByte, endByte, TokenFlags) for each token of UTF-8 text; stops at the first
    // non-zero return and passes it on. `document` adds the colocated run-final characters.
    using Emit = int (*)(void* ctx, std::string_view token, int start, int end, int flags);
    static int tokenize(std::string_view utf8, bool document, void* ctx, Emit emit);
};

} // namespace casebook
