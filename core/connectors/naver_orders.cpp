// The order beside a Naver ticket: the order's product order ids, then those product orders in detail
// (docs/marketplaces.md, "Orders").
#include "connectors/naver_connector.h"

#include "sources/order_sheets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace casebook {

Result<Order> NaverConnector::fetchOrder(const QString& orderId)
{
    bool numeric = false;
    orderId.toLongLong(&numeric);
    if (!numeric)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("\"%1\" is not a Naver order number (digits only).").arg(orderId));
    auto ids = call("GET", QStringLiteral("/v1/pay-order/seller/orders/%1/product-order-ids").arg(orderId));
    if (!ids)
        return ids.error();
    QStringList productOrders;
    if (ids->status == 200) {
        auto parsed = parseNaverProductOrderIds(ids->body);
        if (!parsed)
            return parsed.error();
        productOrders = parsed.value();
    } else if (ids->status == 400 || ids->status == 404) {
        // Not an order id: a ticket also keeps the inquiry's product order ids, which the query takes as
        // they are.
        productOrders = {orderId};
    } else {
        return makeError(m_http.errorCodeOf(*ids),
                         QStringLiteral("Naver did not list the product orders of %1 (%2).").arg(orderId, naverWords(*ids)));
    }
    if (productOrders.isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("Naver knows no order %1 of this seller.").arg(orderId));
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("productOrderIds"), QJsonArray::fromStringList(productOrders)}})
            .toJson(QJsonDocument::Compact);
    auto detail = call("POST", QStringLiteral("/v1/pay-order/seller/product-orders/query"), body);
    if (!detail)
        return detail.error();
    if (detail->status != 200)
        return makeError(m_http.errorCodeOf(*detail),
                         QStringLiteral("Naver did not give order %1 (%2).").arg(orderId, naverWords(*detail)));
    auto order = parseNaverProductOrders(detail->body);
    if (!order) {
        Error e = order.error();
        if (e.code == ErrorCode::NotFound)
            e.message = QStringLiteral("Naver knows no order %1 of this seller.").arg(orderId);
        return e;
    }
    order->fetchedAt = m_db.clock().now();
    return order;
}

} // namespace casebook
