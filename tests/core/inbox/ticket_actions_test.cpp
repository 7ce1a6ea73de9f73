#include "inbox/ticket_actions.h"
#include "store/message_search.h"
#include "triage_fixture.h"

#include <catch2/catch.hpp>

using namespace casebook;

namespace {

QStringList eventKinds(test::TriageStore& s)
{
    return s.rows("SELECT kind FROM events ORDER BY id").split(QStringLiteral("|\n"), Qt::SkipEmptyParts);
}

TicketSummary ticket(test::TriageStore& s, qint64 id)
{
    const auto list = ticket_queries::ticketsByIds(s.r(), {id});
    REQUIRE(list.size() == 1);
    return list.first();
}

} // namespace

TEST_CASE("status, priority, category, order number and flags are set, recorded and undone", "[triage]")
{
    test::TriageStore s;
    const qint64 t =
        s.add(QStringLiteral("kim@x.example"), QStringLiteral("Hello"), QStringLiteral("a question"));
    TicketActions actions(*s.store.db);
    const QString before = s.dump();

    REQUIRE(actions.setStatus(t, TicketStatus::Resolved));
    CHECK(ticket(s, t).status == TicketStatus::Resolved);
    CHECK_FALSE(ticket(s, t).dueAt.isValid()); // a resolved case owes no answer
    REQUIRE(actions.setPriority(t, 2));
    CHECK(ticket(s, t).priority == 2);
    CHECK_FALSE(actions.setPriority(t, 7));
    REQUIRE(actions.setCategory(t, Category::Refund));
    CHECK(ticket(s, t).category == Category::Refund);
    REQUIRE(actions.addOrderNumber(t, QStringLiteral("2026031012345")));
    CHECK(ticket(s, t).orderNumbers == QStringList{QStringLiteral("2026031012345")});
    CHECK_FALSE(actions.addOrderNumber(t, QStringLiteral("2026031012345"))); // already there
    CHECK_FALSE(actions.addOrderNumber(t, QStringLiteral("; DROP TABLE")));
    REQUIRE(actions.setCustomerFlag(t, CustomerFlag::Vip, true));
    REQUIRE(actions.setCustomerFlag(t, CustomerFlag::Abusive, true));
    CHECK(ticket(s, t).customerVip);
    CHECK(ticket(s, t).customerAbusive);
    REQUIRE(actions.setSummary(t, QStringLiteral("  포장 영상에 세 개 모두 담겨 있음. 택배사 조사 중.\n")));
    CHECK(ticket(s, t).summary == QStringLiteral("포장 영상에 세 개 모두 담겨 있음. 택배사 조사 중."));
    CHECK_FALSE(actions.setSummary(t, QString(20001, QLatin1Char('x'))));

    CHECK(eventKinds(s) == QStringList{QStringLiteral("status"), QStringLiteral("priority"),
                                       QStringLiteral("category"), QStringLiteral("order_added"),
                                       QStringLiteral("customer_flag"), QStringLiteral("customer_flag"),
                                       QStringLiteral("summary")});
    REQUIRE(actions.lastUndoable());
    CHECK(actions.lastUndoable()->kind == QStringLiteral("summary"));

    // Undo walks back one action at a time, to exactly where it started.
    for (int i = 0; i < 7; ++i)
        REQUIRE(actions.undo());
    CHECK(s.dump() == before);
    CHECK_FALSE(actions.undo());
    CHECK_FALSE(actions.lastUndoable());
}

TEST_CASE("a snoozed ticket leaves the Inbox until its time, then comes back", "[triage]")
{
    test::TriageStore s;
    const qint64 t =
        s.add(QStringLiteral("kim@x.example"), QStringLiteral("Hello"), QStringLiteral("a question"));
    s.add(QStringLiteral("lee@x.example"), QStringLiteral("Other"), QStringLiteral("another"));
    TicketActions actions(*s.store.db);
    REQUIRE(s.count(TicketView::Inbox) == 2);

    REQUIRE(actions.snooze(t, s.store.clock.now().addDays(2)));
    CHECK(s.count(TicketView::Inbox) == 1);
    CHECK(s.count(TicketView::Snoozed) == 1);
    s.store.clock.advanceSeconds(2 * 86400 + 1);
    CHECK(s.count(TicketView::Inbox) == 2);
    CHECK(s.count(TicketView::Snoozed) == 0);

    // The customer writing again wakes a snoozed ticket at once.
    REQUIRE(actions.snooze(t, s.store.clock.now().addDays(7)));
    CHECK(s.count(TicketView::Inbox) == 1);
    auto reply =
        s.ingestor.ingestMail(QByteArrayLiteral("From: kim@x.example\nTo: help@shop.example\nSubject: "
                                                "Re: Hello\nIn-Reply-To: <m1@test>\n\nstill there?\n"),
                              QStringLiteral("test"), {});
    REQUIRE(reply);
    CHECK(reply->ticketId == t);
    CHECK(s.count(TicketView::Inbox) == 2);
}

TEST_CASE("merge moves every message, and undo puts back exactly what was", "[triage][merge]")
{
    test::TriageStore s;
    const qint64 a = s.add(QStringLiteral("kim@x.example"), QStringLiteral("Broken mug"),
                           QStringLiteral("the mug arrived cracked"), {QStringLiteral("2026030111111")});
    const qint64 b =
        s.add(QStringLiteral("kim@other.example"), QStringLiteral("Photo of the mug"),
              QStringLiteral("here is a photo 사진 첨부합니다"), {QStringLiteral("2026030122222")});
    s.add(QStringLiteral("kim@other.example"), QStringLiteral("Re: Photo of the mug"),
          QStringLiteral("and one more"));
    TicketActions actions(*s.store.db);
    REQUIRE(actions.setStatus(b, TicketStatus::Waiting));
    REQUIRE(actions.setPriority(b, 1));
    const QString before = s.dump();
    const QList<qint64> aMessages = s.messageIds(a);
    const QList<qint64> bMessages = s.messageIds(b);
    REQUIRE(bMessages.size() == 2);
    MessageSearch search(s.r());
    REQUIRE(search.ticketIds(QStringLiteral("사진")).value() == QList<qint64>{b});
    const int all = s.count(TicketView::All);

    REQUIRE(actions.merge(a, b));
    CHECK(s.messageIds(a).size() == 3);
    CHECK(s.messageIds(b).isEmpty());
    CHECK(ticket(s, a).orderNumbers.size() == 2);
    CHECK(ticket(s, a).priority == 1);
    CHECK(s.count(TicketView::All) == all - 1); // the merged ticket is hidden
    CHECK(search.ticketIds(QStringLiteral("사진")).value() == QList<qint64>{a});
    CHECK(s.ftsIntact());
    CHECK_FALSE(actions.setStatus(b, TicketStatus::Open)); // b lives on in a
    CHECK_FALSE(actions.merge(a, a));

    // Mail that would have joined b (same customer, same subject) joins a now.
    auto late =
        s.ingestor.ingestMail(QByteArrayLiteral("From: kim@other.example\nTo: help@shop.example\nSubject: "
                                                "Re: Photo of the mug\n\nlate\n"),
                              QStringLiteral("test"), {});
    REQUIRE(late);
    CHECK(late->ticketId == a);
    CHECK_FALSE(late->createdTicket);
    // Take the late message out again by hand; undo then restores a's activity from its snapshot.
    auto lateUndo = s.store.db->write([&](SQLite::Database& db) -> Result<void> {
        db.exec("DELETE FROM message_refs WHERE message_id = (SELECT MAX(id) FROM messages)");
        db.exec("DELETE FROM messages WHERE id = (SELECT MAX(id) FROM messages)");
        return {};
    });
    REQUIRE(lateUndo);

    auto undone = actions.undo();
    REQUIRE(undone);
    CHECK(undone->kind == QStringLiteral("merge"));
    CHECK(s.messageIds(a) == aMessages);
    CHECK(s.messageIds(b) == bMessages);
    CHECK(search.ticketIds(QStringLiteral("사진")).value() == QList<qint64>{b});
    CHECK(s.ftsIntact());
    CHECK(s.dump() == before);
    CHECK(eventKinds(s).contains(QStringLiteral("merge")));
    CHECK(eventKinds(s).last() == QStringLiteral("undo"));
}

TEST_CASE("split moves one message into a new ticket, and undo removes it again", "[triage][split]")
{
    test::TriageStore s;
    const qint64 t = s.add(QStringLiteral("kim@x.example"), QStringLiteral("Order question"),
                           QStringLiteral("where is my parcel"));
    s.add(QStringLiteral("kim@x.example"), QStringLiteral("Re: Order question"),
          QStringLiteral("also: the plate was missing, order 주문번호 2026030199999, 환불 부탁"));
    TicketActions actions(*s.store.db);
    const QList<qint64> messages = s.messageIds(t);
    REQUIRE(messages.size() == 2);
    const QString before = s.dump();
    MessageSearch search(s.r());
    REQUIRE(search.ticketIds(QStringLiteral("환불")).value() == QList<qint64>{t});

    auto created = actions.split(messages.last());
    REQUIRE(created);
    CHECK(created.value() != t);
    CHECK(s.messageIds(t) == QList<qint64>{messages.first()});
    CHECK(s.messageIds(created.value()) == QList<qint64>{messages.last()});
    const TicketSummary fresh = ticket(s, created.value());
    CHECK(fresh.number > ticket(s, t).number);
    CHECK(fresh.orderNumbers.contains(QStringLiteral("2026030199999")));
    CHECK(fresh.customerName == ticket(s, t).customerName);
    CHECK(search.ticketIds(QStringLiteral("환불")).value() == QList<qint64>{created.value()});
    CHECK(s.ftsIntact());
    CHECK_FALSE(actions.split(messages.first())); // the only message left cannot be split off

    REQUIRE(actions.undo());
    CHECK(s.messageIds(t) == messages);
    CHECK(ticket_queries::ticketsByIds(s.r(), {created.value()}).isEmpty());
    CHECK(search.ticketIds(QStringLiteral("환불")).value() == QList<qint64>{t});
    CHECK(s.ftsIntact());
    CHECK(s.dump() == before);
}

TEST_CASE("undoing a split is refused once the new ticket got mail of its own", "[triage][split]")
{
    test::TriageStore s;
    const qint64 t = s.add(QStringLiteral("kim@x.example"), QStringLiteral("First"), QStringLiteral("one"));
    s.add(QStringLiteral("kim@x.example"), QStringLiteral("Re: First"), QStringLiteral("two"));
    TicketActions actions(*s.store.db);
    auto created = actions.split(s.messageIds(t).last());
    REQUIRE(created);
    auto reply =
        s.ingestor.ingestMail(QByteArrayLiteral("From: kim@x.example\nTo: help@shop.example\nSubject: "
                                                "Re: First\nIn-Reply-To: <m2@test>\n\nthree\n"),
                              QStringLiteral("test"), {});
    REQUIRE(reply);
    REQUIRE(reply->ticketId == created.value());
    const QString before = s.dump();
    auto undone = actions.undo();
    REQUIRE_FALSE(undone);
    CHECK(undone.error().message.contains(QStringLiteral("merge it back")));
    CHECK(s.dump() == before); // nothing changed
}

TEST_CASE("one change for several tickets is applied together and undone as one step", "[triage][bulk]")
{
    test::TriageStore s;
    const qint64 a = s.add(QStringLiteral("kim@x.example"), QStringLiteral("One"), QStringLiteral("first"));
    const qint64 b = s.add(QStringLiteral("kim@x.example"), QStringLiteral("Two"), QStringLiteral("second"));
    const qint64 c = s.add(QStringLiteral("lee@x.example"), QStringLiteral("Three"), QStringLiteral("third"));
    REQUIRE(a != b);
    TicketActions actions(*s.store.db);
    REQUIRE(actions.setPriority(c, 1)); // an earlier action, which the bulk undo must leave alone
    const QString before = s.dump();

    BulkChange change;
    change.status = TicketStatus::Resolved;
    change.priority = 2;
    change.category = Category::Shipping;
    change.snooze = s.store.clock.now().addDays(1);
    change.flag = CustomerFlag::Abusive;
    REQUIRE(actions.applyToAll({a, b, c}, change));
    for (qint64 id : {a, b, c}) {
        const TicketSummary t = ticket(s, id);
        CHECK(t.status == TicketStatus::Resolved);
        CHECK(t.priority == 2);
        CHECK(t.category == Category::Shipping);
        CHECK(t.snoozedUntil.isValid());
        CHECK(t.customerAbusive);
    }
    REQUIRE(actions.lastUndoable());
    CHECK(actions.lastUndoable()->kind == QStringLiteral("bulk"));
    CHECK(actions.lastUndoable()->description.startsWith(QStringLiteral("#")));

    REQUIRE(actions.undo());
    CHECK(s.dump() == before); // kim's flag too, though two of the tickets were kim's
    CHECK(ticket(s, c).priority == 1);
    REQUIRE(actions.lastUndoable());
    CHECK(actions.lastUndoable()->kind == QStringLiteral("priority"));

    // All or none: a merged ticket refuses the lot; nothing to change is refused.
    REQUIRE(actions.merge(a, b));
    const QString merged = s.dump();
    CHECK_FALSE(actions.applyToAll({c, b}, change));
    CHECK(s.dump() == merged);
    CHECK_FALSE(actions.applyToAll({c}, BulkChange{}));
    BulkChange tooHigh;
    tooHigh.priority = 3;
    CHECK_FALSE(actions.applyToAll({c}, tooHigh));
}
