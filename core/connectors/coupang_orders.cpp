// The order beside a Coupang ticket: the order sheet by order id, then the return and exchange requests
// of that order (docs/marketplaces.md, "Orders").
#include "connectors/coupang_connector.h"

#include "sources/order_sheets.h"

namespace casebook {
namespace {

// An order sheet's absence, as the gateway answers it: 404 (the API's own answer for an unknown order is
// not documented; the fake server answers 404 too).
bool unknownOrder(const HttpReply& reply)
{
    return reply.status == 404;
}

} // namespace

Result<QList<OrderClaim>> CoupangConnector::fetchClaims(const QString& orderId, bool exchanges, QDate from,
                                                        QDate to)
{
    QList<OrderClaim> claims;
    QString token;
    // A page names the next one by token; a loop that never ends is the gateway's fault, not the seller's.
    for (int page = 0; page < 20; ++page) {
        Query query;
        if (exchanges) // date-times, Korea time (vendor docs: yyyy-MM-ddTHH:mm:ss)
            query << qMakePair(QStringLiteral("createdAtFrom"), from.toString(Qt::ISODate) + QStringLiteral("T00:00:00"))
                  << qMakePair(QStringLiteral("createdAtTo"), to.toString(Qt::ISODate) + QStringLiteral("T23:59:59"));
        else // days: the per-day search, which takes an orderId in place of a status
            query << qMakePair(QStringLiteral("createdAtFrom"), from.toString(Qt::ISODate))
                  << qMakePair(QStringLiteral("createdAtTo"), to.toString(Qt::ISODate));
        query << qMakePair(QStringLiteral("orderId"), orderId);
        if (!exchanges)
            query << qMakePair(QStringLiteral("maxPerPage"), QStringLiteral("50"));
        if (!token.isEmpty())
            query << qMakePair(QStringLiteral("nextToken"), token);
        const HttpReply reply = call(
            "GET", vendorPath(exchanges ? QStringLiteral("/exchangeRequests") : QStringLiteral("/returnRequests")),
            query);
        const QString what = exchanges ? QStringLiteral("exchange requests") : QStringLiteral("return requests");
        if (reply.status != 200)
            return refusal(reply, QStringLiteral("Coupang did not list the %1 of order %2").arg(what, orderId));
        auto parsed = exchanges ? parseCoupangExchangeRequests(reply.body) : parseCoupangReturnRequests(reply.body);
        if (!parsed)
            return parsed.error();
        claims += parsed->claims;
        token = parsed->nextToken;
        if (token.isEmpty())
            break;
    }
    return claims;
}

Result<Order> CoupangConnector::fetchOrder(const QString& orderId)
{
    bool numeric = false;
    orderId.toLongLong(&numeric);
    if (!numeric)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("\"%1\" is not a Coupang order number (digits only).").arg(orderId));
    const HttpReply sheet = call("GET", vendorPath(QLatin1Char('/') + orderId + QStringLiteral("/ordersheets")));
    if (unknownOrder(sheet))
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("Coupang knows no order %1 of this seller.").arg(orderId));
    if (sheet.status != 200)
        return refusal(sheet, QStringLiteral("Coupang did not give order %1").arg(orderId));
    auto order = parseCoupangOrderSheet(sheet.body);
    if (!order) {
        Error e = order.error();
        if (e.code == ErrorCode::NotFound)
            e.message = QStringLiteral("Coupang knows no order %1 of this seller.").arg(orderId);
        return e;
    }
    const QDate today = koreaDate(m_db.clock().now());
    QDate from = order->orderedAt.isValid() ? koreaDate(order->orderedAt) : today.addDays(-(kClaimWindowDays - 1));
    for (int window = 0; window < kClaimWindows && from <= today; ++window) {
        const QDate to = std::min(from.addDays(kClaimWindowDays - 1), today);
        for (const bool exchanges : {false, true}) {
            auto claims = fetchClaims(order->orderId, exchanges, from, to);
            if (!claims)
                return claims.error();
            order->claims += claims.value();
        }
        from = to.addDays(1);
    }
    order->fetchedAt = m_db.clock().now();
    return order;
}

} // namespace casebook
