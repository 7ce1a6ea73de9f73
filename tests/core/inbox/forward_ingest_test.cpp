#include "inbox/ingestor.h"
#include "store/message_search.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace casebook;

namespace {

struct Fixture {
    test::TempStore store;
    Ingestor ingestor{*store.db, IngestOptions{{QStringLiteral("@dalbit-shop.example"),
                                                QStringLiteral("dalbit.owner@naver.example"),
                                                QStringLiteral("dalbit.owner@gmail.example")}}};

    TicketSummary add(const char* fixture)
    {
        auto r = ingestor.ingestMail(
            test::readFile(test::testData(QStringLiteral("mail/") + QLatin1String(fixture))),
            QStringLiteral("test"), {});
        if (!r)
            FAIL(r.error().message.toStdString());
        REQUIRE(r->kind == IngestOutcome::Kind::Imported);
        for (const TicketSummary& t : ticket_queries::tickets(store.db->reader(), {}))
            if (t.id == r->ticketId)
                return t;
        FAIL("no ticket");
        return {};
    }
    QStringList found(const QString& query)
    {
        auto q = SearchQuery::parse(query, QTimeZone::utc());
        REQUIRE(q);
        auto hits = MessageSearch(store.db->reader()).hits(q.value(), {SearchOrder::Newest, 50, 0});
        REQUIRE(hits);
        QStringList out;
        for (const SearchHit& h : hits.value())
            out << h.subject;
        return out;
    }
};

} // namespace

TEST_CASE("the seller forwarding a customer's mail as an attachment makes it that customer's ticket",
          "[import]")
{
    Fixture f;
    const TicketSummary t = f.add("forward-attached-rfc822.eml");
    CHECK(t.customerName == QStringLiteral("박서준"));
    const auto customer = ticket_queries::customerOfTicket(f.store.db->reader(), t.id);
    REQUIRE(customer);
    REQUIRE(customer->identities.size() == 1);
    CHECK(customer->identities[0].value == QStringLiteral("seojun.park@daum.example"));
    CHECK(t.dueAt.isValid()); // incoming: an answer is owed
    const auto messages = ticket_queries::messagesOfTicket(f.store.db->reader(), t.id);
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].direction == Direction::In);
    CHECK(messages[0].text.contains(QStringLiteral("From: 박서준 <seojun.park@daum.example>")));
    REQUIRE(messages[0].attachments.size() == 1);
    CHECK(messages[0].attachments[0].mediaType == QStringLiteral("message/rfc822"));
    CHECK(t.orderNumbers.contains(QStringLiteral("2026120399990000")));
    CHECK(f.found(QStringLiteral("박서준")) == QStringList{QStringLiteral("Fwd: 주문 취소 요청드립니다")});
    CHECK(f.found(QStringLiteral("2026120399990000")) ==
          QStringList{QStringLiteral("Fwd: 주문 취소 요청드립니다")});
}

TEST_CASE("the seller forwarding inline (Gmail, Outlook) makes the quoted sender the customer", "[import]")
{
    Fixture f;
    CHECK(f.add("forward-inline-ko.eml").customerName == QStringLiteral("한예린"));
    CHECK(f.add("forward-outlook-ko.eml").customerName == QStringLiteral("정민호"));
}

TEST_CASE("a customer forwarding someone's mail stays the customer", "[import]")
{
    Fixture f;
    QByteArray raw = test::readFile(test::testData(QStringLiteral("mail/forward-attached-rfc822.eml")));
    raw.replace("<dalbit.owner@naver.example>\nTo: help", "<friend@daum.example>\nTo: help");
    auto r = f.ingestor.ingestMail(raw, QStringLiteral("test"), {});
    REQUIRE(r);
    const auto customer = ticket_queries::customerOfTicket(f.store.db->reader(), r->ticketId);
    REQUIRE(customer);
    CHECK(customer->identities[0].value == QStringLiteral("friend@daum.example"));
}

TEST_CASE("a seller's reply quoting the customer stays outgoing", "[import]")
{
    Fixture f;
    const QByteArray reply =
        "From: help@dalbit-shop.example\nTo: minho@hanmail.example\nSubject: RE: 교환\n"
        "Message-ID: <r1@dalbit-shop.example>\nDate: Wed, 2 Dec 2026 10:00:00 +0900\n"
        "Content-Type: text/plain; charset=UTF-8\n\n접수했습니다.\n\n-----Original Message-----\n"
        "From: 정민호 <minho@hanmail.example>\n";
    auto r = f.ingestor.ingestMail(reply, QStringLiteral("test"), {});
    REQUIRE(r);
    const auto messages = ticket_queries::messagesOfTicket(f.store.db->reader(), r->ticketId);
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].direction == Direction::Out);
}
