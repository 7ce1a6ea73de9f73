#pragma once

#include "report/report_period.h"
#include "report/report_queries.h"
#include "store/app_settings.h"

#include <QMap>

namespace casebook::report {

// The claims a seller may have to account for: money back, goods back, goods missing or broken.
bool isClaim(Category c);
QList<Category> claimCategories();

// Percentiles by nearest rank: the smallest value with at least p% of the values at or below it (so the
// median of 4 values is the 2nd). Empty input: -1.
qint64 nearestRank(QList<qint64> values, int percent);

struct DurationFigures {
    int count = 0;
    qint64 medianSecs = -1; // -1: no value
    qint64 p90Secs = -1;
};

// How one channel's customers were answered in the period.
struct ChannelResponse {
    Channel channel = Channel::Email;
    int received = 0;
    int answered = 0;
    DurationFigures firstResponse; // customer's first message → the seller's first answer
    // The answer clock's rule (DueClocks::dueAt, business hours when the clock counts them): answered by
    // the deadline, out of the inquiries whose outcome is known (answered, or past the deadline unanswered).
    int decided = 0;
    int inTime = 0;
    qint64 clockSecs = 0; // the clock's time, for the chart's deadline line
};

// Open tickets by how long ago they came in.
struct BacklogBucket {
    qint64 fromSecs = 0; // inclusive
    qint64 toSecs = -1;  // exclusive; -1: no upper end
    QList<qint64> ticketIds;
};

// What the claims were about: a product, when the order cache names the claim's order's products (each of
// them counts the claim once), else the order number.
struct ClaimedItem {
    QString product;          // empty: counted by the order number
    QString orderNumber;      // when no product is known
    QStringList orderNumbers; // the orders behind a product's claims
    QMap<Category, int> byCategory;
    QList<qint64> ticketIds;
    int claims() const { return static_cast<int>(ticketIds.size()); }
    const QString& name() const { return product.isEmpty() ? orderNumber : product; }
};

struct AbusiveCustomer {
    qint64 customerId = 0;
    QString name;
    int inquiries = 0; // in the period
    int claims = 0;    // of those, claims
    QList<qint64> ticketIds;
};

// A period's figures: what the CLI prints and the window charts.
struct Figures {
    Period period;
    QDateTime now;
    QList<QDate> buckets;       // first day of each bar
    QList<Channel> channels;    // the channels inquiries came on, in the channel table's order
    QList<Category> categories; // the categories that occur, in Category's order
    QList<QMap<Channel, int>> receivedByChannel;   // per bucket
    QList<QMap<Category, int>> receivedByCategory; // per bucket
    int received = 0;
    QList<ChannelResponse> responses; // per channel in `channels`
    DurationFigures firstResponse;    // every channel
    QList<DurationFigures> firstResponseByBucket;
    DurationFigures resolution; // opened → resolved, for the period's inquiries resolved by now
    QList<BacklogBucket> backlog;
    QList<ClaimedItem> topClaims; // most claims first, at most kTopClaims
    QList<AbusiveCustomer> abusive;
    QList<InquiryFacts> inquiries; // the rows behind every bar

    static constexpr int kTopClaims = 10;

    // The inquiries behind one bar (a bucket, -1 for the whole period), narrowed to a channel or category.
    QList<qint64> ticketsBehind(int bucket, std::optional<Channel> channel = std::nullopt,
                                std::optional<Category> category = std::nullopt) const;
};

// The figures from facts already read: no store needed (the tests feed it too).
Figures figuresOf(const Period& period, QList<InquiryFacts> inquiries, const QList<OpenTicket>& open,
                  const DueClocks& clocks, const QDateTime& now);

// Reads the store (any connection) and computes the period's figures with the seller's answer clocks.
Figures computeFigures(SQLite::Database& db, const Period& period, const QDateTime& now);

} // namespace casebook::report
