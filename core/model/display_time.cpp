#include "model/display_time.h"

#include "search/local_time.h"

namespace casebook {

QString displayTime(const QDateTime& t)
{
    return t.isValid() ? QString::fromStdString(local_time::forPeople(t.toMSecsSinceEpoch())) : QString();
}

QString displayZone(const QDateTime& t)
{
    return t.isValid() ? QString::fromStdString(local_time::zoneOf(t.toMSecsSinceEpoch())) : QString();
}

} // namespace casebook
