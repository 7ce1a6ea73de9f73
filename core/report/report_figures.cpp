#include "report/report_figures.h"

#include <QSet>
#include <SQLiteCpp/Exception.h>
#include <algorithm>
#include <cmath>
#include <string>

namespace casebook::report {
namespace {

// The backlog's age classes: a day, three days, a week, two weeks, thirty days, older.
constexpr qint64 kDay = 24 * 3600;
constexpr qint64 kBacklogEdges[] = {0, kDay, 3 * kDay, 7 * kDay, 14 * kDay, 30 * kDay};

DurationFigures durations(const QList<qint64>& secs)
{
    return {static_cast<int>(secs.size()), nearestRank(secs, 50), nearestRank(secs, 90)};
}

// One claim, under each product its orders name (once each) and under the number of each order whose
// products are not known.
void countClaim(QMap<std::pair<int, QString>, ClaimedItem>& claimed, const InquiryFacts& f)
{
    QSet<std::pair<int, QString>> counted;
    for (const QString& order : f.orderNumbers) {
        const QStringList products = f.productsByOrder.value(order);
        QList<std::pair<int, QString>> keys;
        for (const QString& product : products)
            keys << std::pair{0, product};
        if (products.isEmpty())
            keys << std::pair{1, order};
        for (const auto& key : keys) {
            ClaimedItem& item = claimed[key];
            if (!item.orderNumbers.contains(order))
                item.orderNumbers << order;
            if (counted.contains(key))
                continue;
            counted.insert(key);
            (key.first == 0 ? item.product : item.orderNumber) = key.second;
            ++item.byCategory[f.category];
            item.ticketIds << f.ticketId;
        }
    }
}

// A year's figures visit the same index pages once per statement, tens of thousands of them: with SQLite's
// default cache (2 MB) each visit read its page again from the file (the kernel's copying was half the
// time). For the computation the connection may keep up to 64 MB (taken only as pages are read), then its
// own size again, which frees the rest.
class LargerPageCache {
public:
    explicit LargerPageCache(SQLite::Database& db)
        : m_db(db), m_before(db.execAndGet("PRAGMA cache_size").getInt())
    {
        m_db.exec("PRAGMA cache_size = -65536");
    }
    ~LargerPageCache()
    {
        try {
            m_db.exec("PRAGMA cache_size = " + std::to_string(m_before));
        } catch (const SQLite::Exception&) {
            // The connection is closing or broken: nothing to give back.
        }
    }
    LargerPageCache(const LargerPageCache&) = delete;
    LargerPageCache& operator=(const LargerPageCache&) = delete;

private:
    SQLite::Database& m_db;
    int m_before;
};

} // namespace

bool isClaim(Category c)
{
    return c == Category::Refund || c == Category::MissingItem || c == Category::Return ||
           c == Category::Defect;
}

QList<Category> claimCategories()
{
    return {Category::Return, Category::Refund, Category::Defect, Category::MissingItem};
}

qint64 nearestRank(QList<qint64> values, int percent)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    // ceil(p/100 × n) without floating point: the rank of the smallest value covering p%.
    const qsizetype rank = std::max<qsizetype>(1, (percent * n + 99) / 100);
    return values[std::min(rank, n) - 1];
}

QList<qint64> Figures::ticketsBehind(int bucket, std::optional<Channel> channel,
                                     std::optional<Category> category) const
{
    QList<qint64> out;
    const QList<qint64> edges = period.bucketEdges();
    for (const InquiryFacts& f : inquiries) {
        if (bucket >= 0 && Period::bucketAt(edges, f.createdAt.toMSecsSinceEpoch()) != bucket)
            continue;
        if ((channel && f.channel != *channel) || (category && f.category != *category))
            continue;
        out << f.ticketId;
    }
    return out;
}

Figures figuresOf(const Period& period, QList<InquiryFacts> inquiries, const QList<OpenTicket>& open,
                  const DueClocks& clocks, const QDateTime& now)
{
    Figures fig;
    fig.period = period;
    fig.now = now;
    fig.buckets = period.bucketStarts();
    const auto buckets = fig.buckets.size();
    const QList<qint64> edges = period.bucketEdges();
    fig.receivedByChannel.resize(buckets);
    fig.receivedByCategory.resize(buckets);
    QList<QList<qint64>> firstResponseByBucket(buckets);
    QList<qint64> firstResponse;
    QList<qint64> resolution;
    QMap<Channel, ChannelResponse> responses;
    QMap<Channel, QList<qint64>> responseSecs;
    // Products before order numbers among equals, then by name: (0, product) or (1, order number).
    QMap<std::pair<int, QString>, ClaimedItem> claimed;
    QMap<qint64, AbusiveCustomer> abusive;
    // Rows in ticket order, so every list built from them (and the tickets behind a bar) is stable.
    std::sort(inquiries.begin(), inquiries.end(),
              [](const InquiryFacts& a, const InquiryFacts& b) { return a.ticketId < b.ticketId; });
    for (const InquiryFacts& f : inquiries) {
        const int bucket = Period::bucketAt(edges, f.createdAt.toMSecsSinceEpoch());
        if (bucket < 0)
            continue;
        ++fig.received;
        ++fig.receivedByChannel[bucket][f.channel];
        ++fig.receivedByCategory[bucket][f.category];
        ChannelResponse& r = responses[f.channel];
        r.channel = f.channel;
        r.clockSecs = clocks.forChannel(f.channel);
        ++r.received;
        const QDateTime due = clocks.dueAt(f.channel, f.firstInAt);
        if (f.firstOutAt.isValid()) {
            const qint64 secs = f.firstInAt.secsTo(f.firstOutAt);
            ++r.answered;
            ++r.decided;
            r.inTime += f.firstOutAt <= due ? 1 : 0;
            responseSecs[f.channel] << secs;
            firstResponse << secs;
            firstResponseByBucket[bucket] << secs;
        } else if (due <= now) {
            ++r.decided;
        }
        if (f.status == TicketStatus::Resolved && f.resolvedAt.isValid())
            resolution << f.createdAt.secsTo(f.resolvedAt);
        if (isClaim(f.category))
            countClaim(claimed, f);
        if (f.customerAbusive && f.customerId) {
            AbusiveCustomer& a = abusive[*f.customerId];
            a.customerId = *f.customerId;
            a.name = f.customerName;
            ++a.inquiries;
            a.claims += isClaim(f.category) ? 1 : 0;
            a.ticketIds << f.ticketId;
        }
    }
    for (const ChannelInfo& row : kChannelTable)
        if (responses.contains(row.channel)) {
            fig.channels << row.channel;
            ChannelResponse r = responses.value(row.channel);
            r.firstResponse = durations(responseSecs.value(row.channel));
            fig.responses << r;
        }
    for (const QString& name : allCategoryNames()) {
        const Category c = *categoryFromString(name);
        for (const auto& perBucket : fig.receivedByCategory)
            if (perBucket.contains(c)) {
                fig.categories << c;
                break;
            }
    }
    fig.firstResponse = durations(firstResponse);
    for (const QList<qint64>& secs : firstResponseByBucket)
        fig.firstResponseByBucket << durations(secs);
    fig.resolution = durations(resolution);

    for (std::size_t i = 0; i < std::size(kBacklogEdges); ++i)
        fig.backlog << BacklogBucket{
            kBacklogEdges[i], i + 1 < std::size(kBacklogEdges) ? kBacklogEdges[i + 1] : -1, {}};
    QList<OpenTicket> oldestFirst = open;
    std::sort(oldestFirst.begin(), oldestFirst.end(),
              [](const OpenTicket& a, const OpenTicket& b) { return a.ticketId < b.ticketId; });
    for (const OpenTicket& t : oldestFirst) {
        const qint64 age = std::max<qint64>(0, t.createdAt.secsTo(now));
        for (BacklogBucket& b : fig.backlog)
            if (age >= b.fromSecs && (b.toSecs < 0 || age < b.toSecs))
                b.ticketIds << t.ticketId;
    }

    fig.topClaims = claimed.values();
    std::stable_sort(fig.topClaims.begin(), fig.topClaims.end(),
                     [](const ClaimedItem& a, const ClaimedItem& b) { return a.claims() > b.claims(); });
    if (fig.topClaims.size() > Figures::kTopClaims)
        fig.topClaims.resize(Figures::kTopClaims);
    fig.abusive = abusive.values();
    std::stable_sort(fig.abusive.begin(), fig.abusive.end(),
                     [](const AbusiveCustomer& a, const AbusiveCustomer& b) { return a.claims > b.claims; });
    fig.inquiries = std::move(inquiries);
    return fig;
}

Figures computeFigures(SQLite::Database& db, const Period& period, const QDateTime& now)
{
    const LargerPageCache cache(db);
    return figuresOf(period, report_queries::inquiries(db, period.start(), period.end()),
                     report_queries::openTickets(db), AppSettings::dueClocks(db), now);
}

} // namespace casebook::report
