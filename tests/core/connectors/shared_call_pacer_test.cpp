// The marketplace pacing shared through the database: two Database objects on one file stand for two
// processes (the window and a casebook-cli run). Times are given, not read from a clock: nothing waits.
#include "connectors/shared_call_pacer.h"
#include "support/test_support.h"

#include <QThread>
#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <catch2/catch.hpp>

using namespace casebook;

namespace {

std::unique_ptr<Database> openSecond(const test::TempStore& store)
{
    auto db = Database::open(store.path(), store.clock, OpenOptions{false});
    REQUIRE(db.ok());
    return std::move(db.value());
}

} // namespace

TEST_CASE("two processes on one database take turns at one gateway", "[connectors][pacing]")
{
    test::TempStore store;
    auto other = openSecond(store);
    SharedCallPacer window(*store.db, QStringLiteral("coupang:A001"));
    SharedCallPacer cli(*other, QStringLiteral("coupang:A001"));

    // The first call goes at once; each next one, whoever makes it, waits for the interval after the last.
    CHECK(window.takeTurn(1000, 110) == 1000);
    CHECK(cli.takeTurn(1000, 110) == 1110);
    CHECK(window.takeTurn(1050, 110) == 1220);
    CHECK(cli.takeTurn(1100, 110) == 1330);
    // After a quiet spell the turn is now, not a catch-up burst of missed turns.
    CHECK(window.takeTurn(5000, 110) == 5000);
    CHECK(cli.takeTurn(5001, 110) == 5110);
    // A slowed-down caller (after a 429) spaces its own call further from the last one.
    CHECK(window.takeTurn(5002, 440) == 5550);
}

TEST_CASE("gateways are paced apart, and a stored turn far ahead (a clock gone back) is forgotten",
          "[connectors][pacing]")
{
    test::TempStore store;
    auto other = openSecond(store);
    SharedCallPacer coupang(*store.db, QStringLiteral("coupang:A001"));
    SharedCallPacer otherVendor(*other, QStringLiteral("coupang:B002"));
    SharedCallPacer naver(*other, QStringLiteral("naver:client-1"));
    CHECK(coupang.takeTurn(1000, 110) == 1000);
    CHECK(otherVendor.takeTurn(1000, 110) == 1000);
    CHECK(naver.takeTurn(1000, 110) == 1000);
    CHECK(coupang.takeTurn(1000, 110) == 1110);

    // The clock went back an hour: waiting an hour for the stored turn would stall every call.
    const qint64 hourAgo = 1000 - 3600 * 1000;
    CHECK(coupang.takeTurn(hourAgo, 110) == hourAgo);
    CHECK(otherVendor.takeTurn(hourAgo, 110) == hourAgo);
    CHECK(coupang.takeTurn(hourAgo, 110) == hourAgo + 110);
    // A queue of turns within the bound is kept.
    CHECK(coupang.takeTurn(hourAgo + 110 - SharedCallPacer::kMaxAheadMs, 110) == hourAgo + 220);

    SQLite::Statement rows(store.db->reader(), "SELECT count(*) FROM api_pacing");
    REQUIRE(rows.executeStep());
    CHECK(rows.getColumn(0).getInt() == 3); // one row per gateway identity, updated in place
}

TEST_CASE("two processes taking turns at once never get the same turn", "[connectors][pacing]")
{
    test::TempStore store;
    constexpr int kEach = 40;
    std::vector<qint64> turns[2];
    auto take = [&](int who) {
        // A connection of its own, as another process would have (no Catch macros off the main thread).
        auto db = Database::open(store.path(), store.clock, OpenOptions{false});
        if (!db)
            return;
        SharedCallPacer pacer(**db, QStringLiteral("coupang:A001"));
        for (int i = 0; i < kEach; ++i)
            turns[who].push_back(pacer.takeTurn(1000, 100));
    };
    QThread* a = QThread::create(take, 0);
    QThread* b = QThread::create(take, 1);
    a->start();
    b->start();
    a->wait();
    b->wait();
    delete a;
    delete b;
    std::vector<qint64> all = turns[0];
    all.insert(all.end(), turns[1].begin(), turns[1].end());
    std::sort(all.begin(), all.end());
    REQUIRE(all.size() == 2 * kEach);
    // Every turn taken once, each 100 ms after the one before: 1000, 1100, … with no two alike.
    for (std::size_t i = 0; i < all.size(); ++i)
        CHECK(all[i] == 1000 + 100 * static_cast<qint64>(i));
}
