#include "store/database.h"
#include "store/migrations.h"
#include "store/ticket_queries.h"
#include "store/ticket_writes.h"
#include "support/test_support.h"

#include <QCryptographicHash>
#include <QFile>
#include <QThread>
#include <thread>

#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace casebook;

TEST_CASE("a new database has every migration and the pragmas reliability.md asks for", "[store]")
{
    test::TempStore store;
    CHECK(store.db->schemaVersion() == latestMigration());
    SQLite::Database& r = store.db->reader();
    CHECK(r.execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(r.execAndGet("PRAGMA synchronous").getInt() == 2); // FULL
    CHECK(r.execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK(r.execAndGet("PRAGMA busy_timeout").getInt() >= 1000);
    CHECK(r.execAndGet("PRAGMA user_version").getInt() == latestMigration());
    for (const char* table : {"tickets", "messages", "raw_messages", "customers", "customer_identities",
                              "attachments", "evidence", "custody_log", "templates", "outbox", "accounts", "events"}) {
        SQLite::Statement st(r, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
        st.bind(1, table);
        INFO(table);
        CHECK(st.executeStep());
    }
}

TEST_CASE("reopening a database applies nothing twice and keeps its data", "[store]")
{
    test::TempStore store;
    auto w = store.db->write([&](SQLite::Database& db) -> Result<void> {
        ticket_writes::createTicket(db, {QStringLiteral("hello"), QStringLiteral("hello"), std::nullopt,
                                         store.clock.now()});
        return {};
    });
    REQUIRE(w);
    store.db.reset();
    auto again = Database::open(store.path(), store.clock);
    REQUIRE(again);
    CHECK((*again)->schemaVersion() == latestMigration());
    CHECK(ticket_queries::stats((*again)->reader()).tickets == 1);
}

TEST_CASE("read connections cannot write", "[store]")
{
    test::TempStore store;
    CHECK_THROWS(store.db->reader().exec("INSERT INTO meta(key, value) VALUES ('a', 'b')"));
}

TEST_CASE("a failed write function rolls back everything it did", "[store]")
{
    test::TempStore store;
    auto w = store.db->write([&](SQLite::Database& db) -> Result<void> {
        ticket_writes::createTicket(db, {QStringLiteral("x"), QStringLiteral("x"), std::nullopt, store.clock.now()});
        return makeError(QStringLiteral("changed my mind"));
    });
    REQUIRE_FALSE(w);
    CHECK(w.error().message == QStringLiteral("changed my mind"));
    CHECK(ticket_queries::stats(store.db->reader()).tickets == 0);

    auto thrown = store.db->write([&](SQLite::Database& db) -> Result<void> {
        ticket_writes::createTicket(db, {QStringLiteral("x"), QStringLiteral("x"), std::nullopt, store.clock.now()});
        db.exec("INSERT INTO no_such_table VALUES (1)");
        return {};
    });
    REQUIRE_FALSE(thrown);
    CHECK(thrown.error().message.contains(QStringLiteral("no_such_table")));
    CHECK(ticket_queries::stats(store.db->reader()).tickets == 0);
}

TEST_CASE("a database from a newer Casebook is refused and left untouched", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    {
        SQLite::Database db(path.toStdString(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE future_things(x); PRAGMA user_version = 999;");
    }
    const QByteArray before = test::readFile(path);
    FixedClock clock(QDateTime::currentDateTimeUtc());
    auto opened = Database::open(path, clock);
    REQUIRE_FALSE(opened);
    CHECK(opened.error().message.contains(QStringLiteral("newer Casebook")));
    CHECK(opened.error().message.contains(QStringLiteral("999")));
    CHECK(test::readFile(path) == before);
    CHECK_FALSE(QFile::exists(path + QStringLiteral("-wal")));
}

TEST_CASE("a file that is not a database gets a clear error", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(8192, 'x'));
    f.close();
    FixedClock clock(QDateTime::currentDateTimeUtc());
    auto opened = Database::open(path, clock);
    REQUIRE_FALSE(opened);
    CHECK(opened.error().message.contains(path));
}

TEST_CASE("another program's SQLite file is refused by application_id and left untouched; Casebook's "
          "own databases, old or new, open",
          "[store][hostile]")
{
    QTemporaryDir dir;
    FixedClock clock(QDateTime::currentDateTimeUtc());
    const QString other = dir.filePath(QStringLiteral("browser-history.sqlite"));
    {
        SQLite::Database db(other.toStdString(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE visits(url TEXT); INSERT INTO visits VALUES ('https://example.com')");
    }
    const QByteArray before = test::readFile(other);
    auto refused = Database::open(other, clock);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::InvalidInput);
    CHECK(refused.error().message.contains(QStringLiteral("another program")));
    CHECK(test::readFile(other) == before);
    CHECK_FALSE(QFile::exists(other + QStringLiteral("-wal")));
    // Even one that set a user_version of its own.
    {
        SQLite::Database db(other.toStdString(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 3");
    }
    CHECK_FALSE(Database::open(other, clock));

    // A new database is stamped; one made before the stamp existed (user_version > 0, id 0) still opens.
    const QString mine = dir.filePath(QStringLiteral("casebook.sqlite"));
    {
        auto made = Database::open(mine, clock);
        REQUIRE(made);
        CHECK(made.value()->reader().execAndGet("PRAGMA application_id").getInt() == kApplicationId);
    }
    {
        SQLite::Database db(mine.toStdString(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA application_id = 0");
    }
    auto old = Database::open(mine, clock);
    REQUIRE(old);
    CHECK(old.value()->schemaVersion() == latestMigration());
}

TEST_CASE("two connections setting up one new database at once: the second finds the schema in place",
          "[store][hostile]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.sqlite"));
    // The other opener has applied every step and not committed yet: this one reads version 0 outside
    // any transaction, then waits for the write lock.
    SQLite::Database first(path.toStdString(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    configureConnection(first);
    SQLite::Database second(path.toStdString(), SQLite::OPEN_READWRITE);
    configureConnection(second);
    first.exec("BEGIN IMMEDIATE");
    // Enough of the first opener's schema to collide with: the second must not run step 1 again.
    first.exec("CREATE TABLE customers(id INTEGER PRIMARY KEY)");
    first.exec("PRAGMA user_version = " + std::to_string(latestMigration()));
    first.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    Result<int> migrated = makeError(QStringLiteral("not run"));
    std::thread opener([&] { migrated = migrate(second); });
    // Commit once the second connection waits for the lock (its busy handler retries for seconds).
    QThread::msleep(300);
    first.exec("COMMIT");
    opener.join();
    INFO((migrated ? std::string() : migrated.error().message.toStdString()));
    REQUIRE(migrated);
    CHECK(migrated.value() == latestMigration());
}

TEST_CASE("a writer killed in the middle of a transaction leaves a sound database without its changes", "[store]")
{
    test::TempStore store;
    auto committed = store.db->write([&](SQLite::Database& db) -> Result<void> {
        ticket_writes::createTicket(db, {QStringLiteral("kept"), QStringLiteral("kept"), std::nullopt,
                                         store.clock.now()});
        return {};
    });
    REQUIRE(committed);
    const QString path = store.path();
    store.db.reset();

    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The child writes a lot inside one transaction and is killed before it commits.
        SQLite::Database db(path.toStdString(), SQLite::OPEN_READWRITE);
        configureConnection(db);
        db.exec("BEGIN IMMEDIATE");
        for (int i = 0; i < 2000; ++i)
            db.exec("INSERT INTO tickets(number, subject, created_at, last_activity_at) VALUES (" +
                    std::to_string(5000 + i) + ", 'lost', 0, 0)");
        db.exec("INSERT INTO raw_messages(sha256, size, data) VALUES ('x', 1, zeroblob(4000000))");
        raise(SIGKILL);
        _exit(0);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);

    auto reopened = Database::open(path, store.clock, {.quickCheck = true});
    REQUIRE(reopened);
    SQLite::Database& r = (*reopened)->reader();
    CHECK(r.execAndGet("PRAGMA quick_check").getString() == "ok");
    CHECK(ticket_queries::stats(r).tickets == 1);
    CHECK(r.execAndGet("SELECT COUNT(*) FROM raw_messages").getInt() == 0);
    // And the database takes writes again.
    auto after = (*reopened)->write([&](SQLite::Database& db) -> Result<void> {
        ticket_writes::createTicket(db, {QStringLiteral("after"), QStringLiteral("after"), std::nullopt,
                                         store.clock.now()});
        return {};
    });
    CHECK(after);
}

TEST_CASE("CASEBOOK_DB overrides the default database path", "[store]")
{
    qputenv("CASEBOOK_DB", "/tmp/somewhere/else.sqlite");
    CHECK(Database::defaultPath() == QStringLiteral("/tmp/somewhere/else.sqlite"));
    qunsetenv("CASEBOOK_DB");
    CHECK(Database::defaultPath().endsWith(QStringLiteral("/casebook.sqlite")));
}

TEST_CASE("every timestamp comes from the injected clock", "[store]")
{
    test::TempStore store;
    auto w = store.db->write([&](SQLite::Database& db) -> Result<void> {
        ticket_writes::createTicket(db, {QStringLiteral("t"), QStringLiteral("t"), std::nullopt, store.clock.now()});
        return {};
    });
    REQUIRE(w);
    const auto t = ticket_queries::ticketByNumber(store.db->reader(), 1001);
    REQUIRE(t);
    CHECK(t->createdAt == store.clock.now());
}
