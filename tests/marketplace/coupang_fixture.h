#pragma once

#include "accounts/account_store.h"
#include "compose/outbox.h"
#include "connectors/coupang_connector.h"
#include "fake_marketplace.h"
#include "support/test_support.h"

namespace casebook::test {

// A Coupang shop on the fake server: 55 product inquiries in one week (two pages of 50), one answered, one
// about order 2000000007 with HTML entities, one yesterday (in the window every sync walks again); 32
// call-center inquiries in another week (two pages of 30), each with Coupang's agent awaiting the seller, one
// already answered, one transferred two hours ago.
inline QJsonObject coupangConfig()
{
    QJsonArray online;
    for (int i = 0; i < 55; ++i)
        online.append(QJsonObject{{"inquiryId", 1000 + i},
                                  {"productId", 77},
                                  {"vendorItemId", 88},
                                  {"content", QStringLiteral("사이즈 문의 %1").arg(i)},
                                  {"inquiryAt", kstDaysAgo(3, 0, i % 60)},
                                  {"orderIds", QJsonArray{}},
                                  {"commentDtoList", QJsonArray{}}});
    online.append(QJsonObject{{"inquiryId", 2001},
                              {"productId", 77},
                              {"content", QStringLiteral("주문 2000000007 배송이 &lt;언제&gt; 되나요?")},
                              {"inquiryAt", kstDaysAgo(12)},
                              {"orderIds", QJsonArray{2000000007LL}},
                              {"commentDtoList", QJsonArray{}}});
    online.append(QJsonObject{
        {"inquiryId", 2002},
        {"productId", 77},
        {"content", QStringLiteral("재입고 되나요?")},
        {"inquiryAt", kstDaysAgo(20)},
        {"orderIds", QJsonArray{}},
        {"commentDtoList", QJsonArray{QJsonObject{{"inquiryCommentId", 9},
                                                  {"inquiryId", 2002},
                                                  {"content", QStringLiteral("다음 주 입고 예정입니다.")},
                                                  {"inquiryCommentAt", kstDaysAgo(19)},
                                                  {"replyBy", "wing-kim"}}}}});
    online.append(QJsonObject{{"inquiryId", 2004},
                              {"productId", 77},
                              {"content", QStringLiteral("색상 문의")},
                              {"inquiryAt", kstDaysAgo(1)},
                              {"commentDtoList", QJsonArray{}}});
    online.append(QJsonObject{{"inquiryId", 2003},
                              {"content", QStringLiteral("too old")},
                              {"inquiryAt", kstDaysAgo(45)},
                              {"commentDtoList", QJsonArray{}}});
    QJsonArray call;
    for (int i = 0; i < 32; ++i)
        call.append(QJsonObject{
            {"inquiryId", 3000 + i},
            {"inquiryStatus", "progress"},
            {"csPartnerCounselingStatus", "requestAnswer"},
            {"vendorItemId", 88},
            {"itemName", "셔츠"},
            {"content", QStringLiteral("콜센터 문의 %1").arg(i)},
            {"inquiryAt", kstDaysAgo(9, 1, i)},
            {"buyerPhone", "010-****-1234"},
            {"orderId", 3100000000LL + i},
            {"receiptCategory", QStringLiteral("배송")},
            {"replies",
             QJsonArray{QJsonObject{{"answerId", 500 + i},
                                    {"parentAnswerId", 0},
                                    {"partnerTransferStatus", "requestAnswer"},
                                    {"answerType", "csAgent"},
                                    {"needAnswer", true},
                                    {"receptionistName", QStringLiteral("상담사")},
                                    {"replyAt", kstDaysAgo(9, 2, i)},
                                    {"content", QStringLiteral("판매자님 &amp; 확인 부탁드립니다")}}}}});
    call.append(
        QJsonObject{{"inquiryId", 3900},
                    {"inquiryStatus", "complete"},
                    {"csPartnerCounselingStatus", "answered"},
                    {"content", QStringLiteral("교환 문의")},
                    {"inquiryAt", kstDaysAgo(2)},
                    {"orderId", 3200000000LL},
                    {"replies", QJsonArray{QJsonObject{{"answerId", 601},
                                                       {"parentAnswerId", 0},
                                                       {"partnerTransferStatus", "answered"},
                                                       {"answerType", "csAgent"},
                                                       {"replyAt", kstDaysAgo(2, 11)},
                                                       {"content", QStringLiteral("확인 요청")}},
                                           QJsonObject{{"answerId", 602},
                                                       {"parentAnswerId", 601},
                                                       {"partnerTransferStatus", "none"},
                                                       {"answerType", "vendor"},
                                                       {"replyAt", kstDaysAgo(2, 12)},
                                                       {"content", QStringLiteral("교환 접수했습니다")}}}}});
    // Transferred to the seller two hours ago: still confirmable (Coupang closes it 24 hours after).
    const QString transferredAt = kstHoursAgo(2);
    call.append(
        QJsonObject{{"inquiryId", 3950},
                    {"inquiryStatus", "progress"},
                    {"csPartnerCounselingStatus", "requestAnswer"},
                    {"vendorItemId", 88},
                    {"itemName", QStringLiteral("셔츠")},
                    {"content", QStringLiteral("반품 문의 &quot;급함&quot;")},
                    {"inquiryAt", transferredAt},
                    {"orderId", 3300000000LL},
                    {"replies", QJsonArray{QJsonObject{{"answerId", 650},
                                                       {"parentAnswerId", 0},
                                                       {"partnerTransferStatus", "requestAnswer"},
                                                       {"answerType", "csAgent"},
                                                       {"needAnswer", true},
                                                       {"replyAt", transferredAt},
                                                       {"content", QStringLiteral("판매자 확인 필요")}}}}});
    return {{"coupang", QJsonObject{{"vendor_id", "A00012345"},
                                    {"access_key", "ak-test"},
                                    {"secret_key", "sk-test"},
                                    {"wing_user", "wing-kim"},
                                    {"online", online},
                                    {"call", call}}}};
}

struct CoupangShop {
    TempStore store;
    FakeMarketplace server;
    Account account;
    HttpPacing pacing{110, 30, 5, 500};

    explicit CoupangShop(const QJsonObject& config = coupangConfig()) : server(config)
    {
        store.clock.set(QDateTime::currentDateTimeUtc());
        account.name = QStringLiteral("shop");
        account.kind = AccountKind::Coupang;
        account.settings = {{"vendor_id", "A00012345"},
                            {"access_key", "ak-test"},
                            {"wing_user", "wing-kim"},
                            {"base_url", server.baseUrl()},
                            {"secret_command", "printf sk-test"}};
        auto id = AccountStore(*store.db).add(account);
        REQUIRE(id);
        account.id = id.value();
    }
    CoupangConnector connector()
    {
        return CoupangConnector(account, *store.db, QStringLiteral("sk-test"), pacing);
    }
};

} // namespace casebook::test
