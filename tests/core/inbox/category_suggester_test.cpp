#include "inbox/category_suggester.h"
#include "triage_fixture.h"

#include <catch2/catch.hpp>

using namespace casebook;

namespace {
Category suggest(const QString& subject, const QString& text = {})
{
    return CategorySuggester::builtin().suggest(subject, text).category;
}
} // namespace

TEST_CASE("the built-in rules suggest categories from Korean and English text", "[triage][category]")
{
    CHECK(suggest(QStringLiteral("배송 언제 오나요?"),
                  QStringLiteral("주문한 지 일주일인데 아직 안 왔어요")) == Category::Shipping);
    CHECK(suggest(QStringLiteral("환불 요청드립니다")) == Category::Refund);
    CHECK(suggest(QStringLiteral("반품하고 싶어요"), QStringLiteral("마음에 안 들어서 반송하려고 합니다")) ==
          Category::Return);
    CHECK(suggest(QStringLiteral("사이즈 교환 가능한가요"),
                  QStringLiteral("셔츠가 작아요, 한 치수 큰 걸로")) == Category::Exchange);
    CHECK(suggest(QStringLiteral("머그컵이 깨져서 왔어요")) == Category::Defect);
    CHECK(suggest(QStringLiteral("접시 한 개가 없어요"),
                  QStringLiteral("세트 구성 중 접시가 누락되었습니다")) == Category::MissingItem);
    CHECK(suggest(QStringLiteral("세금계산서 발행 요청")) == Category::Payment);
    CHECK(suggest(QStringLiteral("리뷰 삭제 요청"), QStringLiteral("허위 후기가 올라왔습니다")) ==
          Category::Review);
    CHECK(suggest(QStringLiteral("이게 뭐하는 짓이냐"), QStringLiteral("사기꾼 같은 놈들, 고소하겠다")) ==
          Category::Abuse);

    CHECK(suggest(QStringLiteral("Where is my order?"), QStringLiteral("The tracking has not moved")) ==
          Category::Shipping);
    CHECK(suggest(QStringLiteral("Refund please")) == Category::Refund);
    CHECK(suggest(QStringLiteral("Cracked plate"), QStringLiteral("It arrived broken")) == Category::Defect);
    CHECK(suggest(QStringLiteral("Missing cup"), QStringLiteral("Only two of the three cups came")) ==
          Category::MissingItem);
    CHECK(suggest(QStringLiteral("VAT invoice for my order")) == Category::Payment);
    CHECK(suggest(QStringLiteral("Apron too short"), QStringLiteral("can I exchange it for a longer one")) ==
          Category::Exchange);
    CHECK(suggest(QStringLiteral("Hello"), QStringLiteral("Do you sell gift cards?")) == Category::Other);

    // Two signs of a missing item in the text outweigh a refund named in the subject, on a tie by the order
    // of the rules.
    const CategorySuggestion split = CategorySuggester::builtin().suggest(
        QStringLiteral("Re: 환불 문의"),
        QStringLiteral("그리고 접시 하나가 누락됐어요. 세트에 한 개가 없어요"));
    INFO(split.score << " " << split.matched.join(QStringLiteral(",")).toStdString());
    CHECK(split.category == Category::MissingItem);

    const CategorySuggestion why = CategorySuggester::builtin().suggest(QStringLiteral("환불 요청"), {});
    CHECK(why.matched.contains(QStringLiteral("환불")));
}

TEST_CASE("category rules are data: a bad rule file is refused with a reason", "[triage][category]")
{
    auto unknown = CategorySuggester::fromJson(
        {QByteArrayLiteral(R"({"language":"en","categories":[{"category":"gifts","patterns":["gift"]}]})")});
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message.contains(QStringLiteral("gifts")));
    auto badPattern = CategorySuggester::fromJson({QByteArrayLiteral(
        R"({"language":"en","categories":[{"category":"refund","patterns":["(refund"]}]})")});
    REQUIRE_FALSE(badPattern);
    auto custom = CategorySuggester::fromJson({QByteArrayLiteral(
        R"({"language":"en","categories":[{"category":"review","patterns":["\\bstars?\\b"]}]})")});
    REQUIRE(custom);
    CHECK(custom->suggest(QStringLiteral("Five stars"), {}).category == Category::Review);
}

TEST_CASE("a new ticket gets its suggested category at ingest; a reply does not change it",
          "[triage][category]")
{
    test::TriageStore s;
    const qint64 t = s.add(QStringLiteral("kim@x.example"), QStringLiteral("환불 문의"),
                           QStringLiteral("환불 부탁드립니다"));
    CHECK(ticket_queries::ticketsByIds(s.r(), {t}).first().category == Category::Refund);
    const qint64 other =
        s.add(QStringLiteral("lee@x.example"), QStringLiteral("Hello"), QStringLiteral("gift cards?"));
    CHECK(ticket_queries::ticketsByIds(s.r(), {other}).first().category == Category::Other);
}
