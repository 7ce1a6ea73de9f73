#include "sources/order_sheets.h"

#include "model/carriers.h"
#include "sources/marketplace_json.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace casebook {
namespace {

using marketplace_json::idText;
using marketplace_json::isoTime;
using marketplace_json::koreaTime;

Result<QJsonObject> rootOf(const QByteArray& json, const char* what)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::Damaged, QStringLiteral("The %1 answer is not a JSON object: %2")
                                                 .arg(QLatin1String(what), error.errorString()));
    return doc.object();
}

// `data` as a list: Coupang gives one object or a list, depending on the API's version.
QJsonArray listOf(const QJsonValue& data)
{
    if (data.isArray())
        return data.toArray();
    if (data.isObject())
        return QJsonArray{data};
    return {};
}

Result<ClaimPage> coupangClaims(const QByteArray& json, OrderClaim::Kind kind)
{
    auto root = rootOf(json, kind == OrderClaim::Kind::Return ? "return request" : "exchange request");
    if (!root)
        return root.error();
    ClaimPage page;
    page.nextToken = root->value(QStringLiteral("nextToken")).toString();
    for (const QJsonValue& v : listOf(root->value(QStringLiteral("data")))) {
        const QJsonObject c = v.toObject();
        OrderClaim claim;
        claim.kind = kind;
        if (kind == OrderClaim::Kind::Return) {
            claim.id = idText(c.value(QStringLiteral("receiptId")));
            claim.state = c.value(QStringLiteral("receiptStatus")).toString();
            claim.stateText = c.value(QStringLiteral("receiptType")).toString();
            QStringList reason;
            for (const char* key : {"cancelReasonCategory1", "cancelReasonCategory2", "cancelReason"})
                if (const QString r = c.value(QLatin1String(key)).toString().trimmed(); !r.isEmpty())
                    reason << r;
            claim.reason = reason.join(QStringLiteral(" · "));
        } else {
            claim.id = idText(c.value(QStringLiteral("exchangeId")));
            claim.state = c.value(QStringLiteral("exchangeStatus")).toString();
            claim.reason = c.value(QStringLiteral("reason")).toString().trimmed();
        }
        claim.requestedAt = koreaTime(c.value(QStringLiteral("createdAt")).toString());
        if (!claim.id.isEmpty())
            page.claims << claim;
    }
    return page;
}

} // namespace

Result<Order> parseCoupangOrderSheet(const QByteArray& json)
{
    auto root = rootOf(json, "order sheet");
    if (!root)
        return root.error();
    const QJsonArray boxes = listOf(root->value(QStringLiteral("data")));
    if (boxes.isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("Coupang lists no order sheet for this order."));
    Order order;
    order.channel = Channel::Coupang;
    for (const QJsonValue& v : boxes) {
        const QJsonObject box = v.toObject();
        if (order.orderId.isEmpty())
            order.orderId = idText(box.value(QStringLiteral("orderId")));
        if (!order.orderedAt.isValid())
            order.orderedAt = koreaTime(box.value(QStringLiteral("orderedAt")).toString());
        if (order.status.isEmpty())
            order.status = box.value(QStringLiteral("status")).toString();
        // The box that shipped names the carrier and the tracking number ("inTrasitDateTime" [sic]).
        if (order.trackingNumber.isEmpty()) {
            order.carrier = box.value(QStringLiteral("deliveryCompanyName")).toString().trimmed();
            order.trackingNumber = box.value(QStringLiteral("invoiceNumber")).toString().trimmed();
        }
        if (!order.shippedAt.isValid())
            order.shippedAt = koreaTime(box.value(QStringLiteral("inTrasitDateTime")).toString());
        if (!order.deliveredAt.isValid())
            order.deliveredAt = koreaTime(box.value(QStringLiteral("deliveredDate")).toString());
        for (const QJsonValue& iv : box.value(QStringLiteral("orderItems")).toArray()) {
            const QJsonObject i = iv.toObject();
            OrderItem item;
            item.product = i.value(QStringLiteral("sellerProductName")).toString().trimmed();
            if (item.product.isEmpty())
                item.product = i.value(QStringLiteral("vendorItemName")).toString().trimmed();
            item.option = i.value(QStringLiteral("sellerProductItemName")).toString().trimmed();
            item.quantity = i.value(QStringLiteral("shippingCount")).toInt();
            item.amount = i.value(QStringLiteral("orderPrice")).toInteger();
            order.items << item;
        }
    }
    if (order.orderId.isEmpty())
        return makeError(ErrorCode::Damaged, QStringLiteral("Coupang's order sheet names no orderId."));
    return order;
}

Result<ClaimPage> parseCoupangReturnRequests(const QByteArray& json)
{
    return coupangClaims(json, OrderClaim::Kind::Return);
}

Result<ClaimPage> parseCoupangExchangeRequests(const QByteArray& json)
{
    return coupangClaims(json, OrderClaim::Kind::Exchange);
}

Result<QStringList> parseNaverProductOrderIds(const QByteArray& json)
{
    auto root = rootOf(json, "product order id");
    if (!root)
        return root.error();
    QStringList ids;
    for (const QJsonValue& v : root->value(QStringLiteral("data")).toArray())
        if (const QString id = idText(v); !id.isEmpty())
            ids << id;
    return ids;
}

Result<Order> parseNaverProductOrders(const QByteArray& json)
{
    auto root = rootOf(json, "product order");
    if (!root)
        return root.error();
    const QJsonArray data = root->value(QStringLiteral("data")).toArray();
    if (data.isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("Naver lists no product order for this order."));
    Order order;
    order.channel = Channel::Naver;
    for (const QJsonValue& v : data) {
        const QJsonObject entry = v.toObject();
        const QJsonObject o = entry.value(QStringLiteral("order")).toObject();
        const QJsonObject p = entry.value(QStringLiteral("productOrder")).toObject();
        const QJsonObject d = entry.value(QStringLiteral("delivery")).toObject();
        if (order.orderId.isEmpty())
            order.orderId = idText(o.value(QStringLiteral("orderId")));
        if (!order.orderedAt.isValid())
            order.orderedAt = isoTime(o.value(QStringLiteral("orderDate")).toString());
        if (order.status.isEmpty())
            order.status = p.value(QStringLiteral("productOrderStatus")).toString();
        order.items << OrderItem{p.value(QStringLiteral("productName")).toString().trimmed(),
                                 p.value(QStringLiteral("productOption")).toString().trimmed(),
                                 p.value(QStringLiteral("quantity")).toInt(),
                                 p.value(QStringLiteral("totalPaymentAmount")).toInteger()};
        if (order.trackingNumber.isEmpty()) {
            order.carrier = carrierName(Channel::Naver, d.value(QStringLiteral("deliveryCompany")).toString().trimmed());
            order.trackingNumber = d.value(QStringLiteral("trackingNumber")).toString().trimmed();
        }
        if (!order.shippedAt.isValid())
            order.shippedAt = isoTime(d.value(QStringLiteral("sendDate")).toString());
        if (!order.deliveredAt.isValid())
            order.deliveredAt = isoTime(d.value(QStringLiteral("deliveredDate")).toString());
        for (const auto& [key, kind] : {std::pair{QStringLiteral("return"), OrderClaim::Kind::Return},
                                        std::pair{QStringLiteral("exchange"), OrderClaim::Kind::Exchange}}) {
            const QJsonObject c = entry.value(key).toObject();
            if (c.isEmpty())
                continue;
            OrderClaim claim;
            claim.kind = kind;
            claim.id = idText(c.value(QStringLiteral("claimId")));
            claim.state = c.value(QStringLiteral("claimStatus")).toString();
            claim.reason = c.value(key + QStringLiteral("DetailedReason")).toString().trimmed();
            if (claim.reason.isEmpty())
                claim.reason = c.value(key + QStringLiteral("Reason")).toString();
            claim.requestedAt = isoTime(c.value(QStringLiteral("claimRequestDate")).toString());
            order.claims << claim;
        }
    }
    if (order.orderId.isEmpty())
        return makeError(ErrorCode::Damaged, QStringLiteral("Naver's product orders name no orderId."));
    return order;
}

} // namespace casebook
