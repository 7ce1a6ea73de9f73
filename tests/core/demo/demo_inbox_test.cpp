#include "connectors/order_lookup.h"
#include "demo/demo_inbox.h"
#include "evidence/evidence_locker.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <QSet>
#include <QTimeZone>
#include <catch2/catch.hpp>

using namespace casebook;

TEST_CASE("the demo inbox loads through the importers into 40+ tickets across channels", "[demo]")
{
    test::TempStore s;
    auto report = DemoInbox::load(*s.db, DemoInbox::resourceRoot());
    REQUIRE(report);
    INFO(report->problems.join(QLatin1Char('\n')).toStdString());
    CHECK(report->problems.isEmpty());
    CHECK(report->quarantined == 0);
    CHECK(report->tickets >= 40);
    CHECK(report->evidence >= 3);

    SQLite::Database& r = s.db->reader();
    TicketFilter all;
    QList<TicketSummary> tickets = ticket_queries::tickets(r, all);
    all.view = TicketView::Spam;
    tickets += ticket_queries::tickets(r, all);
    QSet<QString> channels;
    QSet<TicketStatus> statuses;
    int korean = 0, english = 0;
    for (const TicketSummary& t : tickets) {
        for (const QString& c : t.channels)
            channels.insert(c);
        statuses.insert(t.status);
        bool hangul = false;
        for (QChar ch : t.subject)
            hangul |= ch.unicode() >= 0xAC00 && ch.unicode() <= 0xD7A3;
        (hangul ? korean : english)++;
    }
    CHECK(channels.contains(QStringLiteral("email")));
    CHECK(channels.contains(QStringLiteral("coupang")));
    CHECK(channels.contains(QStringLiteral("naver")));
    CHECK(statuses.size() >= 4);
    CHECK(korean >= 15);
    CHECK(english >= 5);

    // Replayed: the newest activity is close to "now", and some answers are due.
    TicketFilter due;
    due.view = TicketView::DueSoon;
    due.now = s.clock.now();
    CHECK(ticket_queries::countInView(r, due) >= 1);
}

TEST_CASE("the demo's fingerprint follows its files", "[demo]")
{
    const QString a = DemoInbox::fingerprint(DemoInbox::resourceRoot());
    CHECK(a.size() == 64);
    CHECK(a == DemoInbox::fingerprint(DemoInbox::resourceRoot()));
    CHECK(a != DemoInbox::fingerprint(QStringLiteral(CASEBOOK_TEST_DATA "/mail")));
}

// Issue 22: "the order panel shows a Coupang and a Naver order on the demo". The demo keeps the markets'
// order answers (resources/demo/orders/), parsed as a fetch parses them and moved with the messages' dates.
TEST_CASE("the demo keeps a Coupang and a Naver order beside their tickets, dated with the messages",
          "[demo][orders]")
{
    test::TempStore s;
    s.clock.set(QDateTime(QDate(2026, 12, 7), QTime(10, 0), QTimeZone::utc()));
    auto report = DemoInbox::load(*s.db, DemoInbox::resourceRoot());
    REQUIRE(report);
    INFO(report->problems.join(QLatin1Char('\n')).toStdString());
    CHECK(report->problems.isEmpty());
    CHECK(report->orders == 3);

    SQLite::Database& r = s.db->reader();
    const auto numberOf = [&r](const QString& externalId) {
        const auto id = ticket_queries::ticketOfExternalId(r, externalId);
        REQUIRE(id);
        const QList<TicketSummary> ticket = ticket_queries::ticketsByIds(r, {*id});
        REQUIRE(ticket.size() == 1);
        return ticket.first().number;
    };
    // Coupang: the call-center inquiry about the broken mug (its ticket is the email thread it joined).
    const auto coupang = OrderLookup::cachedForTicket(r, numberOf(QStringLiteral("coupang:call:9310045512")));
    REQUIRE(coupang);
    CHECK(coupang->channel == Channel::Coupang);
    CHECK(coupang->orderId == QStringLiteral("27000123456"));
    CHECK(coupang->product() == QStringLiteral("달빛공방 수제 달항아리 머그컵 350ml"));
    CHECK(coupang->quantity() == 2);
    CHECK(coupang->amount() == 36000);
    CHECK(coupang->trackingNumber == QStringLiteral("000035820174"));
    REQUIRE(coupang->claims.size() == 1);
    CHECK(coupang->claims[0].kind == OrderClaim::Kind::Return);
    CHECK(coupang->claims[0].state == QStringLiteral("RETURNS_UNCHECKED"));

    // Naver: the parcel held at customs, still on its way.
    const auto naver = OrderLookup::cachedForTicket(r, numberOf(QStringLiteral("naver:inquiry:395820117")));
    REQUIRE(naver);
    CHECK(naver->channel == Channel::Naver);
    CHECK(naver->orderId == QStringLiteral("2026030318820044"));
    CHECK(naver->status == QStringLiteral("DELIVERING"));
    CHECK(naver->carrier == QStringLiteral("우체국택배")); // EPOST, named from the carrier table
    CHECK_FALSE(naver->deliveredAt.isValid());

    // Dates moved as the messages' were: the demo's 2026-03-10 18:00 KST is now, so the order placed on
    // 3 March (KST) is seven days and some hours ago; fetched "now".
    CHECK(naver->fetchedAt == s.clock.now());
    const qint64 age = naver->orderedAt.secsTo(s.clock.now());
    CHECK(age == QDateTime(QDate(2026, 3, 3), QTime(9, 14), QTimeZone(9 * 3600))
                     .secsTo(QDateTime(QDate(2026, 3, 10), QTime(18, 0), QTimeZone(9 * 3600))));
    // A ticket whose order the demo does not keep shows none.
    CHECK_FALSE(OrderLookup::cachedForTicket(r, numberOf(QStringLiteral("naver:inquiry:395819985"))));
}
