#include "compose/draft_store.h"
#include "inbox/ingestor.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace casebook;

namespace {

qint64 ingestOne(test::TempStore& store, const QByteArray& messageId)
{
    Ingestor ingestor(*store.db, IngestOptions{{QStringLiteral("help@shop.example")}});
    const QByteArray raw = "From: Kim <kim@x.example>\nTo: help@shop.example\nSubject: 배송 문의\n"
                           "Date: Mon, 02 Mar 2026 09:00:00 +0900\nMessage-ID: <" +
                           messageId + ">\nContent-Type: text/plain; charset=UTF-8\n\n언제 오나요?\n";
    auto ingested = ingestor.ingestMail(raw, QStringLiteral("test"), {});
    REQUIRE(ingested);
    return ingested->ticketId;
}

} // namespace

TEST_CASE("a draft is kept per ticket, replaced when saved again and removed when blank", "[compose][drafts]")
{
    test::TempStore store;
    store.clock.set(QDateTime(QDate(2026, 3, 2), QTime(3, 0), Qt::UTC));
    const qint64 first = ingestOne(store, "d1@x.example");
    const qint64 second = ingestOne(store, "d2@x.example");
    REQUIRE(first != second);
    DraftStore drafts(*store.db);
    CHECK_FALSE(drafts.load(first));

    REQUIRE(drafts.save(first, QStringLiteral("안녕하세요, 오늘 발송했습니다."), Draft::Mode::Reply));
    REQUIRE(drafts.save(second, QStringLiteral("택배사 확인 중"), Draft::Mode::Note));
    auto kept = drafts.load(first);
    REQUIRE(kept);
    CHECK(kept->body == QStringLiteral("안녕하세요, 오늘 발송했습니다."));
    CHECK(kept->mode == Draft::Mode::Reply);
    CHECK(kept->updatedAt == store.clock.now());
    REQUIRE(drafts.load(second));
    CHECK(drafts.load(second)->mode == Draft::Mode::Note);

    // Saved again: one draft per ticket, the newer text and time.
    store.clock.advanceSeconds(60);
    REQUIRE(drafts.save(first, QStringLiteral("Shipped today."), Draft::Mode::Note));
    kept = drafts.load(first);
    REQUIRE(kept);
    CHECK(kept->body == QStringLiteral("Shipped today."));
    CHECK(kept->mode == Draft::Mode::Note);
    CHECK(kept->updatedAt == store.clock.now());
    CHECK(store.db->reader().execAndGet("SELECT COUNT(*) FROM drafts").getInt() == 2);

    // Blank text is no draft; remove() is what queuing the reply calls.
    REQUIRE(drafts.save(first, QStringLiteral("  \n "), Draft::Mode::Reply));
    CHECK_FALSE(drafts.load(first));
    REQUIRE(drafts.remove(second));
    CHECK_FALSE(drafts.load(second));
    REQUIRE(drafts.remove(second)); // nothing to remove is not an error
}

TEST_CASE("a draft for a ticket that does not exist is refused with a message", "[compose][drafts]")
{
    test::TempStore store;
    auto saved = DraftStore(*store.db).save(4242, QStringLiteral("hello"), Draft::Mode::Reply);
    REQUIRE_FALSE(saved);
    CHECK(saved.error().message.contains(QStringLiteral("4242")));
}
