#include "accounts/account_store.h"
#include "compose/outbox.h"
#include "connectors/naver_connector.h"
#include "naver_fixture.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <QThread>

using namespace casebook;
using namespace casebook::test;

TEST_CASE("Naver client_secret_sign is Base64 of bcrypt with the secret as salt", "[naver]")
{
    auto sign = naverClientSecretSign(QStringLiteral("naver-client"), 1700000000000LL, kNaverSecret);
    REQUIRE(sign);
    // Computed with Python's crypt module.
    CHECK(sign.value() ==
          QByteArray("JDJhJDA0JGFiY2RlZmdoaWprbG1ub3BxcnN0dXVqUWdhWlJFVUR6bjdLQmVFcFVLdUUvajZvT2J1ZDJp"));
    CHECK_FALSE(naverClientSecretSign(QStringLiteral("x"), 1, QStringLiteral("not-a-salt")));
}

TEST_CASE("Naver sync: product Q&A over two pages and customer inquiries, one token", "[naver]")
{
    NaverShop shop;
    auto c = shop.connector();
    auto report = c.sync({});
    REQUIRE(report);
    CHECK(shop.server.violations().isEmpty());
    CHECK(report->imported == 120 + 1 + 3 + 1);
    CHECK(shop.ticketOf(QStringLiteral("naver:qna:400119")) > 0);
    CHECK(shop.ticketOf(QStringLiteral("naver:qna:400000:answer:1")) ==
          shop.ticketOf(QStringLiteral("naver:qna:400000")));
    CHECK(shop.ticketOf(QStringLiteral("naver:inquiry:7000:answer:8800")) ==
          shop.ticketOf(QStringLiteral("naver:inquiry:7000")));
    bool page2 = false;
    for (const QJsonValue& r : shop.server.state().value(QStringLiteral("requests")).toArray())
        page2 = page2 || (r[QStringLiteral("path")].toString() == QStringLiteral("/v1/contents/qnas") &&
                          r[QStringLiteral("query")].toString().contains(QStringLiteral("page=2")));
    CHECK(page2);
    auto again = c.sync({});
    REQUIRE(again);
    CHECK(again->imported == 0);
    CHECK(shop.tokenRequests() == 1); // cached across both lists and both syncs

    // A token the gateway dropped early is renewed once, and the sync goes on.
    shop.server.control(QStringLiteral("revoke"));
    REQUIRE_OK(c.sync({}));
    CHECK(shop.tokenRequests() == 2);
    CHECK(shop.server.violations().isEmpty());
}

TEST_CASE("Naver token renewed when near its expiry", "[naver]")
{
    NaverShop shop(naverConfig(NaverTokenSource::kRenewBeforeSecs + 5));
    auto c = shop.connector();
    REQUIRE_OK(c.sync({}));
    CHECK(shop.tokenRequests() == 1);
    QThread::msleep(5500);
    REQUIRE_OK(c.sync({}));
    CHECK(shop.tokenRequests() == 2);
    CHECK(shop.server.violations().isEmpty());
}

TEST_CASE("Naver answers: Q&A PUT, inquiry POST and edit PUT, ERR-NC-101010, no second answer", "[naver]")
{
    NaverShop shop;
    auto c = shop.connector();
    REQUIRE_OK(c.sync({}));

    const qint64 qna = shop.ticketOf(QStringLiteral("naver:qna:400005"));
    auto d1 = c.draftReply(qna, QStringLiteral("이틀 걸립니다."));
    REQUIRE(d1);
    CHECK(shop.sendDraft(c, d1.value()).kind == SendOutcome::Kind::Sent);
    auto refused = c.draftReply(qna, QStringLiteral("다시"));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("already answered")));

    const qint64 inquiry = shop.ticketOf(QStringLiteral("naver:inquiry:7001"));
    auto d2 = c.draftReply(inquiry, QStringLiteral("오늘 발송합니다."));
    REQUIRE(d2);
    CHECK(shop.sendDraft(c, d2.value()).kind == SendOutcome::Kind::Sent);

    // Answered in the SmartStore center after our sync: Naver refuses ours with ERR-NC-101010.
    const qint64 other = shop.ticketOf(QStringLiteral("naver:inquiry:7002"));
    shop.server.control(QStringLiteral("answer-naver-inquiry"),
                        {{"inquiryNo", 7002}, {"text", QStringLiteral("센터 답변")}});
    auto d3 = c.draftReply(other, QStringLiteral("내일 도착 예정입니다."));
    REQUIRE(d3);
    const SendOutcome late = shop.sendDraft(c, d3.value());
    CHECK(late.kind == SendOutcome::Kind::Failed);
    CHECK(late.serverWords.contains(QStringLiteral("ERR-NC-101010")));
    CHECK(late.serverWords.contains(QStringLiteral("already answered")));

    // The answer given before Casebook: edited with PUT …/answer/8800.
    const qint64 answered = shop.ticketOf(QStringLiteral("naver:inquiry:7000"));
    CHECK_FALSE(c.draftReply(answered, QStringLiteral("새 답변")));
    auto edit = c.draftEdit(answered, QStringLiteral("모레 도착합니다."));
    REQUIRE(edit);
    CHECK(shop.sendDraft(c, edit.value()).kind == SendOutcome::Kind::Sent);

    const QJsonArray posted = shop.server.posted();
    REQUIRE(posted.size() == 3);
    CHECK(posted[0][QStringLiteral("method")].toString() == QStringLiteral("PUT"));
    CHECK(posted[0][QStringLiteral("path")].toString() == QStringLiteral("/v1/contents/qnas/400005"));
    CHECK(posted[0][QStringLiteral("body")].toObject() ==
          QJsonObject{{"commentContent", QStringLiteral("이틀 걸립니다.")}});
    CHECK(posted[1][QStringLiteral("method")].toString() == QStringLiteral("POST"));
    CHECK(posted[1][QStringLiteral("path")].toString() ==
          QStringLiteral("/v1/pay-merchant/inquiries/7001/answer"));
    CHECK(posted[1][QStringLiteral("body")].toObject() ==
          QJsonObject{{"answerComment", QStringLiteral("오늘 발송합니다.")}});
    CHECK(posted[2][QStringLiteral("method")].toString() == QStringLiteral("PUT"));
    CHECK(posted[2][QStringLiteral("path")].toString() ==
          QStringLiteral("/v1/pay-merchant/inquiries/7000/answer/8800"));
    CHECK(shop.server.violations().isEmpty());

    // The next sync lists the sent answers again: they are not doubled; the center's answer joins its ticket.
    const int before = ticket_queries::stats(shop.store.db->reader()).messages;
    REQUIRE_OK(c.sync({}));
    CHECK(ticket_queries::stats(shop.store.db->reader()).messages == before + 1);
    CHECK(shop.ticketOf(QStringLiteral("naver:inquiry:7002:answer:9001")) == other);
}
