// The eBay connector against fake_ebay.py on loopback: the Message API's conversations (paged by 50) and
// messages, post-order inquiries and returns with their respond-by dates, messages out, closed cases refused.
#include "accounts/account_store.h"
#include "connectors/ebay_connector.h"
#include "ebay_fixture.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <QUrlQuery>

using namespace casebook;
using namespace casebook::test;

namespace {

struct EbayShop {
    TempStore store;
    FakeMarketplace server;
    Account account;

    EbayShop() : server(ebayConfig(), QStringLiteral(CASEBOOK_FAKE_EBAY))
    {
        store.clock.set(QDateTime::currentDateTimeUtc());
        account.name = QStringLiteral("bay");
        account.kind = AccountKind::Ebay;
        account.settings = {{"username", kEbaySeller}, {"base_url", server.baseUrl()}, {"horizon_days", 10}};
        auto id = AccountStore(*store.db).add(account);
        REQUIRE(id);
        account.id = id.value();
    }
    EbayConnector connector() { return EbayConnector(account, *store.db, kEbayToken, HttpPacing{20, 150, 3, 500}); }
    qint64 ticketOf(const QString& externalId) { return ticketOfExternal(*store.db, externalId); }
    SendOutcome sendDraft(EbayConnector& c, const OutboxDraft& d) { return sendThroughOutbox(*store.db, c, d); }
    QJsonArray requests() { return server.state().value(QStringLiteral("requests")).toArray(); }
};

} // namespace

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
    for (const QJsonValue& r : shop.requests())
        if (r[QStringLiteral("path")].toString() == QStringLiteral("/commerce/message/v1/conversation") &&
            QUrlQuery(r[QStringLiteral("query")].toString()).queryItemValue(QStringLiteral("offset")) ==
                QStringLiteral("50"))
            ++conversationPages;
    CHECK(conversationPages >= 1);
    // The open inquiry is due by eBay's respond-by date when that is sooner than the clock: here it is not.
    const auto inquiry =
        ticket_queries::ticketsByIds(shop.store.db->reader(), {shop.ticketOf(QStringLiteral("ebay:inquiry:5001"))});
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
    CHECK(shop.sendDraft(c, d1.value()).kind == SendOutcome::Kind::Sent);
    // A conversation takes more messages, as mail does.
    CHECK(c.draftReply(conversation, QStringLiteral("And it ships today.")).ok());

    const qint64 inquiry = shop.ticketOf(QStringLiteral("ebay:inquiry:5001"));
    auto d2 = c.draftReply(inquiry, QStringLiteral("Tracking shows delivery tomorrow."));
    REQUIRE_OK(d2);
    CHECK(shop.sendDraft(c, d2.value()).kind == SendOutcome::Kind::Sent);
    const qint64 ret = shop.ticketOf(QStringLiteral("ebay:return:7001"));
    auto d3 = c.draftReply(ret, QStringLiteral("Sorry, please send it back; the label is attached in eBay."));
    REQUIRE_OK(d3);
    CHECK(shop.sendDraft(c, d3.value()).kind == SendOutcome::Kind::Sent);

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
    const SendOutcome late = shop.sendDraft(c, d4.value());
    CHECK(late.kind == SendOutcome::Kind::Failed);
    CHECK(late.serverWords.contains(QStringLiteral("closed")));
    // The next sync sees it closed: refused before sending.
    REQUIRE_OK(c.sync({}));
    CHECK_FALSE(c.draftReply(ret, QStringLiteral("Again")));

    const QJsonArray posted = shop.server.posted();
    REQUIRE(posted.size() == 3);
    CHECK(posted[0][QStringLiteral("path")].toString() == QStringLiteral("/commerce/message/v1/send_message"));
    CHECK(posted[0][QStringLiteral("body")].toObject() ==
          QJsonObject{{"conversationId", "c1"}, {"messageText", QStringLiteral("Yes, we have two left.")}});
    CHECK(posted[1][QStringLiteral("path")].toString() == QStringLiteral("/post-order/v2/inquiry/5001/send_message"));
    CHECK(posted[1][QStringLiteral("body")].toObject() ==
          QJsonObject{{"message", QJsonObject{{"content", QStringLiteral("Tracking shows delivery tomorrow.")}}}});
    CHECK(posted[2][QStringLiteral("path")].toString() == QStringLiteral("/post-order/v2/return/7001/send_message"));
    CHECK(shop.server.violations().isEmpty());
}

TEST_CASE("eBay backs off on 429 and goes on; a wrong token is refused", "[ebay]")
{
    EbayShop shop;
    auto c = shop.connector();
    shop.server.control(QStringLiteral("inject"), {{"status", 429}, {"count", 2}});
    REQUIRE_OK(c.sync({}));
    const QJsonArray requests = shop.requests();
    REQUIRE(requests.size() >= 3);
    CHECK(requests[0][QStringLiteral("status")].toInt() == 429);
    CHECK(requests[1][QStringLiteral("status")].toInt() == 429);
    CHECK(requests[2][QStringLiteral("status")].toInt() == 200);
    CHECK(requests[2][QStringLiteral("at")].toDouble() - requests[0][QStringLiteral("at")].toDouble() >= 0.4);
    CHECK(shop.server.violations().isEmpty());

    EbayConnector wrong(shop.account, *shop.store.db, QStringLiteral("expired"), HttpPacing{0, 1, 2, 10});
    auto refused = wrong.sync({});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Refused);
    CHECK(refused.error().message.contains(QStringLiteral("Invalid access token")));
}
