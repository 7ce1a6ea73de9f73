#include "../inbox/triage_fixture.h"
#include "inbox/ticket_actions.h"
#include "store/customer_tickets.h"
#include "store/saved_searches.h"
#include "store/sql_util.h"

#include <catch2/catch.hpp>

using namespace casebook;

TEST_CASE("views split the inbox by answer clock, status, channel and category", "[views]")
{
    test::TriageStore s;
    const qint64 a =
        s.add(QStringLiteral("kim@x.example"), QStringLiteral("배송 문의"), QStringLiteral("언제 와요"));
    const qint64 b =
        s.add(QStringLiteral("lee@x.example"), QStringLiteral("Refund"), QStringLiteral("refund please"));
    const qint64 c = s.add(QStringLiteral("buyer-7"), QStringLiteral("상품 문의"),
                           QStringLiteral("재고 있나요"), {}, Channel::Coupang);
    TicketActions actions(*s.store.db);
    REQUIRE(actions.setStatus(c, TicketStatus::Waiting));
    CHECK(s.count(TicketView::Inbox) == 2);
    CHECK(s.count(TicketView::Waiting) == 1);
    CHECK(s.count(TicketView::Overdue) == 0);

    // 24 hours to answer: 20 hours on, both are due soon; a day and more on, both are overdue.
    s.store.clock.advanceSeconds(20 * 3600);
    CHECK(s.count(TicketView::DueSoon) == 2);
    s.store.clock.advanceSeconds(6 * 3600);
    CHECK(s.count(TicketView::DueSoon) == 0);
    CHECK(s.count(TicketView::Overdue) == 2);

    REQUIRE(actions.setStatus(b, TicketStatus::Spam));
    CHECK(s.count(TicketView::Spam) == 1);
    CHECK(s.count(TicketView::All) == 2);

    const ViewCounts counts = ticket_queries::viewCounts(s.r(), s.store.clock.now());
    CHECK(counts.views.value(TicketView::Inbox) == 1);
    CHECK(counts.views.value(TicketView::Spam) == 1);
    CHECK(counts.channels.value(QStringLiteral("coupang")) == 1);
    CHECK(counts.channels.value(QStringLiteral("email")) == 1); // the spam one is not counted
    CHECK(counts.categories.value(Category::Shipping) == 1);

    TicketFilter byChannel;
    byChannel.view = TicketView::All;
    byChannel.channel = Channel::Coupang;
    CHECK(ticket_queries::ticketIds(s.r(), byChannel) == QList<qint64>{c});
    TicketFilter byCategory;
    byCategory.view = TicketView::All;
    byCategory.category = Category::Shipping;
    CHECK(ticket_queries::ticketIds(s.r(), byCategory) == QList<qint64>{a});
}

TEST_CASE("lists sort by any column in SQL, both ways", "[views]")
{
    test::TriageStore s;
    const qint64 b = s.add(QStringLiteral("bora@x.example"), QStringLiteral("Beta"), QStringLiteral("x"));
    const qint64 a = s.add(QStringLiteral("aram@x.example"), QStringLiteral("Gamma"), QStringLiteral("x"));
    const qint64 c = s.add(QStringLiteral("chul@x.example"), QStringLiteral("alpha"), QStringLiteral("x"));
    TicketFilter f;
    f.view = TicketView::All;
    CHECK(ticket_queries::ticketIds(s.r(), f) == QList<qint64>{c, a, b}); // newest activity first
    f.sort = TicketSort::Customer;
    CHECK(ticket_queries::ticketIds(s.r(), f) == QList<qint64>{a, b, c});
    f.ascending = false;
    CHECK(ticket_queries::ticketIds(s.r(), f) == QList<qint64>{c, b, a});
    f.sort = TicketSort::Subject;
    f.ascending = true;
    CHECK(ticket_queries::ticketIds(s.r(), f) == QList<qint64>{c, b, a});
    f.limit = 1;
    f.offset = 1;
    CHECK(ticket_queries::ticketIds(s.r(), f) == QList<qint64>{b});
}

namespace {

void setDue(test::TriageStore& s, qint64 ticket, const QDateTime& due)
{
    REQUIRE(s.store.db->write([&](SQLite::Database& w) -> Result<void> {
        SQLite::Statement st(w, "UPDATE tickets SET due_at = ? WHERE id = ?");
        sql::bindTime(st, 1, due);
        st.bind(2, static_cast<int64_t>(ticket));
        st.exec();
        return {};
    }));
}

} // namespace

TEST_CASE("the Inbox opens on what is due first: overdue, the soonest, then tickets owing no answer", "[views]")
{
    test::TriageStore s;
    const qint64 overdue = s.add(QStringLiteral("a@x.example"), QStringLiteral("A"), QStringLiteral("x"));
    const qint64 soon = s.add(QStringLiteral("b@x.example"), QStringLiteral("B"), QStringLiteral("x"));
    const qint64 owesNothing = s.add(QStringLiteral("c@x.example"), QStringLiteral("C"), QStringLiteral("x"));
    const qint64 later = s.add(QStringLiteral("d@x.example"), QStringLiteral("D"), QStringLiteral("x"));
    const QDateTime now = s.store.clock.now();
    setDue(s, overdue, now.addSecs(-3 * 3600));
    setDue(s, soon, now.addSecs(2 * 3600));
    setDue(s, owesNothing, QDateTime());
    setDue(s, later, now.addSecs(20 * 3600));
    TicketFilter inbox;
    inbox.view = TicketView::Inbox;
    inbox.now = now;
    CHECK(ticket_queries::ticketIds(s.r(), inbox) == QList<qint64>{overdue, soon, later, owesNothing});
    // The other views keep their own order: the newest activity first.
    TicketFilter all;
    all.view = TicketView::All;
    CHECK(ticket_queries::ticketIds(s.r(), all) == QList<qint64>{later, owesNothing, soon, overdue});
    // A sort the seller picks wins over the view's own.
    inbox.sort = TicketSort::Activity;
    inbox.ascending = false;
    CHECK(ticket_queries::ticketIds(s.r(), inbox) == QList<qint64>{later, owesNothing, soon, overdue});
}

TEST_CASE("saved searches are added, renamed and deleted, each recorded", "[views]")
{
    test::TriageStore s;
    auto id = saved_searches::add(*s.store.db, QStringLiteral("Refunds"), QStringLiteral("환불"));
    REQUIRE(id);
    CHECK_FALSE(saved_searches::add(*s.store.db, QStringLiteral(" Refunds "), QStringLiteral("x")));
    CHECK_FALSE(saved_searches::add(*s.store.db, QStringLiteral("Empty"), QStringLiteral("  ")));
    REQUIRE(saved_searches::add(*s.store.db, QStringLiteral("Amazon"), QStringLiteral("from:amazon")));
    auto list = saved_searches::list(s.r());
    REQUIRE(list.size() == 2);
    CHECK(list[0].name == QStringLiteral("Amazon"));
    CHECK(list[1].query == QStringLiteral("환불"));
    REQUIRE(saved_searches::rename(*s.store.db, id.value(), QStringLiteral("환불 건")));
    CHECK_FALSE(saved_searches::rename(*s.store.db, id.value(), QStringLiteral("Amazon")));
    REQUIRE(saved_searches::remove(*s.store.db, id.value()));
    CHECK_FALSE(saved_searches::remove(*s.store.db, id.value()));
    list = saved_searches::list(s.r());
    REQUIRE(list.size() == 1);
    CHECK(s.rows("SELECT kind FROM events ORDER BY id") ==
          QStringLiteral(
              "saved_search_added|\nsaved_search_added|\nsaved_search_renamed|\nsaved_search_removed|\n"));
}

TEST_CASE("a customer's history across channels: contacts, orders, tickets and claims", "[views][customer]")
{
    test::TriageStore s;
    const qint64 a = s.add(QStringLiteral("kim@x.example"), QStringLiteral("환불 요청"), QStringLiteral("환불해 주세요"),
                           {QStringLiteral("2026031012345")});
    const qint64 b = s.add(QStringLiteral("kim@x.example"), QStringLiteral("Missing plate"),
                           QStringLiteral("one plate is missing"), {QStringLiteral("2026031099999")});
    s.add(QStringLiteral("lee@x.example"), QStringLiteral("Other"), QStringLiteral("x"));
    TicketActions actions(*s.store.db);
    REQUIRE(actions.setCategory(a, Category::Refund));
    REQUIRE(actions.setCategory(b, Category::MissingItem));
    const auto customer = ticket_queries::customerOfTicket(s.r(), a);
    REQUIRE(customer);
    REQUIRE(ticket_queries::customerOfTicket(s.r(), b)->id == customer->id);
    const customer_tickets::History h = customer_tickets::history(s.r(), customer->id);
    CHECK(h.tickets == 2);
    CHECK(h.claims() == 2);
    CHECK(h.byCategory.value(Category::Refund) == 1);
    CHECK(h.orders == QStringList{QStringLiteral("2026031012345"), QStringLiteral("2026031099999")});
    const auto first = ticket_queries::messagesOfTicket(s.r(), a).first().date;
    const auto last = ticket_queries::messagesOfTicket(s.r(), b).last().date;
    CHECK(h.firstContact == first);
    CHECK(h.lastContact == last);
    CHECK(first < last);
}
