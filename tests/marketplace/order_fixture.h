#pragma once

#include "coupang_fixture.h"
#include "naver_fixture.h"

namespace casebook::test {

// Korea time `days` ago as Coupang's order sheet writes it: "yyyy-MM-ddTHH:mm:ss".
inline QString kstIsoDaysAgo(int days, int hour = 10)
{
    return kstDaysAgo(days, hour).replace(QLatin1Char(' '), QLatin1Char('T'));
}

// The Coupang shop's order 2000000007 (the one product inquiry 2001 names): ordered 40 days ago, so its
// claims take two windows of 31 days; one return request 5 days ago, one exchange request 35 days ago, and
// a return of another order that must not show. Its shipment box as Coupang's order sheet documents it.
inline QJsonObject coupangOrderConfig()
{
    QJsonObject config = coupangConfig();
    QJsonObject coupang = config.value(QStringLiteral("coupang")).toObject();
    const QJsonObject box{
        {"shipmentBoxId", 102392001LL},
        {"orderId", 2000000007LL},
        {"orderedAt", kstIsoDaysAgo(40, 22)},
        {"orderer", QJsonObject{{"name", QStringLiteral("김*근")}, {"email", "mg*****@co"}, {"safeNumber", "0501-111-2222"}}},
        {"paidAt", kstIsoDaysAgo(40, 22)},
        {"status", "FINAL_DELIVERY"},
        {"shippingPrice", 2500},
        {"receiver", QJsonObject{{"name", QStringLiteral("김*근")}, {"safeNumber", "0501-111-2222"}}},
        {"orderItems",
         QJsonArray{QJsonObject{{"vendorItemPackageId", 0},
                                {"productId", 2429},
                                {"vendorItemId", 3000000177LL},
                                {"vendorItemName", QStringLiteral("린넨 셔츠, 화이트 L")},
                                {"shippingCount", 2},
                                {"salesPrice", 19000},
                                {"orderPrice", 38000},
                                {"sellerProductId", 26758514},
                                {"sellerProductName", QStringLiteral("[달빛] 린넨 셔츠")},
                                {"sellerProductItemName", QStringLiteral("화이트 L")},
                                {"canceled", false}}}},
        {"deliveryCompanyName", QStringLiteral("CJ 대한통운")},
        {"invoiceNumber", "337398446274"},
        {"inTrasitDateTime", kstDaysAgo(38, 19)},
        {"deliveredDate", kstDaysAgo(36, 14)},
        {"refer", QStringLiteral("안드로이드앱")}};
    coupang.insert(QStringLiteral("orders"), QJsonObject{{"2000000007", box}});
    coupang.insert(QStringLiteral("returns"),
                   QJsonArray{QJsonObject{{"receiptId", 365937},
                                          {"orderId", 2000000007LL},
                                          {"receiptType", QStringLiteral("반품")},
                                          {"receiptStatus", "RETURNS_UNCHECKED"},
                                          {"createdAt", kstIsoDaysAgo(5, 13)},
                                          {"cancelReasonCategory1", QStringLiteral("고객변심")},
                                          {"cancelReasonCategory2", QStringLiteral("사이즈 불만")},
                                          {"cancelReason", QStringLiteral("생각보다 커요")}},
                              QJsonObject{{"receiptId", 365999},
                                          {"orderId", 2000000999LL},
                                          {"receiptType", QStringLiteral("반품")},
                                          {"receiptStatus", "RETURNS_COMPLETED"},
                                          {"createdAt", kstIsoDaysAgo(6, 9)}}});
    coupang.insert(QStringLiteral("exchanges"),
                   QJsonArray{QJsonObject{{"exchangeId", 88001},
                                          {"orderId", 2000000007LL},
                                          {"exchangeStatus", "SUCCESS"},
                                          {"reason", QStringLiteral("색상 교환")},
                                          {"createdAt", kstIsoDaysAgo(35, 11)}}});
    config.insert(QStringLiteral("coupang"), coupang);
    return config;
}

// The Naver shop's order 202611200 (customer inquiry 7000's), one product order, delivered, with a return
// requested.
inline QJsonObject naverOrderConfig()
{
    QJsonObject config = naverConfig();
    QJsonObject naver = config.value(QStringLiteral("naver")).toObject();
    const QJsonObject productOrder{
        {"order", QJsonObject{{"orderId", "202611200"},
                              {"orderDate", isoDaysAgo(6)},
                              {"paymentDate", isoDaysAgo(6)},
                              {"ordererName", QStringLiteral("박민수")}}},
        {"productOrder", QJsonObject{{"productOrderId", "2026112010000"},
                                     {"productOrderStatus", "DELIVERED"},
                                     {"claimType", "RETURN"},
                                     {"claimStatus", "RETURN_REQUEST"},
                                     {"productName", QStringLiteral("린넨 셔츠")},
                                     {"productOption", QStringLiteral("색상: 네이비 / 사이즈: M")},
                                     {"quantity", 1},
                                     {"totalPaymentAmount", 29000}}},
        {"delivery", QJsonObject{{"deliveryCompany", "CJGLS"},
                                 {"trackingNumber", "551234098821"},
                                 {"sendDate", isoDaysAgo(5)},
                                 {"deliveredDate", isoDaysAgo(3)},
                                 {"deliveryStatus", "DELIVERY_COMPLETION"}}},
        {"return", QJsonObject{{"claimId", "R-2026-0001"},
                               {"claimStatus", "RETURN_REQUEST"},
                               {"claimRequestDate", isoDaysAgo(1)},
                               {"returnReason", "SIZE_MISMATCH"},
                               {"returnDetailedReason", QStringLiteral("사이즈가 작아요")}}}};
    naver.insert(QStringLiteral("orders"), QJsonObject{{"202611200", QJsonArray{productOrder}}});
    config.insert(QStringLiteral("naver"), naver);
    return config;
}

} // namespace casebook::test
