// The eBay connector against fake_ebay.py on loopback: the Message API's conversations (paged by 50) and
// messages, post-order inquiries and returns with their respond-by dates, messages out, closed cases refused,
// the access token renewed with the refresh token when eBay refuses it.
#include "ebay_fixture.h"
#include "store/ticket_queries.h"

#include <QUrlQuery>

using namespace casebook;
using namespace casebook::test;

TEST_CASE("eBay sync: conversations over two pages, their messages, inquiries and returns", "[ebay]")
{
    EbayShop shop;
    auto c = shop.connector();
    auto report = c.sync({});
    REQUIRE_OK(report);
    CHECK(shop.server.violations().isEmpty());
    // 60 buyer messages + the seller's answer; 2 inquiries + the closed one's note; 1 return.
    CHECK(report->imported == 61 + 3 + 1);
    const qint64 first = shop.ticketOf(QStringLiteral("ebay:msg:c0:m0"));
    CHECK(shop.ticketOf(QStringLiteral("ebay:msg:c0:m0-answer")) == first);
    CHECK(shop.ticketOf(QStringLiteral("ebay:msg:c59:m59")) != first);
    CHECK(shop.ticketOf(QStringLiteral("ebay:inquiry:5002:state:CLOSED")) ==
          shop.ticketOf(QStringLiteral("ebay:inquiry:5002")));
    CHECK(shop.ticketOf(QStringLiteral("ebay:return:7001")) > 0);
    // The conversation list was read in pages of 50.
    int conversationPages = 0;
    for (const QJsonValue& r : shop.apiRequests())
        if (r[QStringLiteral("path")].toString() == QStringLiteral("/commerce/message/v1/conversation") &&
            QUrlQuery(r[QStringLiteral("query")].toString()).queryItemValue(QStringLiteral("offset")) ==
                QStringLiteral("50"))
            ++conversationPages;
    CHECK(conversationPages >= 1);
    // The open inquiry is due by eBay's respond-by date when that is sooner than the clock: here it is not.
    const auto inquiry = ticket_queries::ticketsByIds(shop.store.db->reader(),
                                                      {shop.ticketOf(QStringLiteral("ebay:inquiry:5001"))});
    REQUIRE(inquiry.size() == 1);
    CHECK(inquiry.first().dueAt.isValid());

    auto again = c.sync({});
    REQUIRE_OK(again);
    CHECK(again->imported == 0);
    CHECK(shop.server.violations().isEmpty());
}

TEST_CASE("eBay answers: a message, an inquiry and a return message; a closed case refused", "[ebay]")
{
    EbayShop shop;
    auto c = shop.connector();
    REQUIRE_OK(c.sync({}));

    const qint64 conversation = shop.ticketOf(QStringLiteral("ebay:msg:c1:m1"));
    auto d1 = c.draftReply(conversation, QStringLiteral("Yes, we have two left."));
    REQUIRE_OK(d1);
    CHECK(sendThroughOutbox(*shop.store.db, c, d1.value()).kind == SendOutcome::Kind::Sent);
    // A conversation takes more messages, as mail does.
    CHECK(c.draftReply(conversation, QStringLiteral("And it ships today.")).ok());

    const qint64 inquiry = shop.ticketOf(QStringLiteral("ebay:inquiry:5001"));
    auto d2 = c.draftReply(inquiry, QStringLiteral("Tracking shows delivery tomorrow."));
    REQUIRE_OK(d2);
    CHECK(sendThroughOutbox(*shop.store.db, c, d2.value()).kind == SendOutcome::Kind::Sent);
    const qint64 ret = shop.ticketOf(QStringLiteral("ebay:return:7001"));
    auto d3 = c.draftReply(ret, QStringLiteral("Sorry, please send it back; the label is attached in eBay."));
    REQUIRE_OK(d3);
    CHECK(sendThroughOutbox(*shop.store.db, c, d3.value()).kind == SendOutcome::Kind::Sent);

    CHECK(shop.ticketOf(QStringLiteral("ebay:inquiry:5002")) != inquiry);
    // Closed at eBay, as the last sync saw: refused here.
    auto closed = c.draftReply(shop.ticketOf(QStringLiteral("ebay:inquiry:5002")), QStringLiteral("Hello"));
    REQUIRE_FALSE(closed);
    CHECK(closed.error().code == ErrorCode::Conflict);
    // Closed after the sync: eBay refuses and the outbox item fails with eBay's words.
    shop.server.control(QStringLiteral("update"),
                        {{"list", "returns"}, {"id", "7001"}, {"fields", QJsonObject{{"state", "CLOSED"}}}});
    auto d4 = c.draftReply(ret, QStringLiteral("Any news?"));
    REQUIRE_OK(d4);
    const SendOutcome late = sendThroughOutbox(*shop.store.db, c, d4.value());
    CHECK(late.kind == SendOutcome::Kind::Failed);
    CHECK(late.serverWords.contains(QStringLiteral("closed")));
    // The next sync sees it closed (its note is all that is new: the message sent to c1, listed back by
    // eBay under its own id, is the one the outbox stored): refused before sending.
    auto seen = c.sync({});
    REQUIRE_OK(seen);
    CHECK(seen->imported == 1);
    CHECK(shop.ticketOf(QStringLiteral("ebay:msg:c1:m90000")) == conversation);
    CHECK_FALSE(c.draftReply(ret, QStringLiteral("Again")));

    const QJsonArray posted = shop.server.posted();
    REQUIRE(posted.size() == 3);
    CHECK(posted[0][QStringLiteral("path")].toString() ==
          QStringLiteral("/commerce/message/v1/send_message"));
    CHECK(posted[0][QStringLiteral("body")].toObject() ==
          QJsonObject{{"conversationId", "c1"}, {"messageText", QStringLiteral("Yes, we have two left.")}});
    CHECK(posted[1][QStringLiteral("path")].toString() ==
          QStringLiteral("/post-order/v2/inquiry/5001/send_message"));
    CHECK(posted[1][QStringLiteral("body")].toObject() ==
          QJsonObject{
              {"message", QJsonObject{{"content", QStringLiteral("Tracking shows delivery tomorrow.")}}}});
    CHECK(posted[2][QStringLiteral("path")].toString() ==
          QStringLiteral("/post-order/v2/return/7001/send_message"));
    CHECK(shop.server.violations().isEmpty());
}

TEST_CASE("eBay backs off on 429 and goes on; a refused refresh token stops the sync", "[ebay]")
{
    EbayShop shop;
    auto c = shop.connector();
    shop.server.control(QStringLiteral("inject"), {{"status", 429}, {"count", 2}});
    REQUIRE_OK(c.sync({}));
    const QJsonArray requests = shop.apiRequests();
    REQUIRE(requests.size() >= 3);
    CHECK(requests[0][QStringLiteral("status")].toInt() == 429);
    CHECK(requests[1][QStringLiteral("status")].toInt() == 429);
    CHECK(requests[2][QStringLiteral("status")].toInt() == 200);
    CHECK(requests[2][QStringLiteral("at")].toDouble() - requests[0][QStringLiteral("at")].toDouble() >= 0.4);
    CHECK(shop.server.violations().isEmpty());

    // A refresh token eBay does not know (revoked, or past its 18 months): no call is made without a token.
    auto wrong = shop.connector(kEbayClientSecret + QStringLiteral(" v^1.1#revoked"));
    const int before = shop.apiRequests().size();
    auto refused = wrong.sync({});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Refused);
    CHECK(refused.error().message.contains(QStringLiteral("invalid_grant")));
    CHECK(shop.apiRequests().size() == before);
}

TEST_CASE("eBay: an expired access token is renewed once with the refresh token and the call made again",
          "[ebay]")
{
    EbayShop shop;
    auto c = shop.connector();
    REQUIRE_OK(c.sync({}));
    // One token served the whole sync: it is cached, not asked for per call.
    CHECK(shop.tokensMinted() == 1);

    // Two hours later eBay refuses it; the connector mints a new one and goes on.
    shop.server.control(QStringLiteral("expire"));
    const int before = shop.apiRequests().size();
    REQUIRE_OK(c.sync({}));
    CHECK(shop.tokensMinted() == 2);
    const QJsonArray after = shop.apiRequests();
    REQUIRE(after.size() > before + 1);
    CHECK(after[before][QStringLiteral("status")].toInt() == 401);
    CHECK(after[before + 1][QStringLiteral("path")] == after[before][QStringLiteral("path")]);
    CHECK(after[before + 1][QStringLiteral("status")].toInt() == 200);
    int refused = 0;
    for (qsizetype i = before; i < after.size(); ++i)
        refused += after[i][QStringLiteral("status")].toInt() == 401;
    CHECK(refused == 1);

    // A message out after the token expired again: renewed the same way, sent once.
    shop.server.control(QStringLiteral("expire"));
    auto d = c.draftReply(shop.ticketOf(QStringLiteral("ebay:msg:c2:m2")), QStringLiteral("Yes, two left."));
    REQUIRE_OK(d);
    CHECK(sendThroughOutbox(*shop.store.db, c, d.value()).kind == SendOutcome::Kind::Sent);
    CHECK(shop.tokensMinted() == 3);
    CHECK(shop.server.posted().size() == 1);
    CHECK(shop.server.violations().isEmpty());
}
