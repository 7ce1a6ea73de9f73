#include "mail/quoted_reply.h"

#include <catch2/catch.hpp>

using namespace casebook;

// Replies as the mail programs sellers use write them: the seller's words, then the customer's mail quoted.
TEST_CASE("a reply keeps the writer's words and drops the mail it quotes", "[mime][quote]")
{
    SECTION("Gmail in English, attribution on one line")
    {
        CHECK(
            withoutQuotedReply(QStringLiteral("We sent a new plate today.\nTracking 1234.\n\n"
                                              "On Mon, Dec 1, 2026 at 3:00 PM Kim <kim@example.com> wrote:\n"
                                              "> The plate arrived cracked.\n> Refund please.\n")) ==
            QStringLiteral("We sent a new plate today.\nTracking 1234."));
    }
    SECTION("Gmail in English, attribution wrapped over two lines")
    {
        CHECK(withoutQuotedReply(
                  QStringLiteral("Refunded in full.\n\nOn Mon, Dec 1, 2026 at 3:00 PM Minsu Kim "
                                 "<minsu.kim.long.address@example.com>\nwrote:\n\n> Refund please")) ==
              QStringLiteral("Refunded in full."));
    }
    SECTION("Gmail in Korean")
    {
        CHECK(withoutQuotedReply(
                  QStringLiteral("환불 처리해 드렸습니다.\n\n2026년 12월 1일 (월) 오후 3:00, 김민수 "
                                 "<kim@example.com>님이 작성:\n> 접시가 깨져서 왔어요.")) ==
              QStringLiteral("환불 처리해 드렸습니다."));
    }
    SECTION("Outlook and Naver: a marker line above the answered mail")
    {
        CHECK(withoutQuotedReply(QStringLiteral("교환 보내드렸습니다.\n\n-----Original Message-----\nFrom: "
                                                "kim@example.com\n접시가 깨져서 왔어요.")) ==
              QStringLiteral("교환 보내드렸습니다."));
        CHECK(withoutQuotedReply(
                  QStringLiteral("교환 보내드렸습니다.\n-----원본 메시지-----\n보낸 사람: 김민수\n"
                                 "깨졌어요")) == QStringLiteral("교환 보내드렸습니다."));
    }
    SECTION("Outlook: a header block with no marker")
    {
        CHECK(withoutQuotedReply(
                  QStringLiteral("Refund sent.\n\nFrom: Kim <kim@example.com>\nSent: Monday, "
                                 "December 1, 2026 3:00 PM\nTo: shop\nSubject: Cracked\n\nBroken")) ==
              QStringLiteral("Refund sent."));
        CHECK(withoutQuotedReply(
                  QStringLiteral("환불했습니다.\n보낸 사람: 김민수\n보낸 날짜: 2026년 12월 1일\n깨졌어요")) ==
              QStringLiteral("환불했습니다."));
    }
    SECTION("interleaved answers keep every line of the writer's and none quoted")
    {
        CHECK(
            withoutQuotedReply(QStringLiteral("> Is it in stock?\nYes.\n> When will it ship?\nTomorrow.")) ==
            QStringLiteral("Yes.\nTomorrow."));
    }
}

TEST_CASE("text without a quote is kept whole, and an all-quote text is not emptied", "[mime][quote]")
{
    const QString plain =
        QStringLiteral("From our side: refunded.\nOn Monday we ship the rest.\n2026년에 보내드린 "
                       "상품입니다.\nDate: 12월 1일");
    CHECK(withoutQuotedReply(plain) == plain);
    CHECK(withoutQuotedReply(QStringLiteral("  > only a quote\n")) == QStringLiteral("> only a quote"));
    // The writer's line just above a Korean attribution stays theirs.
    CHECK(withoutQuotedReply(
              QStringLiteral("2026년 주문 건 환불했습니다.\n2026년 12월 1일 (월) 오후 3:00, 김 <k@e.com>님이 "
                             "작성:\n> 환불")) == QStringLiteral("2026년 주문 건 환불했습니다."));
}
