#include "model/display_time.h"

#include "model/enums.h"
#include "search/local_time.h"

#include <algorithm>
#include <cstdlib>

namespace casebook {

QString displayTime(const QDateTime& t)
{
    return t.isValid() ? QString::fromStdString(local_time::forPeople(t.toMSecsSinceEpoch())) : QString();
}

QString durationText(qint64 secs)
{
    const qint64 a = std::abs(secs);
    if (a >= 86400)
        return (a % 86400) / 3600 ? QStringLiteral("%1d %2h").arg(a / 86400).arg((a % 86400) / 3600)
                                  : QStringLiteral("%1d").arg(a / 86400);
    if (a >= 3600)
        return QStringLiteral("%1h").arg(a / 3600);
    return QStringLiteral("%1m").arg(std::max<qint64>(1, a / 60));
}

QString dueTextAt(const QDateTime& due, const QDateTime& now, std::optional<Channel> by)
{
    if (!due.isValid())
        return {};
    if (by) {
        const QString name = QString::fromUtf8(channelInfo(*by).customerLabelEn.data(),
                                               qsizetype(channelInfo(*by).customerLabelEn.size()));
        return due > now ? QStringLiteral("%1 takes over in %2").arg(name, durationText(now.secsTo(due)))
                         : QStringLiteral("%1 took over %2 ago").arg(name, durationText(now.secsTo(due)));
    }
    if (due <= now)
        return QStringLiteral("overdue ") + durationText(now.secsTo(due));
    return displayTime(due);
}

QString displayZone(const QDateTime& t)
{
    return t.isValid() ? QString::fromStdString(local_time::zoneOf(t.toMSecsSinceEpoch())) : QString();
}

} // namespace casebook
