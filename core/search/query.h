#pragma once

#include "search/outcome.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casebook::search {

// What a person typed in the search box, parsed. Free words and "quoted phrases" must all match (AND);
// a trailing * makes a prefix (refun*); from:, to: and subject: limit a word or phrase to those fields;
// order:, status: and channel: filter by the ticket's order numbers, the ticket's status and the message's
// channel (several of one kind: any of them); -word, -"phrase" and -from:kim leave out the messages that
// match (a search needs something to find besides them); after:YYYY-MM-DD and before:YYYY-MM-DD bound the date, the
// first inclusive and the second exclusive. store/search_query.h is the same query for Qt code.
class Query {
public:
    enum class Field { Any, From, To, Subject };

    struct Term {
        Field field = Field::Any;
        std::string text; // UTF-8
        bool prefix = false;
        bool excluded = false; // -word: messages holding it are left out
    };

    // More words than this make FTS5 work for minutes (thousands of prefix terms took a minute and 1 GB);
    // a person's search never needs them. Counted after words without letters or digits are dropped.
    static constexpr std::size_t kMaxTerms = 32;

    // Milliseconds since the epoch of a day's midnight (month and day from 1).
    using Midnight = std::function<std::int64_t(int year, int month, int day)>;
    // Midnight in the C library's local time zone.
    static std::int64_t localMidnight(int year, int month, int day);

    // A clear error for unbalanced quotes, unknown fields, bad dates or values, more than kMaxTerms words,
    // and a query with nothing in it (or nothing but words to leave out). Dates become instants through `midnight`.
    static Outcome<Query> parse(std::string_view utf8, const Midnight& midnight = localMidnight);

    std::vector<Term> terms;
    std::vector<std::string> orders;    // exact order numbers, or prefixes when they end in *
    std::vector<std::string> statuses;  // names as the database stores them: "open"
    std::vector<std::string> channels;  // "email"
    std::optional<std::int64_t> after;  // inclusive, ms since the epoch
    std::optional<std::int64_t> before; // exclusive

    // The FTS5 MATCH expression for the terms, each quoted so that user text is never FTS5 syntax;
    // empty when the query has no text terms.
    std::string ftsExpression() const;

    // The whole address a from: term names ("kim@shop.example.com"), lower-cased; empty for any other
    // term (a name, a prefix, a word left out, an address without a local part or a domain). FTS5 reads
    // every position of each word of a phrase, and an address's domain words ("example", "com") are in
    // nearly every message: a 100k mailbox took 25 ms for one sender. So a sender's address is looked up on
    // the messages' own index (from_address, any case). A recipient's stays a phrase of the index: a
    // message has several, in one column.
    static std::string addressOf(const Term& term);
    // A from: term with a whole address: matched by messages.from_address, not by the full-text index.
    static bool bySender(const Term& term);

    // The stable names of ticket statuses and channels, in the order error messages list them (the same
    // as model/enums.h: a test holds them equal).
    static const std::vector<std::string_view>& statusNames();
    static const std::vector<std::string_view>& channelNames();
};

} // namespace casebook::search
