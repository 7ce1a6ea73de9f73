#pragma once

#include "model/order.h"
#include "model/result.h"

#include <QByteArray>
#include <QStringList>

namespace casebook {

// Parsers for the marketplaces' order answers (docs/marketplaces.md, "Orders"). Each reads one answer's
// JSON; an answer that names no order is NotFound, one that cannot be read is Damaged.

// Coupang `GET …/v4/vendors/{vendorId}/{orderId}/ordersheets`: the order's shipment boxes (`data` is one
// object in older answers, a list in newer ones). Every box's items become the order's lines; carrier,
// tracking number and dates come from the box that has them.
Result<Order> parseCoupangOrderSheet(const QByteArray& json);

// What a page of a claim list held, and the token of the next page (empty: the last page).
struct ClaimPage {
    QList<OrderClaim> claims;
    QString nextToken;
};
// Coupang `GET …/returnRequests` and `GET …/exchangeRequests` (`data` a list).
Result<ClaimPage> parseCoupangReturnRequests(const QByteArray& json);
Result<ClaimPage> parseCoupangExchangeRequests(const QByteArray& json);

// Naver `GET /v1/pay-order/seller/orders/{orderId}/product-order-ids`: the order's product order ids.
Result<QStringList> parseNaverProductOrderIds(const QByteArray& json);
// Naver `POST /v1/pay-order/seller/product-orders/query`: one line per product order, the order's dates,
// the delivery (carrier code as a name where known) and any return or exchange claim.
Result<Order> parseNaverProductOrders(const QByteArray& json);

} // namespace casebook
