#include "demo/demo_inbox.h"
#include "evidence/evidence_locker.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <QSet>

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
