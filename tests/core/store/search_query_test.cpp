#include "store/search_query.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace casebook;

namespace {

SearchQuery parsed(const QString& text)
{
    auto q = SearchQuery::parse(text, QTimeZone::utc());
    if (!q)
        FAIL(q.error().message.toStdString());
    return q.value();
}

QString errorOf(const QString& text)
{
    auto q = SearchQuery::parse(text, QTimeZone::utc());
    REQUIRE_FALSE(q);
    return q.error().message;
}

} // namespace

TEST_CASE("words, phrases and prefixes become quoted FTS5 terms", "[search][query]")
{
    CHECK(parsed(QStringLiteral("환불  refun*")).ftsExpression() ==
          QStringLiteral("\"환불\" AND \"refun\"*"));
    CHECK(parsed(QStringLiteral("\"환불 요청\" mug")).ftsExpression() ==
          QStringLiteral("\"환불 요청\" AND \"mug\""));
    CHECK(parsed(QStringLiteral("subject:\"broken plate\"* from:kim to:help")).ftsExpression() ==
          QStringLiteral(
              "subject : \"broken plate\"* AND {from_name from_address} : \"kim\" AND to_addresses : "
              "\"help\""));
    // A lone Hangul syllable lives only inside bigrams, so it is searched as their prefix.
    CHECK(parsed(QStringLiteral("환")).ftsExpression() == QStringLiteral("\"환\"*"));
}

TEST_CASE("FTS5 syntax in user text stays text", "[search][query]")
{
    CHECK(parsed(QStringLiteral("NEAR(a b) OR x")).ftsExpression() ==
          QStringLiteral("\"NEAR(a\" AND \"b)\" AND \"OR\" AND \"x\""));
    CHECK(parsed(QStringLiteral("a\"b c\"")).ftsExpression() == QStringLiteral("\"a\" AND \"b c\""));
    CHECK(parsed(QStringLiteral("'; DROP TABLE messages; --")).ftsExpression() ==
          QStringLiteral("\"DROP\" AND \"TABLE\" AND \"messages;\""));
    // Terms without letters or digits are dropped; a query of nothing else is an error.
    CHECK(parsed(QStringLiteral("mug *** !!")).ftsExpression() == QStringLiteral("\"mug\""));
    CHECK(errorOf(QStringLiteral("* ** -")).contains(QStringLiteral("no letters or digits")));
}

TEST_CASE("filters: order, status, channel and dates", "[search][query]")
{
    const SearchQuery q =
        parsed(QStringLiteral("order:112-3456789-1234567 STATUS:Open status:new channel:coupang "
                              "after:2026-01-01 before:2026/02/01 after:2026-01-15"));
    CHECK(q.terms.isEmpty());
    CHECK(q.ftsExpression().isEmpty());
    CHECK(q.orders == QStringList{QStringLiteral("112-3456789-1234567")});
    CHECK(q.statuses == QList<TicketStatus>{TicketStatus::Open, TicketStatus::New});
    CHECK(q.channels == QList<Channel>{Channel::Coupang});
    CHECK(q.after == QDateTime(QDate(2026, 1, 15), QTime(0, 0), QTimeZone::utc()));
    CHECK(q.before == QDateTime(QDate(2026, 2, 1), QTime(0, 0), QTimeZone::utc()));
    const auto seoul = SearchQuery::parse(QStringLiteral("after:2026-01-01"), QTimeZone("Asia/Seoul"));
    REQUIRE(seoul);
    CHECK(seoul->after == QDateTime(QDate(2025, 12, 31), QTime(15, 0), QTimeZone::utc()));
    CHECK(parsed(QStringLiteral("order:2026*")).orders == QStringList{QStringLiteral("2026*")});
    const auto local = SearchQuery::parse(QStringLiteral("after:2026-01-01"));
    REQUIRE(local);
    CHECK(local->after == QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::systemTimeZone()));
}

TEST_CASE("bad queries get errors a person can act on", "[search][query]")
{
    CHECK(errorOf(QStringLiteral("환불 \"요청")).contains(QStringLiteral("never closed")));
    CHECK(errorOf(QStringLiteral("foo:bar")).contains(QStringLiteral("\"foo:\" is not a search field")));
    CHECK(errorOf(QStringLiteral("after:2026-13-01")).contains(QStringLiteral("YYYY-MM-DD")));
    CHECK(errorOf(QStringLiteral("before:yesterday")).contains(QStringLiteral("not a date")));
    CHECK(errorOf(QStringLiteral("status:closed"))
              .contains(QStringLiteral("new, open, waiting, resolved, spam")));
    CHECK(errorOf(QStringLiteral("channel:fax")).contains(QStringLiteral("email")));
    CHECK(errorOf(QStringLiteral("from: kim")).contains(QStringLiteral("needs a value")));
    CHECK(errorOf(QStringLiteral("from:\"\"")).contains(QStringLiteral("needs a value")));
    CHECK(errorOf(QStringLiteral("   ")).contains(QStringLiteral("nothing to search for")));
}

TEST_CASE("a query with -word leaves messages out; a query is capped at kMaxTerms words", "[search][query][hostile]")
{
    CHECK(parsed(QStringLiteral("please -refund")).ftsExpression() ==
          QStringLiteral("\"please\" NOT \"refund\""));
    CHECK(parsed(QStringLiteral("-\"환불 요청\" 배송 -from:kim")).ftsExpression() ==
          QStringLiteral("\"배송\" NOT \"환불 요청\" NOT {from_name from_address} : \"kim\""));
    CHECK(parsed(QStringLiteral("mug - plate")).ftsExpression() == QStringLiteral("\"mug\" AND \"plate\""));
    CHECK(errorOf(QStringLiteral("-refund")).contains(QStringLiteral("Add a word to find")));
    CHECK(errorOf(QStringLiteral("mug -status:open")).contains(QStringLiteral("cannot leave messages out")));

    QStringList words;
    for (int i = 0; i < static_cast<int>(search::Query::kMaxTerms); ++i)
        words << QStringLiteral("w%1*").arg(i);
    CHECK(parsed(words.join(QLatin1Char(' '))).terms.size() == search::Query::kMaxTerms);
    words << QStringLiteral("one-more*");
    CHECK(errorOf(words.join(QLatin1Char(' '))).contains(QStringLiteral("at most 32 words")));
    // The flood the issue found: thousands of prefix terms.
    CHECK(errorOf(QStringLiteral("a* ").repeated(5000)).contains(QStringLiteral("at most")));
}
