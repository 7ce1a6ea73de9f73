#include "model/order.h"

#include <QJsonArray>

namespace casebook {
namespace {

QJsonValue isoOrNull(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QDateTime timeOf(const QJsonValue& v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

} // namespace

int Order::quantity() const
{
    int n = 0;
    for (const OrderItem& i : items)
        n += i.quantity;
    return n;
}

qint64 Order::amount() const
{
    qint64 n = 0;
    for (const OrderItem& i : items)
        n += i.amount;
    return n;
}

QString toString(OrderClaim::Kind k)
{
    return k == OrderClaim::Kind::Exchange ? QStringLiteral("exchange") : QStringLiteral("return");
}

QJsonObject toJson(const Order& order)
{
    QJsonArray items;
    for (const OrderItem& i : order.items)
        items.append(QJsonObject{{QStringLiteral("product"), i.product},
                                 {QStringLiteral("option"), i.option},
                                 {QStringLiteral("quantity"), i.quantity},
                                 {QStringLiteral("amount"), i.amount}});
    QJsonArray claims;
    for (const OrderClaim& c : order.claims)
        claims.append(QJsonObject{{QStringLiteral("kind"), toString(c.kind)},
                                  {QStringLiteral("id"), c.id},
                                  {QStringLiteral("state"), c.state},
                                  {QStringLiteral("state_text"), c.stateText},
                                  {QStringLiteral("reason"), c.reason},
                                  {QStringLiteral("requested_at"), isoOrNull(c.requestedAt)}});
    return QJsonObject{{QStringLiteral("channel"), toString(order.channel)},
                       {QStringLiteral("order_id"), order.orderId},
                       {QStringLiteral("status"), order.status},
                       {QStringLiteral("product"), order.product()},
                       {QStringLiteral("option"), order.option()},
                       {QStringLiteral("quantity"), order.quantity()},
                       {QStringLiteral("amount"), order.amount()},
                       {QStringLiteral("items"), items},
                       {QStringLiteral("ordered_at"), isoOrNull(order.orderedAt)},
                       {QStringLiteral("shipped_at"), isoOrNull(order.shippedAt)},
                       {QStringLiteral("delivered_at"), isoOrNull(order.deliveredAt)},
                       {QStringLiteral("carrier"), order.carrier},
                       {QStringLiteral("tracking_number"), order.trackingNumber},
                       {QStringLiteral("claims"), claims},
                       {QStringLiteral("fetched_at"), isoOrNull(order.fetchedAt)}};
}

Order orderFromJson(const QJsonObject& o)
{
    Order order;
    order.channel = channelFromString(o.value(QStringLiteral("channel")).toString()).value_or(Channel::Coupang);
    order.orderId = o.value(QStringLiteral("order_id")).toString();
    order.status = o.value(QStringLiteral("status")).toString();
    for (const QJsonValue& v : o.value(QStringLiteral("items")).toArray()) {
        const QJsonObject i = v.toObject();
        order.items << OrderItem{i.value(QStringLiteral("product")).toString(),
                                 i.value(QStringLiteral("option")).toString(),
                                 i.value(QStringLiteral("quantity")).toInt(),
                                 i.value(QStringLiteral("amount")).toInteger()};
    }
    order.orderedAt = timeOf(o.value(QStringLiteral("ordered_at")));
    order.shippedAt = timeOf(o.value(QStringLiteral("shipped_at")));
    order.deliveredAt = timeOf(o.value(QStringLiteral("delivered_at")));
    order.carrier = o.value(QStringLiteral("carrier")).toString();
    order.trackingNumber = o.value(QStringLiteral("tracking_number")).toString();
    for (const QJsonValue& v : o.value(QStringLiteral("claims")).toArray()) {
        const QJsonObject c = v.toObject();
        OrderClaim claim;
        claim.kind = c.value(QStringLiteral("kind")).toString() == QLatin1String("exchange")
                         ? OrderClaim::Kind::Exchange
                         : OrderClaim::Kind::Return;
        claim.id = c.value(QStringLiteral("id")).toString();
        claim.state = c.value(QStringLiteral("state")).toString();
        claim.stateText = c.value(QStringLiteral("state_text")).toString();
        claim.reason = c.value(QStringLiteral("reason")).toString();
        claim.requestedAt = timeOf(c.value(QStringLiteral("requested_at")));
        order.claims << claim;
    }
    order.fetchedAt = timeOf(o.value(QStringLiteral("fetched_at")));
    return order;
}

} // namespace casebook
