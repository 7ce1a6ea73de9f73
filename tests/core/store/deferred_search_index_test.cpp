#include "store/deferred_search_index.h"
#include "store/message_search.h"
#include "store/ticket_writes.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace casebook;

namespace {

InboundMessage message(const QString& sha, const QString& body)
{
    InboundMessage m;
    m.raw = body.toUtf8();
    m.rawSha256 = sha;
    m.subject = QStringLiteral("문의");
    m.text = body;
    m.date = QDateTime(QDate(2026, 3, 10), QTime(9, 0), QTimeZone::utc());
    return m;
}

// One message in a ticket of its own, in a write of its own.
bool addAlone(Database& store, const QString& sha, const QString& body, const QDateTime& now)
{
    return static_cast<bool>(store.write([&](SQLite::Database& db) -> Result<void> {
        ticket_writes::insertMessage(db, message(sha, body),
                                     ticket_writes::createTicket(db, {QStringLiteral("x"), {}, {}, now}), {},
                                     now);
        return {};
    }));
}

qint64 count(Database& db, const char* query)
{
    return MessageSearch(db.reader()).count(QString::fromUtf8(query)).value();
}

} // namespace

TEST_CASE("messages written under a deferred index are found once the batch commits, quarantined ones never",
          "[search][store]")
{
    test::TempStore s;
    const QDateTime now = QDateTime(QDate(2026, 3, 10), QTime(9, 0), QTimeZone::utc());
    REQUIRE(addAlone(*s.db, QStringLiteral("a1"), QStringLiteral("before the batch"), now));
    REQUIRE(s.db->write([&](SQLite::Database& db) -> Result<void> {
        DeferredSearchIndex index(db);
        const qint64 ticket = ticket_writes::createTicket(db, {QStringLiteral("y"), {}, {}, now});
        ticket_writes::insertMessage(db, message(QStringLiteral("b1"), QStringLiteral("환불을 원합니다")),
                                     ticket, {}, now);
        ticket_writes::insertMessage(db, message(QStringLiteral("b2"), QStringLiteral("refund chargeback")),
                                     ticket, {}, now);
        ticket_writes::quarantine(db, message(QStringLiteral("b3"), QStringLiteral("chargeback unreadable")),
                                  QStringLiteral("broken"), now);
        // Inside the batch nothing is indexed yet: the trigger stands aside.
        CHECK(
            db.execAndGet("SELECT count(*) FROM message_fts WHERE message_fts MATCH 'chargeback'").getInt() ==
            0);
        index.finish();
        return {};
    }));
    CHECK(count(*s.db, "환불") == 1);
    CHECK(count(*s.db, "chargeback") == 1);
    CHECK(count(*s.db, "before") == 1);
    CHECK(s.db->reader().execAndGet("SELECT count(*) FROM search_index_deferred").getInt() == 0);

    // After the batch the trigger indexes single writes again.
    REQUIRE(addAlone(*s.db, QStringLiteral("c1"), QStringLiteral("after chargeback"), now));
    CHECK(count(*s.db, "chargeback") == 2);
    // One index entry per message in a ticket (FTS5's integrity-check cannot be used: it expects every row
    // of the content table, quarantined ones included, to be indexed).
    CHECK(
        s.db->reader().execAndGet("SELECT count(*) FROM message_fts_docsize").getInt() ==
        s.db->reader().execAndGet("SELECT count(*) FROM messages WHERE quarantine_reason IS NULL").getInt());
}

TEST_CASE("a batch that rolls back leaves neither messages nor the deferral behind", "[search][store]")
{
    test::TempStore s;
    const QDateTime now = QDateTime(QDate(2026, 3, 10), QTime(9, 0), QTimeZone::utc());
    auto failed = s.db->write([&](SQLite::Database& db) -> Result<void> {
        DeferredSearchIndex index(db);
        ticket_writes::insertMessage(db, message(QStringLiteral("d1"), QStringLiteral("chargeback")),
                                     ticket_writes::createTicket(db, {QStringLiteral("x"), {}, {}, now}), {},
                                     now);
        return makeError(QStringLiteral("stop"));
    });
    CHECK_FALSE(failed);
    CHECK(s.db->reader().execAndGet("SELECT count(*) FROM search_index_deferred").getInt() == 0);
    REQUIRE(addAlone(*s.db, QStringLiteral("d2"), QStringLiteral("chargeback"), now));
    CHECK(count(*s.db, "chargeback") == 1);
}
