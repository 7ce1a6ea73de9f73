// core/report/ owns the seller's reports: the figures of a period computed from the store (how many
// inquiries came in, how fast and how often in time they were answered, what is still open, which orders
// are claimed most) and the claims list a seller hands to a marketplace or the police.
#pragma once

#include "model/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QTimeZone>
#include <optional>

namespace casebook::report {

// How a period is cut into the bars of a chart: days, weeks starting on Monday, calendar months.
enum class Grain { Day, Week, Month };

QString toString(Grain g);
std::optional<Grain> grainFromString(const QString& s);

// A period of whole days in the shop's time zone, both ends included ("from 2026-11-01 to 2026-11-30").
struct Period {
    QDate from;
    QDate to;
    Grain grain = Grain::Week;
    QTimeZone zone = QTimeZone("Asia/Seoul");

    // The default: the last four weeks by week, this week included (Monday three weeks ago up to today).
    static Period lastFourWeeks(const QDateTime& now, const QTimeZone& zone);
    // From the CLI's or the window's words: dates as YYYY-MM-DD, either may be empty (from: four weeks
    // before `to`'s week; to: today). A usage error for a bad date or a period that ends before it starts.
    static Result<Period> fromText(const QString& from, const QString& to, Grain grain, const QDateTime& now,
                                   const QTimeZone& zone);

    QDateTime start() const; // the first day's midnight
    QDateTime end() const;   // the midnight after the last day (exclusive)

    // The first day of each bar, in order; the first is `from` even when it falls inside a week or month.
    QList<QDate> bucketStarts() const;
    // Which bar a day belongs to (-1 outside the period).
    int bucketOf(QDate day) const;
    // The instants the bars start at (each first day's midnight in the zone), then the period's end, in
    // milliseconds since the epoch; and which bar an instant falls in by them (-1 outside). Reading many
    // stored times, this is a search instead of a time-zone conversion each.
    QList<qint64> bucketEdges() const;
    static int bucketAt(const QList<qint64>& edges, qint64 msecs);
};

} // namespace casebook::report
