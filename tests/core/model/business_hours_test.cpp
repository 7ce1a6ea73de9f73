// Answer clocks on business hours: the edges a seller meets (Friday evening, the holidays around Chuseok, a
// substitute holiday, lunch, their own day off), the holiday data itself, and the clock an import starts.
#include "inbox/ingestor.h"
#include "model/business_hours.h"
#include "model/display_time.h"
#include "store/takeover_queries.h"
#include "store/app_settings.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <catch2/catch.hpp>

using namespace casebook;

namespace {

const QTimeZone kSeoul("Asia/Seoul");

QDateTime kst(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), kSeoul);
}

BusinessHours korean()
{
    BusinessHours h = BusinessHours::standard(); // Mon–Fri 09–12, 13–18
    h.holidays = korean_holidays::dates();
    return h;
}

} // namespace

TEST_CASE("a question on Friday evening is due on Monday, counting working time only", "[due][hours]")
{
    const BusinessHours h = korean();
    // Fri 2026-12-04 17:30: half an hour left on Friday, an hour and a half on Monday.
    CHECK(h.addWorkingSecs(kst(2026, 12, 4, 17, 30), 2 * 3600) == kst(2026, 12, 7, 10, 30));
    // 24 working hours are three working days: Friday's half hour, Monday, Tuesday, Wednesday until 17:30.
    CHECK(h.addWorkingSecs(kst(2026, 12, 4, 17, 30), 24 * 3600) == kst(2026, 12, 9, 17, 30));
    // Saturday night counts from Monday's opening.
    CHECK(h.addWorkingSecs(kst(2026, 12, 5, 23, 0), 3600) == kst(2026, 12, 7, 10, 0));
    // Calendar hours would have made it due on Saturday.
    CHECK(kst(2026, 12, 4, 17, 30).addSecs(24 * 3600) == kst(2026, 12, 5, 17, 30));
}

TEST_CASE("the eve of Chuseok: the holidays, the substitute day and Hangul Day all pass", "[due][hours]")
{
    const BusinessHours h = korean();
    // Thu 2025-10-02 17:00. Closed: Fri 3 (개천절), the weekend, Sun 5–Tue 7 (추석), Wed 8 (its substitute,
    // for the eve on a Sunday), Thu 9 (한글날). The next working hour is Friday the 10th.
    CHECK(h.addWorkingSecs(kst(2025, 10, 2, 17, 0), 2 * 3600) == kst(2025, 10, 10, 10, 0));
    // 2028: 추석 falls on 개천절 (Oct 3), so Thursday the 5th is the substitute.
    CHECK(h.addWorkingSecs(kst(2028, 9, 29, 18, 0), 3600) == kst(2028, 10, 6, 10, 0));
}

TEST_CASE("a substitute holiday is a day off like the holiday it replaces", "[due][hours]")
{
    BusinessHours h = korean();
    // 삼일절 2026 is a Sunday: Monday 2026-03-02 is its substitute.
    CHECK(h.holidays.contains(QDate(2026, 3, 2)));
    CHECK(h.addWorkingSecs(kst(2026, 2, 27, 17, 0), 2 * 3600) == kst(2026, 3, 3, 10, 0));
    // 2027: 설날 on a Sunday moves a day to Tuesday the 9th; Christmas on a Saturday to Monday the 27th.
    CHECK(h.addWorkingSecs(kst(2027, 2, 5, 18, 0), 3600) == kst(2027, 2, 10, 10, 0));
    CHECK(h.addWorkingSecs(kst(2027, 12, 24, 18, 0), 3600) == kst(2027, 12, 28, 10, 0));
    // Without public holidays the same question is due on the Monday.
    h.holidays.clear();
    CHECK(h.addWorkingSecs(kst(2026, 2, 27, 17, 0), 2 * 3600) == kst(2026, 3, 2, 10, 0));
}

TEST_CASE("the lunch break does not count, nor does a day the seller took off", "[due][hours]")
{
    BusinessHours h = korean();
    // Tue 2026-12-08: half an hour before lunch, half an hour after.
    CHECK(h.addWorkingSecs(kst(2026, 12, 8, 11, 30), 3600) == kst(2026, 12, 8, 13, 30));
    // A question at lunch waits for 13:00.
    CHECK(h.addWorkingSecs(kst(2026, 12, 8, 12, 20), 3600) == kst(2026, 12, 8, 14, 0));
    // Exactly the morning's end: due at the end of the range, not after lunch.
    CHECK(h.addWorkingSecs(kst(2026, 12, 8, 11, 0), 3600) == kst(2026, 12, 8, 12, 0));
    h.daysOff.insert(QDate(2026, 12, 7));
    CHECK(h.addWorkingSecs(kst(2026, 12, 4, 17, 30), 2 * 3600) == kst(2026, 12, 8, 10, 30));
    // The shop of the demo: weekdays 10:00–17:00, no lunch break.
    BusinessHours shop;
    shop.holidays = korean_holidays::dates();
    for (int d = 0; d < 5; ++d)
        shop.week[static_cast<std::size_t>(d)] = {{QTime(10, 0), QTime(17, 0)}};
    CHECK(shop.addWorkingSecs(kst(2026, 12, 8, 16, 0), 2 * 3600) == kst(2026, 12, 9, 11, 0));
}

TEST_CASE("a day's hours are read as a person writes them, and refused when they make no sense", "[due][hours]")
{
    auto day = BusinessHours::parseDay(QStringLiteral(" 9:00-12:00, 13:00-18:00 "));
    REQUIRE(day);
    CHECK(BusinessHours::dayText(day.value()) == QStringLiteral("09:00-12:00,13:00-18:00"));
    REQUIRE(BusinessHours::parseDay(QStringLiteral("off")));
    CHECK(BusinessHours::parseDay(QStringLiteral("off")).value().isEmpty());
    REQUIRE(BusinessHours::parseDay(QStringLiteral("20:00-24:00")));
    CHECK(BusinessHours::dayText(BusinessHours::parseDay(QStringLiteral("20:00-24:00")).value()) ==
          QStringLiteral("20:00-24:00"));
    for (const char* bad : {"9-18", "18:00-09:00", "09:00-13:00,12:00-18:00", "lunch", "25:00-26:00"}) {
        INFO(bad);
        CHECK_FALSE(BusinessHours::parseDay(QString::fromUtf8(bad)));
    }
}

TEST_CASE("the Korean holiday data covers 2025 to 2028 with its lunar and substitute days, and names its source",
          "[due][hours]")
{
    const QSet<QDate> days = korean_holidays::dates();
    CHECK(korean_holidays::years() == std::pair<int, int>{2025, 2028});
    // 설날 and 추석, three days each, in Korea's lunar calendar (2027's 설날 is Feb 7 in Korea).
    for (const QDate& d : {QDate(2025, 1, 29), QDate(2026, 2, 17), QDate(2027, 2, 7), QDate(2028, 1, 27),
                           QDate(2025, 10, 6), QDate(2026, 9, 25), QDate(2027, 9, 15), QDate(2028, 10, 3)}) {
        INFO(d.toString(Qt::ISODate).toStdString());
        CHECK(days.contains(d.addDays(-1)));
        CHECK(days.contains(d));
        CHECK(days.contains(d.addDays(1)));
    }
    // 부처님오신날, and the substitute days of the rules since 2023.
    for (const QDate& d : {QDate(2025, 5, 5), QDate(2025, 5, 6), QDate(2026, 5, 24), QDate(2026, 5, 25),
                           QDate(2027, 5, 13), QDate(2028, 5, 2), QDate(2025, 3, 3), QDate(2025, 10, 8),
                           QDate(2026, 8, 17), QDate(2026, 10, 5), QDate(2027, 2, 9), QDate(2027, 8, 16),
                           QDate(2027, 10, 4), QDate(2027, 10, 11), QDate(2027, 12, 27), QDate(2028, 10, 5)}) {
        INFO(d.toString(Qt::ISODate).toStdString());
        CHECK(days.contains(d));
    }
    // No substitute for 현충일 on a Saturday (2026) or for 추석 on a Saturday (2026-09-26).
    CHECK_FALSE(days.contains(QDate(2026, 6, 8)));
    CHECK_FALSE(days.contains(QDate(2026, 9, 28)));
    QFile f(QStringLiteral(":/holidays/kr.json"));
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QString source = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("source")).toString();
    CHECK(source.contains(QStringLiteral("한국천문연구원")));
    CHECK(source.contains(QStringLiteral("관공서의 공휴일에 관한 규정")));
}

TEST_CASE("each clock counts calendar or business hours; Coupang's takeover stays calendar", "[due][hours]")
{
    DueClocks clocks;
    CHECK_FALSE(clocks.businessHours(Channel::Email));
    clocks.setBusinessHours(Channel::Email, true);
    clocks.setBusinessHours(Channel::Coupang, true); // refused: Coupang takes over after 24 calendar hours
    CHECK(clocks.businessHours(Channel::Email));
    CHECK_FALSE(clocks.businessHours(Channel::Coupang));
    CHECK_FALSE(DueClocks::mayCountBusinessHours(Channel::Coupang));
    const QDateTime friday = kst(2026, 12, 4, 17, 30);
    CHECK(clocks.dueAt(Channel::Email, friday) == kst(2026, 12, 9, 17, 30));
    CHECK(clocks.dueAt(Channel::Csv, friday) == kst(2026, 12, 9, 17, 30)); // CSV reads the email clock
    CHECK(clocks.dueAt(Channel::Coupang, friday) == kst(2026, 12, 5, 17, 30));
    CHECK(clocks.dueAt(Channel::Naver, friday) == kst(2026, 12, 5, 17, 30));
}

TEST_CASE("settings keep the clocks' counting, the week, days off and holidays, and imports use them",
          "[due][hours]")
{
    test::TempStore store;
    DueClocks clocks = AppSettings::dueClocks(store.db->reader());
    CHECK(clocks == DueClocks{});
    clocks.setBusinessHours(Channel::Email, true);
    BusinessHours h = clocks.hours();
    h.week[4] = {{QTime(10, 0), QTime(17, 0)}}; // Friday 10–17
    h.daysOff.insert(QDate(2026, 12, 7));
    clocks.setHours(h);
    REQUIRE(AppSettings::save(*store.db, clocks));
    const DueClocks read = AppSettings::dueClocks(store.db->reader());
    CHECK(read == clocks);
    CHECK(AppSettings::value(store.db->reader(), AppSettings::hoursKey(5)) == QStringLiteral("10:00-17:00"));

    // A mail on Friday at 16:30 owes 24 working hours: Friday's last half hour, Monday off, Tuesday 8h,
    // Wednesday 8h, and Thursday's 7.5h end at 17:30.
    Ingestor ingestor(*store.db, IngestOptions{{QStringLiteral("help@shop.example")}});
    InboundMessage m;
    m.channel = Channel::Email;
    m.raw = "x";
    m.externalId = QStringLiteral("friday@test");
    m.fromAddress = QStringLiteral("kim@x.example");
    m.to = {QStringLiteral("help@shop.example")};
    m.subject = QStringLiteral("배송 문의");
    m.text = QStringLiteral("언제 와요");
    m.date = kst(2026, 12, 4, 16, 30);
    auto r = ingestor.ingest(m);
    REQUIRE(r);
    const auto t = ticket_queries::ticketsByIds(store.db->reader(), {r->ticketId});
    REQUIRE(t.size() == 1);
    CHECK(t.first().dueAt == kst(2026, 12, 10, 17, 30));
}

TEST_CASE("Coupang's call-center inquiries are taken over when due, its product questions are not",
          "[due][takeover]")
{
    test::TempStore store;
    Ingestor ingestor(*store.db, IngestOptions{});
    auto inquiry = [&](const QString& key, const QString& buyer) {
        InboundMessage m;
        m.channel = Channel::Coupang;
        m.raw = key.toUtf8();
        m.externalId = key;
        m.customer = Identity{QStringLiteral("coupang"), buyer};
        m.fromName = buyer;
        m.subject = QStringLiteral("문의 ") + key;
        m.text = QStringLiteral("언제 와요");
        m.date = kst(2026, 12, 4, 17, 30);
        auto r = ingestor.ingest(m);
        REQUIRE(r);
        return r->ticketId;
    };
    const qint64 call = inquiry(QStringLiteral("coupang:call:9310045512"), QStringLiteral("buyer-1"));
    const qint64 online = inquiry(QStringLiteral("coupang:online:512007731"), QStringLiteral("buyer-2"));
    SQLite::Database& r = store.db->reader();
    CHECK(takeover_queries::of(r, call) == Channel::Coupang);
    CHECK_FALSE(takeover_queries::of(r, online));
    CHECK(takeover_queries::ofTickets(r, {call, online}).keys() == QList<qint64>{call});
    // Both count 24 calendar hours, Friday evening to Saturday evening.
    for (const TicketSummary& t : ticket_queries::ticketsByIds(r, {call, online}))
        CHECK(t.dueAt == kst(2026, 12, 5, 17, 30));
    const QDateTime due = kst(2026, 12, 5, 17, 30);
    CHECK(dueTextAt(due, due.addSecs(-3 * 3600), Channel::Coupang) == QStringLiteral("Coupang takes over in 3h"));
    CHECK(dueTextAt(due, due.addSecs(2 * 3600), Channel::Coupang) == QStringLiteral("Coupang took over 2h ago"));
    CHECK(dueTextAt(due, due.addSecs(26 * 3600)) == QStringLiteral("overdue 1d 2h"));
}
