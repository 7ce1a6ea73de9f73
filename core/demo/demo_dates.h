#pragma once

#include <QDate>
#include <QString>

namespace casebook::demo_dates {

// The demo was recorded around one day (demo.json's reference_time) and is replayed as if that day were
// today: the loader moves every message's time, and this moves the dates its words mention by as many days
// ("3월 12일(목)", "2026-03-04 (수)", "On 3/6/2026", "March 5", "2월 2주차"), so a body no longer says March
// under a header that says December. Weekday names turn by the same number of days, with a date or alone
// ("목요일에 회수", "this Saturday": each named a day near the message's own). A date written without a year
// is placed by `written`, the day the recorded message was written; numbers that only look like a date
// (24/7, 2/30, order numbers) stay as they are.
QString shift(const QString& text, const QDate& written, int days);

} // namespace casebook::demo_dates
