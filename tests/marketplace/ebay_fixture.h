#pragma once

#include "accounts/account_store.h"
#include "connectors/ebay_connector.h"
#include "fake_marketplace.h"
#include "support/test_support.h"

namespace casebook::test {

// The application's keys and the seller's refresh token: the fake mints access tokens from them.
inline const QString kEbayClientId = QStringLiteral("SeoulSho-casebook-PRD-1a2b3c4d5-6e7f8a9b");
inline const QString kEbayClientSecret = QStringLiteral("PRD-1a2b3c4d5e6f-7a8b-9c0d-1e2f-3a4b");
inline const QString kEbayRefreshToken = QStringLiteral("v^1.1#i^1#r^1#p^3#I^3#f^0#t^refresh-seoul");
// The account's secret as the seller enters it: the client secret, a space, the refresh token.
inline const QString kEbaySecret = kEbayClientSecret + QLatin1Char(' ') + kEbayRefreshToken;
inline const QString kEbaySeller = QStringLiteral("seoul_shop");

// ISO time in UTC, `days` ago (and `minutes` later).
inline QString ebayTime(int days, int minutes = 0)
{
    return QDateTime::currentDateTimeUtc()
        .addDays(-days)
        .addSecs(minutes * 60)
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

// 60 conversations three days ago (two pages of 50), the first with the seller's answer; an open
// item-not-received inquiry due in two days (5001), a closed one (5002); an open return with the buyer's
// words (7001).
inline QJsonObject ebayConfig()
{
    QJsonArray conversations;
    for (int i = 0; i < 60; ++i) {
        const QString buyer = QStringLiteral("buyer_%1").arg(i);
        QJsonArray messages{QJsonObject{{"messageId", QStringLiteral("m%1").arg(i)},
                                        {"senderUsername", buyer},
                                        {"recipientUsername", kEbaySeller},
                                        {"messageBody", QStringLiteral("Is this still available? %1").arg(i)},
                                        {"createdDate", ebayTime(3)},
                                        {"subject", QStringLiteral("Question about item %1").arg(i)},
                                        {"readStatus", false}}};
        if (i == 0)
            messages.append(QJsonObject{{"messageId", "m0-answer"},
                                        {"senderUsername", kEbaySeller},
                                        {"recipientUsername", buyer},
                                        {"messageBody", QStringLiteral("Yes, it is.")},
                                        {"createdDate", ebayTime(3, 30)},
                                        {"subject", QStringLiteral("Re: Question about item 0")},
                                        {"readStatus", true}});
        conversations.append(
            QJsonObject{{"conversationId", QStringLiteral("c%1").arg(i)},
                        {"conversationTitle", QStringLiteral("Question about item %1").arg(i)},
                        {"conversationType", "FROM_MEMBERS"},
                        {"conversationStatus", "ACTIVE"},
                        {"createdDate", ebayTime(3)},
                        {"messages", messages}});
    }
    auto inquiry = [](const QString& id, const char* status) {
        return QJsonObject{{"inquiryId", id},
                           {"itemId", QStringLiteral("1100123%1").arg(id)},
                           {"transactionId", QStringLiteral("2700011%1").arg(id)},
                           {"buyer", QStringLiteral("inr_buyer_%1").arg(id)},
                           {"inquiryStatusEnum", status},
                           {"creationDate", QJsonObject{{"value", ebayTime(2)}}},
                           {"lastModifiedDate", QJsonObject{{"value", ebayTime(1)}}},
                           {"respondByDate", QJsonObject{{"value", ebayTime(-2)}}},
                           {"claimAmount", QJsonObject{{"value", 24.5}, {"currency", "USD"}}}};
    };
    const QJsonArray inquiries{inquiry(QStringLiteral("5001"), "WAITING_SELLER_RESPONSE"),
                               inquiry(QStringLiteral("5002"), "CLOSED")};
    const QJsonArray returns{QJsonObject{
        {"returnId", "7001"},
        {"orderId", "12-34567-89012"},
        {"buyerLoginName", "return_buyer"},
        {"state", "RETURN_REQUESTED"},
        {"status", "WAITING_FOR_RETURN_SHIPMENT"},
        {"creationInfo",
         QJsonObject{{"item", QJsonObject{{"itemId", "110099887766"}}},
                     {"reason", "NOT_AS_DESCRIBED"},
                     {"comments", QJsonObject{{"content", QStringLiteral("The colour is wrong.")}}},
                     {"creationDate", QJsonObject{{"value", ebayTime(1)}}}}},
        {"sellerResponseDue", QJsonObject{{"respondByDate", QJsonObject{{"value", ebayTime(-1)}}}}}}};
    return {{"ebay", QJsonObject{{"client_id", kEbayClientId},
                                 {"client_secret", kEbayClientSecret},
                                 {"refresh_token", kEbayRefreshToken},
                                 {"seller", kEbaySeller},
                                 {"conversations", conversations},
                                 {"inquiries", inquiries},
                                 {"returns", returns}}}};
}

// A seller's eBay account on the fake server, its secret given by a command (as the window reads it).
struct EbayShop {
    TempStore store;
    FakeMarketplace server;
    Account account;

    EbayShop() : server(ebayConfig(), QStringLiteral(CASEBOOK_FAKE_EBAY))
    {
        store.clock.set(QDateTime::currentDateTimeUtc());
        account.name = QStringLiteral("bay");
        account.kind = AccountKind::Ebay;
        account.settings = {{"username", kEbaySeller},
                            {"client_id", kEbayClientId},
                            {"base_url", server.baseUrl()},
                            {"horizon_days", 10},
                            {"secret_command", QStringLiteral("printf '%1'").arg(kEbaySecret)}};
        auto id = AccountStore(*store.db).add(account);
        REQUIRE(id);
        account.id = id.value();
    }
    EbayConnector connector(const QString& secret = kEbaySecret)
    {
        auto credentials = ebayCredentials(kEbayClientId, secret);
        REQUIRE(credentials);
        return EbayConnector(account, *store.db, credentials.value(), HttpPacing{20, 150, 3, 500});
    }
    qint64 ticketOf(const QString& externalId) { return ticketOfExternal(*store.db, externalId); }
    // The fake's record of the API's calls, the token requests left out.
    QJsonArray apiRequests()
    {
        QJsonArray out;
        for (const QJsonValue& r : server.state().value(QStringLiteral("requests")).toArray())
            if (!r[QStringLiteral("path")].toString().startsWith(QStringLiteral("/identity/")))
                out.append(r);
        return out;
    }
    int tokensMinted() { return server.state().value(QStringLiteral("minted")).toInt(); }
};

} // namespace casebook::test
