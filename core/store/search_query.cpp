#include "store/search_query.h"

namespace casebook {

Result<SearchQuery> SearchQuery::parse(const QString& text, const QTimeZone& zone)
{
    // An invalid zone means the C library's local time, which search::Query uses by default: the system
    // QTimeZone parses the whole zone file, a fifth of a one-shot search's time.
    search::Query::Midnight midnight = search::Query::localMidnight;
    if (zone.isValid())
        midnight = [zone](int year, int month, int day) {
            return QDateTime(QDate(year, month, day), QTime(0, 0), zone).toMSecsSinceEpoch();
        };
    auto parsed = search::Query::parse(text.toStdString(), midnight);
    if (!parsed)
        return makeError(QString::fromStdString(parsed.error()));
    const search::Query& p = parsed.value();
    SearchQuery q;
    for (const search::Query::Term& t : p.terms)
        q.terms.append({static_cast<Field>(t.field), QString::fromStdString(t.text), t.prefix, t.excluded});
    for (const std::string& o : p.orders)
        q.orders << QString::fromStdString(o);
    for (const std::string& s : p.statuses)
        q.statuses << ticketStatusFromString(QString::fromStdString(s)).value();
    for (const std::string& c : p.channels)
        q.channels << channelFromString(QString::fromStdString(c)).value();
    const auto instant = [&zone](std::int64_t ms) {
        return zone.isValid() ? QDateTime::fromMSecsSinceEpoch(ms, zone) : QDateTime::fromMSecsSinceEpoch(ms);
    };
    if (p.after)
        q.after = instant(*p.after);
    if (p.before)
        q.before = instant(*p.before);
    return q;
}

search::Query SearchQuery::plain() const
{
    search::Query p;
    for (const Term& t : terms)
        p.terms.push_back(
            {static_cast<search::Query::Field>(t.field), t.text.toStdString(), t.prefix, t.excluded});
    for (const QString& o : orders)
        p.orders.push_back(o.toStdString());
    for (TicketStatus s : statuses)
        p.statuses.push_back(toString(s).toStdString());
    for (Channel c : channels)
        p.channels.push_back(toString(c).toStdString());
    if (after.isValid())
        p.after = after.toMSecsSinceEpoch();
    if (before.isValid())
        p.before = before.toMSecsSinceEpoch();
    return p;
}

QString SearchQuery::ftsExpression() const
{
    return QString::fromStdString(plain().ftsExpression());
}

} // namespace casebook
