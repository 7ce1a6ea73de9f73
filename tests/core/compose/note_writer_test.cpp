#include "compose/note_writer.h"
#include "compose/outbox.h"
#include "inbox/ingestor.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace casebook;

TEST_CASE("an internal note is a Note message of its ticket and never enters the outbox", "[compose][note]")
{
    test::TempStore store;
    store.clock.set(QDateTime(QDate(2026, 3, 2), QTime(3, 0), Qt::UTC));
    Ingestor ingestor(*store.db, IngestOptions{{QStringLiteral("help@shop.example")}});
    const QByteArray raw = "From: Kim <kim@x.example>\nTo: help@shop.example\nSubject: 배송 문의\n"
                           "Date: Mon, 02 Mar 2026 09:00:00 +0900\nMessage-ID: <q1@x.example>\n"
                           "Content-Type: text/plain; charset=UTF-8\n\n언제 오나요?\n";
    auto ingested = ingestor.ingestMail(raw, QStringLiteral("test"), {});
    REQUIRE(ingested);
    const qint64 ticketId = ingested->ticketId;
    const auto before = ticket_queries::ticketsByIds(store.db->reader(), {ticketId}).first();

    store.clock.set(store.clock.now().addSecs(600));
    NoteWriter notes(*store.db);
    auto id = notes.add(ticketId, QStringLiteral("택배사에 확인 요청함 (CJ 상담원 김○○)"));
    REQUIRE(id);

    const QList<MessageRecord> messages = ticket_queries::messagesOfTicket(store.db->reader(), ticketId);
    REQUIRE(messages.size() == 2);
    const MessageRecord& note = messages.last();
    CHECK(note.id == id.value());
    CHECK(note.direction == Direction::Note);
    CHECK(note.channel == Channel::Email);
    CHECK(note.text == QStringLiteral("택배사에 확인 요청함 (CJ 상담원 김○○)"));

    // Nothing for the customer: no outbox item, and the answer clock and status are untouched.
    Outbox outbox(*store.db);
    auto items = outbox.list(ticketId);
    REQUIRE(items);
    CHECK(items->isEmpty());
    const auto after = ticket_queries::ticketsByIds(store.db->reader(), {ticketId}).first();
    CHECK(after.status == before.status);
    CHECK(after.dueAt == before.dueAt);
    CHECK(after.lastActivityAt == store.clock.now());

    SECTION("an empty note or an unknown ticket is refused with a reason")
    {
        auto empty = notes.add(ticketId, QStringLiteral("  \n "));
        REQUIRE_FALSE(empty);
        CHECK(empty.error().message.contains(QStringLiteral("empty")));
        auto unknown = notes.add(ticketId + 1000, QStringLiteral("x"));
        REQUIRE_FALSE(unknown);
        CHECK(unknown.error().message.contains(QString::number(ticketId + 1000)));
        CHECK(ticket_queries::messagesOfTicket(store.db->reader(), ticketId).size() == 2);
    }
}
