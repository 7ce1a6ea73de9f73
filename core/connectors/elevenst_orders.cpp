// The order beside an 11st ticket: 11st's per-order delivery list (주문번호별 배송정보 조회,
// claimservice/orderlistalladdr), one record per line of the order (docs/marketplaces.md, "Orders").
#include "connectors/elevenst_connector.h"

#include "model/carriers.h"

#include <QTimeZone>

namespace casebook {
namespace {

const QTimeZone kKorea(9 * 3600);

// 11st writes times in Korea without a zone: "2015-01-12 16:36:14".
QDateTime koreaTime(const QString& text)
{
    QDateTime t = QDateTime::fromString(text.left(19), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!t.isValid())
        return {};
    t.setTimeZone(kKorea);
    return t.toUTC();
}

// The result codes of the list (11st's guide): an order list it cannot find, and maintenance (try later).
const QString kNoSuchOrder = QStringLiteral("-28002");
const QString kMaintenance = QStringLiteral("-1000");

} // namespace

Result<Order> ElevenstConnector::fetchOrder(const QString& orderId)
{
    bool numeric = false;
    orderId.toLongLong(&numeric);
    if (!numeric)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("\"%1\" is not an 11st order number (digits only).").arg(orderId));
    const HttpReply reply = call("GET", QStringLiteral("/rest/claimservice/orderlistalladdr/") + orderId);
    if (reply.status != 200)
        return makeError(m_http.errorCodeOf(reply), QStringLiteral("11st did not give order %1 (HTTP %2: %3).")
                                                        .arg(orderId)
                                                        .arg(reply.status)
                                                        .arg(reply.answered() ? QString::fromUtf8(reply.body.left(160)).simplified()
                                                                              : reply.error));
    const XmlRecords xml = readXmlRecords(reply.body, reply.header("Content-Type"), QStringLiteral("order"));
    if (!xml.problem.isEmpty())
        return makeError(ErrorCode::Damaged, QStringLiteral("11st's answer for order %1 could not be read: %2")
                                                 .arg(orderId, xml.problem));
    const QString code = xml.top.value(QStringLiteral("result_code")).toString();
    const QString words = xml.top.value(QStringLiteral("result_text")).toString();
    if (xml.records.isEmpty() || (!code.isEmpty() && code != QLatin1String("0")))
        return makeError(code == kMaintenance ? ErrorCode::Io
                         : code == kNoSuchOrder || xml.records.isEmpty() ? ErrorCode::NotFound
                                                                          : ErrorCode::Refused,
                         QStringLiteral("11st did not give order %1 (%2 %3).").arg(orderId, code, words));
    Order order;
    order.channel = Channel::Elevenst;
    order.orderId = orderId;
    for (const QJsonObject& r : xml.records) {
        OrderItem item;
        item.product = r.value(QStringLiteral("prdNm")).toString();
        // The list keeps no option, nor what the buyer paid (uncertain: the guide lists neither field).
        item.quantity = r.value(QStringLiteral("ordQty")).toString().toInt();
        order.items << item;
        // One order ships in one box (dlvNo), so the first line's shipping stands for the order; a line
        // shipped later overrides an empty one.
        if (order.status.isEmpty())
            order.status = r.value(QStringLiteral("ordPrdStatNm")).toString();
        if (order.trackingNumber.isEmpty()) {
            order.trackingNumber = r.value(QStringLiteral("invcNo")).toString();
            const QString carrier = r.value(QStringLiteral("dlvEtprsCd")).toString();
            order.carrier = carrier.isEmpty() ? QString() : carrierName(Channel::Elevenst, carrier);
            order.shippedAt = koreaTime(r.value(QStringLiteral("sndEndDt")).toString());
        }
    }
    // 11st's order numbers start with the order's Korea date (20260612076034242: 2026-06-12; uncertain: read
    // from public client code, not the guide); the list gives no order time.
    const QDate ordered = QDate::fromString(orderId.left(8), QStringLiteral("yyyyMMdd"));
    if (ordered.isValid())
        order.orderedAt = QDateTime(ordered, QTime(0, 0), kKorea).toUTC();
    order.fetchedAt = m_db.clock().now();
    return order;
}

} // namespace casebook
