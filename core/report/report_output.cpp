#include "report/report_output.h"

#include <QJsonArray>

namespace casebook::report {
namespace {

QJsonValue secs(qint64 s)
{
    return s < 0 ? QJsonValue() : QJsonValue(s);
}

QJsonObject durationJson(const DurationFigures& d)
{
    return {{QStringLiteral("count"), d.count},
            {QStringLiteral("median_secs"), secs(d.medianSecs)},
            {QStringLiteral("p90_secs"), secs(d.p90Secs)}};
}

template <typename Key> QJsonObject countsJson(const QMap<Key, int>& counts)
{
    QJsonObject o;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        o[toString(it.key())] = it.value();
    return o;
}

QString day(QDate d)
{
    return d.toString(Qt::ISODate);
}

QJsonValue share(int part, int whole)
{
    return whole == 0 ? QJsonValue() : QJsonValue(double(part) / double(whole));
}

} // namespace

QJsonObject toJson(const Figures& fig)
{
    QJsonArray buckets;
    for (qsizetype b = 0; b < fig.buckets.size(); ++b) {
        int received = 0;
        for (int n : fig.receivedByChannel[b])
            received += n;
        buckets.append(
            QJsonObject{{QStringLiteral("start"), day(fig.buckets[b])},
                        {QStringLiteral("received"), received},
                        {QStringLiteral("by_channel"), countsJson(fig.receivedByChannel[b])},
                        {QStringLiteral("by_category"), countsJson(fig.receivedByCategory[b])},
                        {QStringLiteral("first_response"), durationJson(fig.firstResponseByBucket[b])}});
    }
    QJsonArray channels;
    for (const ChannelResponse& r : fig.responses)
        channels.append(QJsonObject{{QStringLiteral("channel"), toString(r.channel)},
                                    {QStringLiteral("received"), r.received},
                                    {QStringLiteral("answered"), r.answered},
                                    {QStringLiteral("first_response"), durationJson(r.firstResponse)},
                                    {QStringLiteral("deadline_secs"), r.clockSecs},
                                    {QStringLiteral("decided"), r.decided},
                                    {QStringLiteral("in_time"), r.inTime},
                                    {QStringLiteral("in_time_share"), share(r.inTime, r.decided)}});
    QJsonArray backlog;
    for (const BacklogBucket& b : fig.backlog)
        backlog.append(QJsonObject{
            {QStringLiteral("from_days"), b.fromSecs / 86400},
            {QStringLiteral("to_days"), b.toSecs < 0 ? QJsonValue() : QJsonValue(b.toSecs / 86400)},
            {QStringLiteral("tickets"), b.ticketIds.size()}});
    QJsonArray claims;
    // A product names the orders behind it; an order number stands alone (its products unknown).
    for (const ClaimedItem& o : fig.topClaims)
        claims.append(QJsonObject{
            {QStringLiteral("product"), o.product.isEmpty() ? QJsonValue() : QJsonValue(o.product)},
            {QStringLiteral("order"), o.product.isEmpty() ? QJsonValue(o.orderNumber) : QJsonValue()},
            {QStringLiteral("orders"), QJsonArray::fromStringList(o.orderNumbers)},
            {QStringLiteral("claims"), o.claims()},
            {QStringLiteral("by_category"), countsJson(o.byCategory)}});
    QJsonArray abusive;
    for (const AbusiveCustomer& a : fig.abusive)
        abusive.append(QJsonObject{{QStringLiteral("customer"), a.name},
                                   {QStringLiteral("inquiries"), a.inquiries},
                                   {QStringLiteral("claims"), a.claims}});
    return {{QStringLiteral("period"),
             QJsonObject{{QStringLiteral("from"), day(fig.period.from)},
                         {QStringLiteral("to"), day(fig.period.to)},
                         {QStringLiteral("by"), toString(fig.period.grain)},
                         {QStringLiteral("zone"), QString::fromUtf8(fig.period.zone.id())}}},
            {QStringLiteral("received"), fig.received},
            {QStringLiteral("buckets"), buckets},
            {QStringLiteral("channels"), channels},
            {QStringLiteral("first_response"), durationJson(fig.firstResponse)},
            {QStringLiteral("resolution"), durationJson(fig.resolution)},
            {QStringLiteral("backlog"), backlog},
            {QStringLiteral("top_claims"), claims},
            {QStringLiteral("abusive_customers"), abusive}};
}

QList<QStringList> toCsvRows(const Figures& fig)
{
    QList<QStringList> rows{
        {QStringLiteral("figure"), QStringLiteral("bar"), QStringLiteral("key"), QStringLiteral("value")}};
    const QString all = QStringLiteral("all");
    const auto add = [&rows](const QString& figure, const QString& bar, const QString& key,
                             const QString& value) {
        rows << QStringList{figure, bar, key, value};
    };
    const auto number = [](qint64 n) { return n < 0 ? QString() : QString::number(n); };
    for (qsizetype b = 0; b < fig.buckets.size(); ++b) {
        for (auto it = fig.receivedByChannel[b].begin(); it != fig.receivedByChannel[b].end(); ++it)
            add(QStringLiteral("received_by_channel"), day(fig.buckets[b]), toString(it.key()),
                number(it.value()));
        for (auto it = fig.receivedByCategory[b].begin(); it != fig.receivedByCategory[b].end(); ++it)
            add(QStringLiteral("received_by_category"), day(fig.buckets[b]), toString(it.key()),
                number(it.value()));
        add(QStringLiteral("first_response_median_secs"), day(fig.buckets[b]), all,
            number(fig.firstResponseByBucket[b].medianSecs));
    }
    for (const ChannelResponse& r : fig.responses) {
        const QString c = toString(r.channel);
        add(QStringLiteral("received"), all, c, number(r.received));
        add(QStringLiteral("answered"), all, c, number(r.answered));
        add(QStringLiteral("first_response_median_secs"), all, c, number(r.firstResponse.medianSecs));
        add(QStringLiteral("first_response_p90_secs"), all, c, number(r.firstResponse.p90Secs));
        add(QStringLiteral("deadline_secs"), all, c, number(r.clockSecs));
        add(QStringLiteral("answered_in_time"), all, c, number(r.inTime));
        add(QStringLiteral("answered_or_overdue"), all, c, number(r.decided));
    }
    add(QStringLiteral("resolution_median_secs"), all, all, number(fig.resolution.medianSecs));
    add(QStringLiteral("resolution_p90_secs"), all, all, number(fig.resolution.p90Secs));
    for (const BacklogBucket& b : fig.backlog)
        add(QStringLiteral("backlog"), all,
            b.toSecs < 0 ? QStringLiteral("%1d+").arg(b.fromSecs / 86400)
                         : QStringLiteral("%1-%2d").arg(b.fromSecs / 86400).arg(b.toSecs / 86400),
            number(b.ticketIds.size()));
    for (const ClaimedItem& o : fig.topClaims)
        add(o.product.isEmpty() ? QStringLiteral("claims_by_order") : QStringLiteral("claims_by_product"),
            all, o.name(), number(o.claims()));
    for (const AbusiveCustomer& a : fig.abusive)
        add(QStringLiteral("abusive_customer_claims"), all, a.name, number(a.claims));
    return rows;
}

} // namespace casebook::report
