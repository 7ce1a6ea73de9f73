#pragma once

#include "fake_marketplace.h"

namespace casebook::test {

inline const QString kEbayToken = QStringLiteral("v^1.1#i^1#user-token");
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
        conversations.append(QJsonObject{{"conversationId", QStringLiteral("c%1").arg(i)},
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
        {"creationInfo", QJsonObject{{"item", QJsonObject{{"itemId", "110099887766"}}},
                                     {"reason", "NOT_AS_DESCRIBED"},
                                     {"comments", QJsonObject{{"content", QStringLiteral("The colour is wrong.")}}},
                                     {"creationDate", QJsonObject{{"value", ebayTime(1)}}}}},
        {"sellerResponseDue", QJsonObject{{"respondByDate", QJsonObject{{"value", ebayTime(-1)}}}}}}};
    return {{"ebay", QJsonObject{{"token", kEbayToken},
                                 {"seller", kEbaySeller},
                                 {"conversations", conversations},
                                 {"inquiries", inquiries},
                                 {"returns", returns}}}};
}

} // namespace casebook::test
