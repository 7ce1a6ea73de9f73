#pragma once

#include "model/enums.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace casebook {

// A return or an exchange the buyer asked for, and where it stands, as the marketplace words it.
struct OrderClaim {
    enum class Kind { Return, Exchange };
    Kind kind = Kind::Return;
    QString id;        // the marketplace's number for the request (Coupang receiptId / exchangeId)
    QString state;     // the marketplace's state code: RETURNS_UNCHECKED, RECEIPT, RETURN_REQUEST, …
    QString stateText; // its words for it, when it gives them (반품접수 미확인)
    QString reason;
    QDateTime requestedAt;
};

// One line of an order: what was bought and how many.
struct OrderItem {
    QString product;
    QString option;
    int quantity = 0;
    qint64 amount = 0; // what the buyer paid for the line, in the market's currency unit (KRW: won)
};

// The order beside a ticket, as its marketplace reports it: fetched on demand through the account's
// connector and cached in the database (store/order_cache.h). Times are UTC.
struct Order {
    Channel channel = Channel::Coupang;
    QString orderId;
    QString status; // the marketplace's code (FINAL_DELIVERY, DELIVERING, PAYED, …)
    QList<OrderItem> items;
    QDateTime orderedAt;
    QDateTime shippedAt;
    QDateTime deliveredAt;
    QString carrier;
    QString trackingNumber;
    QList<OrderClaim> claims;
    QDateTime fetchedAt;

    // The first line's product and option: what a template's {{product}} names.
    QString product() const { return items.isEmpty() ? QString() : items.first().product; }
    QString option() const { return items.isEmpty() ? QString() : items.first().option; }
    int quantity() const;
    qint64 amount() const;
};

QString toString(OrderClaim::Kind k); // "return", "exchange"

// The JSON the cache stores and `casebook-cli order --json` prints (dates as ISO 8601 UTC, null if unknown).
QJsonObject toJson(const Order& order);
Order orderFromJson(const QJsonObject& o);

} // namespace casebook
