#pragma once

#include "model/result.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QTimeZone>

#include <array>

namespace casebook {

// A stretch of one day the seller works, [from, to).
struct TimeRange {
    QTime from;
    QTime to;
    bool operator==(const TimeRange&) const = default;
};

// When the seller answers: open ranges per weekday (the gap between two is a break, e.g. lunch), public
// holidays and the seller's own days off, in the shop's time zone. Answer clocks on business hours count
// only this time: a question on Friday evening is due Monday, one before Chuseok after the holidays.
struct BusinessHours {
    std::array<QList<TimeRange>, 7> week; // [0] Monday … [6] Sunday; empty: closed
    QSet<QDate> holidays;                 // public holidays (KoreanHolidays::dates() by default)
    QSet<QDate> daysOff;                  // the seller's own
    QTimeZone zone = QTimeZone("Asia/Seoul");

    // Monday to Friday 09:00–12:00 and 13:00–18:00, closed at weekends; no holidays (the caller adds them).
    static BusinessHours standard();

    const QList<TimeRange>& rangesOn(QDate day) const { return week[static_cast<std::size_t>(day.dayOfWeek() - 1)]; }
    bool isWorkingDay(QDate day) const;
    // The moment `secs` of working time after `start`; a start outside working time counts from the next
    // opening. Gives up (returns start + secs, calendar time) when nothing is open within a year.
    QDateTime addWorkingSecs(const QDateTime& start, qint64 secs) const;

    // One day as a person writes it: "09:00-12:00,13:00-18:00", or "off".
    static Result<QList<TimeRange>> parseDay(const QString& text);
    static QString dayText(const QList<TimeRange>& ranges);
    bool operator==(const BusinessHours&) const = default;
};

// The days off everyone in Korea has (관공서의 공휴일에 관한 규정), substitute holidays included, from
// resources/holidays/kr.json (:/holidays/kr.json). Empty if the data cannot be read.
namespace korean_holidays {
QSet<QDate> dates();
// The first and last year the data covers.
std::pair<int, int> years();
} // namespace korean_holidays

} // namespace casebook
