#include "report/report_period.h"

#include <algorithm>

namespace casebook::report {
namespace {

// The first day of the bar that holds `day`, before clipping to the period.
QDate grainStart(QDate day, Grain g)
{
    switch (g) {
    case Grain::Day:
        return day;
    case Grain::Week:
        return day.addDays(1 - day.dayOfWeek());
    case Grain::Month:
        return QDate(day.year(), day.month(), 1);
    }
    return day;
}

QDate nextGrain(QDate start, Grain g)
{
    switch (g) {
    case Grain::Day:
        return start.addDays(1);
    case Grain::Week:
        return start.addDays(7);
    case Grain::Month:
        return start.addMonths(1);
    }
    return start.addDays(1);
}

} // namespace

QString toString(Grain g)
{
    switch (g) {
    case Grain::Day:
        return QStringLiteral("day");
    case Grain::Week:
        return QStringLiteral("week");
    case Grain::Month:
        return QStringLiteral("month");
    }
    return QStringLiteral("week");
}

std::optional<Grain> grainFromString(const QString& s)
{
    for (Grain g : {Grain::Day, Grain::Week, Grain::Month})
        if (toString(g) == s)
            return g;
    return std::nullopt;
}

Period Period::lastFourWeeks(const QDateTime& now, const QTimeZone& zone)
{
    const QDate today = now.toTimeZone(zone).date();
    return Period{grainStart(today, Grain::Week).addDays(-21), today, Grain::Week, zone};
}

Result<Period> Period::fromText(const QString& from, const QString& to, Grain grain, const QDateTime& now,
                                const QTimeZone& zone)
{
    const auto parse = [](const QString& text, const char* what) -> Result<QDate> {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (!d.isValid() || text.size() != 10)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("%1 takes a date as YYYY-MM-DD, not \"%2\"")
                                 .arg(QString::fromLatin1(what), text));
        return d;
    };
    Period p = lastFourWeeks(now, zone);
    p.grain = grain;
    if (!to.isEmpty()) {
        auto d = parse(to, "--to");
        if (!d)
            return d.error();
        p.to = d.value();
        p.from = grainStart(p.to, Grain::Week).addDays(-21);
    }
    if (!from.isEmpty()) {
        auto d = parse(from, "--from");
        if (!d)
            return d.error();
        p.from = d.value();
    }
    if (p.to < p.from)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the period ends (%1) before it starts (%2)")
                             .arg(p.to.toString(Qt::ISODate), p.from.toString(Qt::ISODate)));
    return p;
}

QDateTime Period::start() const
{
    return QDateTime(from, QTime(0, 0), zone);
}

QDateTime Period::end() const
{
    return QDateTime(to.addDays(1), QTime(0, 0), zone);
}

QList<QDate> Period::bucketStarts() const
{
    QList<QDate> out;
    for (QDate d = from; d <= to; d = nextGrain(grainStart(d, grain), grain))
        out << d;
    return out;
}

int Period::bucketOf(QDate day) const
{
    if (day < from || day > to)
        return -1;
    // Counted, not looked up: the figures ask once per ticket.
    switch (grain) {
    case Grain::Day:
        return static_cast<int>(from.daysTo(day));
    case Grain::Week:
        return static_cast<int>(grainStart(from, Grain::Week).daysTo(grainStart(day, Grain::Week)) / 7);
    case Grain::Month:
        return (day.year() - from.year()) * 12 + day.month() - from.month();
    }
    return -1;
}

QList<qint64> Period::bucketEdges() const
{
    QList<qint64> edges;
    for (const QDate& d : bucketStarts())
        edges << QDateTime(d, QTime(0, 0), zone).toMSecsSinceEpoch();
    edges << end().toMSecsSinceEpoch();
    return edges;
}

int Period::bucketAt(const QList<qint64>& edges, qint64 msecs)
{
    if (edges.size() < 2 || msecs < edges.front() || msecs >= edges.back())
        return -1;
    return static_cast<int>(std::upper_bound(edges.begin(), edges.end(), msecs) - edges.begin()) - 1;
}

} // namespace casebook::report
