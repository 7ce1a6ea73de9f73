#include "model/business_hours.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace casebook {

BusinessHours BusinessHours::standard()
{
    BusinessHours h;
    for (std::size_t d = 0; d < 5; ++d)
        h.week[d] = {{QTime(9, 0), QTime(12, 0)}, {QTime(13, 0), QTime(18, 0)}};
    return h;
}

bool BusinessHours::isWorkingDay(QDate day) const
{
    return !rangesOn(day).isEmpty() && !holidays.contains(day) && !daysOff.contains(day);
}

QDateTime BusinessHours::addWorkingSecs(const QDateTime& start, qint64 secs) const
{
    if (!start.isValid())
        return {};
    const QDateTime local = start.toTimeZone(zone);
    QDate day = local.date();
    qint64 left = secs;
    // Day by day: what is open after the start counts, until the seconds run out in one range.
    for (int i = 0; i < 366 + 7; ++i, day = day.addDays(1)) {
        if (!isWorkingDay(day))
            continue;
        for (const TimeRange& r : rangesOn(day)) {
            QDateTime from(day, r.from, zone);
            // A range up to 24:00 is written with an invalid or 00:00 end: it runs to the next midnight.
            const QDateTime to = r.to > r.from ? QDateTime(day, r.to, zone) : QDateTime(day.addDays(1), QTime(0, 0), zone);
            if (to <= local)
                continue;
            if (from < local)
                from = local;
            const qint64 open = from.secsTo(to);
            if (left <= open)
                return from.addSecs(left).toUTC();
            left -= open;
        }
    }
    return start.addSecs(secs);
}

Result<QList<TimeRange>> BusinessHours::parseDay(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("off") || t.isEmpty())
        return QList<TimeRange>{};
    QList<TimeRange> out;
    for (const QString& part : t.split(QLatin1Char(','))) {
        const QStringList ends = part.trimmed().split(QLatin1Char('-'));
        const QTime from = ends.size() == 2 ? QTime::fromString(ends[0].trimmed(), QStringLiteral("H:mm")) : QTime();
        QTime to = ends.size() == 2 ? QTime::fromString(ends[1].trimmed(), QStringLiteral("H:mm")) : QTime();
        if (ends.size() == 2 && ends[1].trimmed() == QLatin1String("24:00"))
            to = QTime(0, 0);
        const bool toMidnight = to == QTime(0, 0);
        if (!from.isValid() || !to.isValid() || (!toMidnight && to <= from) ||
            (!out.isEmpty() && (out.last().to == QTime(0, 0) || from < out.last().to)))
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("'%1' is not a day's hours: write them as 09:00-12:00,13:00-18:00 (in "
                                            "order, not overlapping), or off")
                                 .arg(text));
        out.append({from, to});
    }
    return out;
}

QString BusinessHours::dayText(const QList<TimeRange>& ranges)
{
    if (ranges.isEmpty())
        return QStringLiteral("off");
    QStringList parts;
    for (const TimeRange& r : ranges)
        parts << r.from.toString(QStringLiteral("HH:mm")) + QLatin1Char('-') +
                     (r.to == QTime(0, 0) ? QStringLiteral("24:00") : r.to.toString(QStringLiteral("HH:mm")));
    return parts.join(QLatin1Char(','));
}

namespace korean_holidays {
namespace {

struct Data {
    QSet<QDate> dates;
    std::pair<int, int> years{0, 0};
};

const Data& data()
{
    static const Data d = [] {
        Data out;
        QFile f(QStringLiteral(":/holidays/kr.json"));
        if (!f.open(QIODevice::ReadOnly))
            return out;
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        out.years = {root.value(QStringLiteral("first_year")).toInt(), root.value(QStringLiteral("last_year")).toInt()};
        for (const QJsonValue& v : root.value(QStringLiteral("holidays")).toArray()) {
            const QDate day = QDate::fromString(v.toObject().value(QStringLiteral("date")).toString(), Qt::ISODate);
            if (day.isValid())
                out.dates.insert(day);
        }
        return out;
    }();
    return d;
}

} // namespace

QSet<QDate> dates()
{
    return data().dates;
}

std::pair<int, int> years()
{
    return data().years;
}

} // namespace korean_holidays
} // namespace casebook
