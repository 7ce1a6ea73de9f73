#pragma once
// What the report benchmarks share (casebook-report-bench, casebook-report-view-bench): the process's CPU
// time, the load average (the machine may be shared: CPU time says more than wall time there) and the two
// periods measured.
#include "report/report_period.h"
#include "store/app_settings.h"

#include <QFile>
#include <QString>
#include <sys/resource.h>
#include <utility>

namespace casebook::bench {

// CPU milliseconds of the whole process so far (every thread).
inline qint64 cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

inline QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2)
                                       : QString();
}

// The last four weeks by week (the view's default) and the last year by month, in the shop's zone.
inline std::pair<report::Period, report::Period> reportPeriods(SQLite::Database& reader, const QDateTime& now)
{
    const QTimeZone zone = AppSettings::dueClocks(reader).hours().zone;
    const report::Period weeks = report::Period::lastFourWeeks(now, zone);
    report::Period year = weeks;
    year.from = weeks.to.addYears(-1).addDays(1);
    year.grain = report::Grain::Month;
    return {weeks, year};
}

} // namespace casebook::bench
