#include "sources/marketplace_items.h"

#include <catch2/catch.hpp>

using namespace casebook;

TEST_CASE("Coupang product inquiries: question, answers, orders and Korea time", "[sources]")
{
    const QByteArray json = R"({"code":"200","message":"OK","data":{"content":[
      {"inquiryId":99887766,"productId":1,"content":"사이즈 &lt;L&gt; 있나요?","inquiryAt":"2026-03-05 14:22:10",
       "orderIds":[27000123456],"buyerEmail":"kim***@naver.com",
       "commentDtoList":[{"inquiryCommentId":5,"inquiryId":99887766,"content":"네, 있습니다.",
                          "inquiryCommentAt":"2026-03-05 15:00:00","replyBy":"dalbitshop"}]},
      {"productId":2,"content":"no id"}],
      "pagination":{"currentPage":1,"totalPages":3,"totalElements":41,"countPerPage":20}}})";
    const MarketplaceBatch b = parseCoupangOnlineInquiries(json, QStringLiteral("shop"));
    CHECK(b.totalPages == 3);
    REQUIRE(b.messages.size() == 2);
    CHECK(b.problems.size() == 1);
    const InboundMessage& q = b.messages[0];
    CHECK(q.externalId == QStringLiteral("coupang:online:99887766"));
    CHECK(q.channel == Channel::Coupang);
    CHECK(q.direction == Direction::In);
    CHECK(q.text == QStringLiteral("사이즈 <L> 있나요?"));
    CHECK(q.date == QDateTime(QDate(2026, 3, 5), QTime(5, 22, 10), QTimeZone::utc()));
    CHECK(q.orderNumbers == QStringList{QStringLiteral("27000123456")});
    const InboundMessage& a = b.messages[1];
    CHECK(a.direction == Direction::Out);
    CHECK(a.threadKey == q.threadKey);
    CHECK(a.text == QStringLiteral("네, 있습니다."));
}

TEST_CASE("a Coupang answer that is not 200 is a problem, not messages", "[sources]")
{
    const MarketplaceBatch b =
        parseCoupangOnlineInquiries(R"({"code":400,"message":"bad window"})", QStringLiteral("shop"));
    CHECK(b.messages.isEmpty());
    REQUIRE(b.problems.size() == 1);
    CHECK(b.problems[0].contains(QStringLiteral("bad window")));
    CHECK_FALSE(parseCoupangOnlineInquiries("\xEF\xBB\xBF{not json", QStringLiteral("shop")).problems.isEmpty());
}

TEST_CASE("Naver customer inquiries carry their order numbers and answers", "[sources]")
{
    const QByteArray json = R"({"content":[{"inquiryNo":5550001,"category":"배송","title":"언제 와요",
      "inquiryContent":"아직 안 왔어요","inquiryRegistrationDateTime":"2026-03-07T09:30:00.000+09:00",
      "answered":true,"answerContentId":77,"answerContent":"확인 후 안내드리겠습니다.","orderId":"2026030700001111",
      "productOrderIdList":"2026030700001112,2026030700001113","customerName":"김*수","customerId":"abc****"}],
      "totalPages":1,"first":true,"last":true})";
    const MarketplaceBatch b = parseNaverInquiries(json, QStringLiteral("naver"));
    REQUIRE(b.messages.size() == 2);
    const InboundMessage& q = b.messages[0];
    CHECK(q.externalId == QStringLiteral("naver:inquiry:5550001"));
    CHECK(q.date == QDateTime(QDate(2026, 3, 7), QTime(0, 30), QTimeZone::utc()));
    CHECK(q.orderNumbers.contains(QStringLiteral("2026030700001111")));
    CHECK(q.orderNumbers.contains(QStringLiteral("2026030700001113")));
    // A masked id names nobody: this buyer is only this inquiry.
    CHECK(q.customer.value == QStringLiteral("naver:inquiry:5550001"));
    CHECK(b.messages[1].direction == Direction::Out);
}
