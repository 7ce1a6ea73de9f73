#pragma once

#include "accounts/account_store.h"
#include "compose/outbox.h"
#include "connectors/naver_connector.h"
#include "fake_marketplace.h"
#include "support/test_support.h"

namespace casebook::test {

inline const QString kNaverSecret = QStringLiteral("$2a$04$abcdefghijklmnopqrstuu");

inline QString isoDaysAgo(int days)
{
    return QDateTime::fromString(kstDaysAgo(days), QStringLiteral("yyyy-MM-dd HH:mm:ss"))
               .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz")) +
           QStringLiteral("+09:00");
}

// 120 product questions in one week (two pages of 100), one answered; three customer inquiries, one answered.
inline QJsonObject naverConfig(int expiresIn = 10800)
{
    QJsonArray qnas;
    for (int i = 0; i < 120; ++i)
        qnas.append(QJsonObject{{"questionId", 400000 + i},
                                {"createDate", isoDaysAgo(4)},
                                {"question", QStringLiteral("배송 얼마나 걸려요? %1").arg(i)},
                                {"answered", i == 0},
                                {"answer", i == 0 ? QStringLiteral("2일 걸립니다.") : QString()},
                                {"productId", 5},
                                {"productName", QStringLiteral("린넨 셔츠")},
                                {"maskedWriterId", "kim****"}});
    QJsonArray inquiries;
    for (int i = 0; i < 3; ++i)
        inquiries.append(
            QJsonObject{{"inquiryNo", 7000 + i},
                        {"category", QStringLiteral("배송")},
                        {"title", QStringLiteral("언제 와요 %1").arg(i)},
                        {"inquiryContent", QStringLiteral("주문한 셔츠 언제 오나요? %1").arg(i)},
                        {"inquiryRegistrationDateTime", isoDaysAgo(1)},
                        {"answered", i == 0},
                        {"answerContentId", i == 0 ? 8800 : 0},
                        {"answerContent", i == 0 ? QStringLiteral("내일 도착합니다.") : QString()},
                        {"orderId", QStringLiteral("20261120%1").arg(i)},
                        {"productOrderIdList", QStringLiteral("202611201000%1").arg(i)},
                        {"customerId", QStringLiteral("buyer%1").arg(i)},
                        {"customerName", QStringLiteral("박민수")}});
    return {{"naver", QJsonObject{{"client_id", "naver-client"},
                                  {"client_secret", kNaverSecret},
                                  {"expires_in", expiresIn},
                                  {"qnas", qnas},
                                  {"inquiries", inquiries}}}};
}

// A Naver shop on the fake server, account "smart".
struct NaverShop {
    TempStore store;
    FakeMarketplace server;
    Account account;

    explicit NaverShop(const QJsonObject& config = naverConfig()) : server(config)
    {
        store.clock.set(QDateTime::currentDateTimeUtc());
        account.name = QStringLiteral("smart");
        account.kind = AccountKind::Naver;
        account.settings = {{"client_id", "naver-client"}, {"base_url", server.baseUrl()}};
        auto id = AccountStore(*store.db).add(account);
        REQUIRE(id);
        account.id = id.value();
    }
    NaverConnector connector()
    {
        return NaverConnector(account, *store.db, kNaverSecret, HttpPacing{20, 30, 4, 500});
    }
    int tokenRequests() { return server.state().value(QStringLiteral("token_requests")).toInt(); }
    qint64 ticketOf(const QString& externalId) { return ticketOfExternal(*store.db, externalId); }
    SendOutcome sendDraft(NaverConnector& c, const OutboxDraft& d)
    {
        Outbox outbox(*store.db);
        auto id = outbox.enqueue(d);
        REQUIRE(id);
        auto claimed = outbox.claimNext();
        REQUIRE(claimed);
        REQUIRE(claimed->has_value());
        const SendOutcome outcome = c.send(**claimed);
        REQUIRE(outbox.complete((*claimed)->id, outcome));
        return outcome;
    }
};

} // namespace casebook::test
