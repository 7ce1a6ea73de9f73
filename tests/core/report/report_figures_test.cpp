// The report's figures on the fixture store, against figures this test computes itself from the fixture's
// plan (what it meant to write), not from the store: a wrong statement, a wrong bucket or a wrong clock in
// the report shows as a difference.
#include "report/report_figures.h"
#include "support/report_fixture.h"
#include "support/test_support.h"

#include <QMap>
#include <QSet>
#include <algorithm>
#include <cmath>

using namespace casebook;
using namespace casebook::report;
using test::ReportFixtureTicket;

namespace {

struct FixtureStore {
    test::TempStore store;
    QList<ReportFixtureTicket> plan = test::report_fixture::plan();
    QList<qint64> ids;
    FixtureStore() { ids = test::report_fixture::write(*store.db, store.clock, plan, store.dir.path()); }
};

FixtureStore& fixture()
{
    static FixtureStore f;
    return f;
}

const QTimeZone kSeoul("Asia/Seoul");

Period november()
{
    return Period{QDate(2026, 11, 2), QDate(2026, 11, 29), Grain::Week, kSeoul};
}

// The week (0…3) of November's four a question falls in, by its day in Seoul; -1 outside.
int weekOf(const QDateTime& t)
{
    const QDate day = t.toTimeZone(kSeoul).date();
    const qint64 days = QDate(2026, 11, 2).daysTo(day);
    return days < 0 || days >= 28 ? -1 : static_cast<int>(days / 7);
}

bool inquiry(const ReportFixtureTicket& t)
{
    return !t.sellerFirst && t.finalStatus != TicketStatus::Spam;
}

bool claim(Category c)
{
    return c == Category::Refund || c == Category::Return || c == Category::Defect ||
           c == Category::MissingItem;
}

// Sorted ascending, the value at rank ceil(p% of n).
qint64 percentile(QList<qint64> v, double p)
{
    if (v.isEmpty())
        return -1;
    std::sort(v.begin(), v.end());
    const int rank = std::max(1, static_cast<int>(std::ceil(p / 100.0 * double(v.size()) - 1e-9)));
    return v[rank - 1];
}

DueClocks fixtureClocks()
{
    DueClocks c;
    c.setBusinessHours(Channel::Email, true);
    return c;
}

} // namespace

TEST_CASE("a period's bars: weeks from Monday, the first clipped to the period's start", "[report]")
{
    const Period p{QDate(2026, 11, 4), QDate(2026, 11, 20), Grain::Week, kSeoul};
    CHECK(p.bucketStarts() == QList<QDate>{QDate(2026, 11, 4), QDate(2026, 11, 9), QDate(2026, 11, 16)});
    CHECK(p.bucketOf(QDate(2026, 11, 8)) == 0);
    CHECK(p.bucketOf(QDate(2026, 11, 9)) == 1);
    CHECK(p.bucketOf(QDate(2026, 11, 21)) == -1);
    // The same bars found from instants (what the figures use): by midnight in Seoul, not UTC.
    const QList<qint64> edges = p.bucketEdges();
    REQUIRE(edges.size() == 4);
    const auto at = [&](int d, int h, int m) {
        return Period::bucketAt(edges,
                                QDateTime(QDate(2026, 11, d), QTime(h, m), kSeoul).toMSecsSinceEpoch());
    };
    CHECK(at(4, 0, 0) == 0);
    CHECK(at(8, 23, 59) == 0);
    CHECK(at(9, 0, 0) == 1);
    CHECK(at(20, 23, 59) == 2);
    CHECK(at(21, 0, 0) == -1);
    CHECK(at(3, 23, 59) == -1);
    const Period months{QDate(2026, 10, 15), QDate(2027, 1, 2), Grain::Month, kSeoul};
    CHECK(months.bucketStarts() ==
          QList<QDate>{QDate(2026, 10, 15), QDate(2026, 11, 1), QDate(2026, 12, 1), QDate(2027, 1, 1)});
    CHECK(months.bucketOf(QDate(2027, 1, 2)) == 3);
    const Period days{QDate(2026, 11, 30), QDate(2026, 12, 2), Grain::Day, kSeoul};
    CHECK(days.bucketStarts().size() == 3);
    CHECK(days.start() == QDateTime(QDate(2026, 11, 29), QTime(15, 0), QTimeZone::utc()));
    CHECK(days.end() == QDateTime(QDate(2026, 12, 2), QTime(15, 0), QTimeZone::utc()));
}

TEST_CASE("a period from the CLI's words: defaults, bad dates, reversed ends", "[report]")
{
    const QDateTime now(QDate(2026, 12, 3), QTime(3, 0), QTimeZone::utc()); // Thursday
    auto d = Period::fromText({}, {}, Grain::Week, now, kSeoul);
    REQUIRE(d);
    CHECK(d->from == QDate(2026, 11, 9));
    CHECK(d->to == QDate(2026, 12, 3));
    CHECK(d->bucketStarts().size() == 4);
    auto bad = Period::fromText(QStringLiteral("2026-13-01"), {}, Grain::Week, now, kSeoul);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == ErrorCode::InvalidInput);
    CHECK_FALSE(Period::fromText(QStringLiteral("2026-12-01"), QStringLiteral("2026-11-01"), Grain::Day, now,
                                 kSeoul));
}

TEST_CASE("percentiles by nearest rank", "[report]")
{
    CHECK(nearestRank({}, 50) == -1);
    CHECK(nearestRank({7}, 90) == 7);
    CHECK(nearestRank({4, 1, 3, 2}, 50) == 2);
    CHECK(nearestRank({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90) == 9);
    CHECK(nearestRank({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 90) == 10);
}

TEST_CASE("inquiries by week, channel and category match the fixture's plan", "[report]")
{
    FixtureStore& f = fixture();
    const Figures fig = computeFigures(f.store.db->reader(), november(), test::report_fixture::now());
    REQUIRE(fig.buckets.size() == 4);
    QList<QMap<Channel, int>> byChannel(4);
    QList<QMap<Category, int>> byCategory(4);
    int received = 0;
    for (const ReportFixtureTicket& t : f.plan)
        if (inquiry(t) && weekOf(t.askedAt) >= 0) {
            ++byChannel[weekOf(t.askedAt)][t.channel];
            ++byCategory[weekOf(t.askedAt)][t.category];
            ++received;
        }
    REQUIRE(received > 40); // the fixture is not empty
    CHECK(fig.received == received);
    CHECK(fig.receivedByChannel == byChannel);
    CHECK(fig.receivedByCategory == byCategory);
    // The question at 01:00 on Monday 2 November in Seoul (Sunday in UTC) is in the first week.
    CHECK(fig.ticketsBehind(0, Channel::Coupang).contains(f.ids[1]));
    // The tickets behind one bar are that bar's inquiries.
    QSet<qint64> expected;
    for (int i = 0; i < f.plan.size(); ++i)
        if (inquiry(f.plan[i]) && weekOf(f.plan[i].askedAt) == 2 && f.plan[i].channel == Channel::Email)
            expected.insert(f.ids[i]);
    const QList<qint64> behind = fig.ticketsBehind(2, Channel::Email);
    CHECK(QSet<qint64>(behind.begin(), behind.end()) == expected);
    CHECK(behind.size() == fig.receivedByChannel[2].value(Channel::Email));
}

TEST_CASE("first-response times and answers in time per channel follow the answer clocks", "[report]")
{
    FixtureStore& f = fixture();
    const QDateTime now = test::report_fixture::now();
    const Figures fig = computeFigures(f.store.db->reader(), november(), now);
    const DueClocks clocks = fixtureClocks();
    QMap<Channel, QList<qint64>> secs;
    QMap<Channel, int> received, decided, inTime;
    QList<qint64> all;
    for (const ReportFixtureTicket& t : f.plan) {
        if (!inquiry(t) || weekOf(t.askedAt) < 0)
            continue;
        ++received[t.channel];
        const QDateTime due = clocks.dueAt(t.channel, t.askedAt);
        if (t.answerAfterSecs >= 0) {
            secs[t.channel] << t.answerAfterSecs;
            all << t.answerAfterSecs;
            ++decided[t.channel];
            inTime[t.channel] += t.askedAt.addSecs(t.answerAfterSecs) <= due ? 1 : 0;
        } else if (due <= now) {
            ++decided[t.channel];
        }
    }
    REQUIRE(fig.responses.size() == received.size());
    for (const ChannelResponse& r : fig.responses) {
        INFO(toString(r.channel).toStdString());
        CHECK(r.received == received.value(r.channel));
        CHECK(r.answered == secs.value(r.channel).size());
        CHECK(r.firstResponse.medianSecs == percentile(secs.value(r.channel), 50));
        CHECK(r.firstResponse.p90Secs == percentile(secs.value(r.channel), 90));
        CHECK(r.decided == decided.value(r.channel));
        CHECK(r.inTime == inTime.value(r.channel));
    }
    CHECK(fig.firstResponse.medianSecs == percentile(all, 50));
    // The email clock counts business hours: Friday 17:00 to Monday 10:00 is two of them, in time, though
    // 65 calendar hours passed.
    const ReportFixtureTicket& friday = f.plan[0];
    CHECK(friday.askedAt.addSecs(friday.answerAfterSecs) <= clocks.dueAt(Channel::Email, friday.askedAt));
    CHECK(friday.answerAfterSecs > 24 * 3600);
}

TEST_CASE("resolution times, the backlog by age, claimed orders and abusive customers", "[report]")
{
    FixtureStore& f = fixture();
    const QDateTime now = test::report_fixture::now();
    const Figures fig = computeFigures(f.store.db->reader(), november(), now);
    QList<qint64> resolution;
    QMap<QString, int> orderClaims;
    QMap<QString, std::pair<int, int>> abusive; // customer → inquiries, claims
    for (const ReportFixtureTicket& t : f.plan) {
        if (!inquiry(t) || weekOf(t.askedAt) < 0)
            continue;
        if (t.resolveAfterSecs >= 0)
            resolution << t.resolveAfterSecs;
        if (claim(t.category))
            ++orderClaims[t.order];
        if (t.abusive) {
            ++abusive[t.customer].first;
            abusive[t.customer].second += claim(t.category) ? 1 : 0;
        }
    }
    REQUIRE(resolution.size() > 5);
    CHECK(fig.resolution.count == resolution.size());
    CHECK(fig.resolution.medianSecs == percentile(resolution, 50));
    CHECK(fig.resolution.p90Secs == percentile(resolution, 90));

    // Open tickets of any period, by age now: under a day, 1–3 days, 3–7, 7–14, 14–30, older.
    const QList<int> backlog = test::report_fixture::openByAge(f.plan);
    REQUIRE(fig.backlog.size() == backlog.size());
    for (int b = 0; b < backlog.size(); ++b)
        CHECK(fig.backlog[b].ticketIds.size() == backlog[b]);

    // By product where the fixture's order cache names the order's products, else by order number.
    const QMap<QString, QStringList> cache = test::report_fixture::cachedProducts();
    QMap<QString, int> productClaims;
    QMap<QString, int> numberClaims;
    for (auto it = orderClaims.begin(); it != orderClaims.end(); ++it) {
        QStringList products = cache.value(it.key());
        products.removeDuplicates();
        if (products.isEmpty())
            numberClaims[it.key()] += it.value();
        for (const QString& p : products)
            productClaims[p] += it.value();
    }
    REQUIRE_FALSE(fig.topClaims.isEmpty());
    int most = 0;
    for (int n : productClaims.values() + numberClaims.values())
        most = std::max(most, n);
    CHECK(fig.topClaims.front().claims() == most);
    CHECK(productClaims.value(QStringLiteral("백자 접시 세트")) >= 3); // gathered from several orders
    CHECK(fig.topClaims.size() ==
          std::min<qsizetype>(Figures::kTopClaims, productClaims.size() + numberClaims.size()));
    for (int i = 1; i < fig.topClaims.size(); ++i)
        CHECK(fig.topClaims[i - 1].claims() >= fig.topClaims[i].claims());
    bool sawProduct = false, sawNumber = false;
    for (const ClaimedItem& o : fig.topClaims) {
        INFO(o.name().toStdString());
        if (o.product.isEmpty()) {
            sawNumber = true;
            CHECK(o.claims() == numberClaims.value(o.orderNumber, -1));
            CHECK(o.orderNumbers == QStringList{o.orderNumber});
        } else {
            sawProduct = true;
            CHECK(o.claims() == productClaims.value(o.product, -1)); // not an older fetch's name
            for (const QString& order : o.orderNumbers)
                CHECK(cache.value(order).contains(o.product));
        }
    }
    CHECK(sawProduct);
    CHECK(sawNumber);

    REQUIRE(fig.abusive.size() == abusive.size());
    for (const AbusiveCustomer& a : fig.abusive) {
        INFO(a.name.toStdString());
        REQUIRE(abusive.contains(a.name));
        CHECK(a.inquiries == abusive.value(a.name).first);
        CHECK(a.claims == abusive.value(a.name).second);
    }
}
