#include "inbox/ingestor.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace casebook;

namespace {

QByteArray mail(const QString& id, const QString& from, const QString& subject, const QString& date,
                const QString& inReplyTo = {}, const QString& refs = {}, const QString& body = QStringLiteral("hi"))
{
    QString s = QStringLiteral("From: %1\nTo: help@shop.example\nSubject: %2\nDate: %3\n").arg(from, subject, date);
    if (!id.isEmpty())
        s += QStringLiteral("Message-ID: <%1>\n").arg(id);
    if (!inReplyTo.isEmpty())
        s += QStringLiteral("In-Reply-To: <%1>\n").arg(inReplyTo);
    if (!refs.isEmpty())
        s += QStringLiteral("References: %1\n").arg(refs);
    s += QStringLiteral("Content-Type: text/plain; charset=UTF-8\n\n") + body + QLatin1Char('\n');
    return s.toUtf8();
}

struct Fixture {
    test::TempStore store;
    Ingestor ingestor{*store.db, IngestOptions{{QStringLiteral("help@shop.example")}}};

    IngestOutcome add(const QByteArray& raw)
    {
        auto r = ingestor.ingestMail(raw, QStringLiteral("test"), {});
        if (!r)
            FAIL(r.error().message.toStdString());
        return r.value();
    }
    StoreStats stats() { return ticket_queries::stats(store.db->reader()); }
};

} // namespace

TEST_CASE("the same bytes twice are one message", "[inbox]")
{
    Fixture f;
    const QByteArray raw = mail(QStringLiteral("a@x"), QStringLiteral("kim@x.example"), QStringLiteral("Hello"),
                                QStringLiteral("Mon, 02 Mar 2026 09:00:00 +0900"));
    CHECK(f.add(raw).kind == IngestOutcome::Kind::Imported);
    CHECK(f.add(raw).kind == IngestOutcome::Kind::Duplicate);
    CHECK(f.stats().messages == 1);
    CHECK(f.stats().tickets == 1);
}

TEST_CASE("replies join their parent's ticket, in either arrival order", "[inbox]")
{
    Fixture f;
    const auto parent = mail(QStringLiteral("p@x"), QStringLiteral("kim@x.example"), QStringLiteral("Mug"),
                             QStringLiteral("Mon, 02 Mar 2026 09:00:00 +0900"));
    const auto reply = mail(QStringLiteral("r@shop"), QStringLiteral("help@shop.example"), QStringLiteral("Re: Mug"),
                            QStringLiteral("Mon, 02 Mar 2026 10:00:00 +0900"), QStringLiteral("p@x"),
                            QStringLiteral("<p@x>"));
    const auto child = mail(QStringLiteral("c@x"), QStringLiteral("kim@x.example"), QStringLiteral("Re: Re: Mug"),
                            QStringLiteral("Mon, 02 Mar 2026 11:00:00 +0900"), QStringLiteral("r@shop"),
                            QStringLiteral("<p@x> <r@shop>"));
    SECTION("in order")
    {
        f.add(parent);
        f.add(reply);
        f.add(child);
    }
    SECTION("grandchild first, parent last")
    {
        f.add(child);
        f.add(parent);
        f.add(reply);
    }
    CHECK(f.stats().tickets == 1);
    CHECK(f.stats().messages == 3);
}

TEST_CASE("mail from the seller is outgoing and the ticket then waits on the customer", "[inbox]")
{
    Fixture f;
    const auto in = f.add(mail(QStringLiteral("q@x"), QStringLiteral("kim@x.example"), QStringLiteral("Q"),
                               QStringLiteral("Mon, 02 Mar 2026 09:00:00 +0000")));
    auto t = ticket_queries::ticketsByIds(f.store.db->reader(), {in.ticketId}).value(0);
    CHECK(t.status == TicketStatus::New);
    CHECK(t.dueAt == QDateTime(QDate(2026, 3, 3), QTime(9, 0), QTimeZone::utc()));
    f.add(mail(QStringLiteral("a@shop"), QStringLiteral("help@shop.example"), QStringLiteral("Re: Q"),
               QStringLiteral("Mon, 02 Mar 2026 10:00:00 +0000"), QStringLiteral("q@x")));
    t = ticket_queries::ticketsByIds(f.store.db->reader(), {in.ticketId}).value(0);
    CHECK(t.status == TicketStatus::Waiting);
    CHECK_FALSE(t.dueAt.isValid());
    const auto msgs = ticket_queries::messagesOfTicket(f.store.db->reader(), in.ticketId);
    REQUIRE(msgs.size() == 2);
    CHECK(msgs[1].direction == Direction::Out);
}

TEST_CASE("a [#number] tag joins the tagged ticket", "[inbox]")
{
    Fixture f;
    const auto first = f.add(mail(QStringLiteral("q@x"), QStringLiteral("kim@x.example"), QStringLiteral("Mug"),
                                  QStringLiteral("Mon, 02 Mar 2026 09:00:00 +0000")));
    const auto tagged = f.add(mail(QStringLiteral("other@y"), QStringLiteral("lee@y.example"),
                                   QStringLiteral("Re: something [#1001]"),
                                   QStringLiteral("Tue, 03 Mar 2026 09:00:00 +0000")));
    CHECK(tagged.ticketId == first.ticketId);
}

TEST_CASE("same customer and subject join within 14 days, not after", "[inbox]")
{
    Fixture f;
    const auto a = f.add(mail(QStringLiteral("1@x"), QStringLiteral("kim@x.example"), QStringLiteral("배송 문의"),
                              QStringLiteral("Mon, 02 Mar 2026 09:00:00 +0000")));
    const auto b = f.add(mail(QStringLiteral("2@x"), QStringLiteral("kim@x.example"), QStringLiteral("답장: 배송 문의"),
                              QStringLiteral("Tue, 10 Mar 2026 09:00:00 +0000")));
    const auto c = f.add(mail(QStringLiteral("3@x"), QStringLiteral("kim@x.example"), QStringLiteral("배송 문의"),
                              QStringLiteral("Wed, 01 Apr 2026 09:00:00 +0000")));
    const auto other = f.add(mail(QStringLiteral("4@x"), QStringLiteral("lee@x.example"), QStringLiteral("배송 문의"),
                                  QStringLiteral("Mon, 02 Mar 2026 10:00:00 +0000")));
    CHECK(b.ticketId == a.ticketId);
    CHECK(c.ticketId != a.ticketId);
    CHECK(other.ticketId != a.ticketId);
}

TEST_CASE("same customer and order number join across subjects", "[inbox]")
{
    Fixture f;
    const auto a = f.add(mail(QStringLiteral("1@x"), QStringLiteral("kim@x.example"), QStringLiteral("Where is it"),
                              QStringLiteral("Mon, 02 Mar 2026 09:00:00 +0000"), {}, {},
                              QStringLiteral("주문번호: 2026030112345678")));
    const auto b = f.add(mail(QStringLiteral("2@x"), QStringLiteral("kim@x.example"), QStringLiteral("Refund please"),
                              QStringLiteral("Mon, 23 Mar 2026 09:00:00 +0000"), {}, {},
                              QStringLiteral("order 2026030112345678 never came")));
    CHECK(b.ticketId == a.ticketId);
}

TEST_CASE("unreadable bytes are quarantined with their raw bytes, never dropped", "[inbox]")
{
    Fixture f;
    const QByteArray junk("\x00\x01 not mail", 11);
    const auto r = f.add(junk);
    CHECK(r.kind == IngestOutcome::Kind::Quarantined);
    CHECK_FALSE(r.reason.isEmpty());
    CHECK(f.stats().quarantined == 1);
    CHECK(f.stats().messages == 0);
    CHECK(f.add(junk).kind == IngestOutcome::Kind::Duplicate);
    const auto q = ticket_queries::quarantined(f.store.db->reader());
    REQUIRE(q.size() == 1);
    CHECK(f.store.db->reader().execAndGet("SELECT length(data) FROM raw_messages").getInt() == junk.size());
}
