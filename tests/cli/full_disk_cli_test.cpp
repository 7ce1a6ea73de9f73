// A full disk during each command that writes (issue 19, "a full disk during each writing command"): the
// database, and every file the command writes, on a small tmpfs (support/small_disk.h) whose last byte a
// filler file takes. Each command must fail with the disk's words and exit 1, leave every row and file as
// it was (a reply not sent stays in the outbox), and succeed once the filler is gone. Evidence add and the
// case file's own writer have tests of their own (docs/fuzzing-and-sanitizers.md, "Full disk").
#include "cli/cli_runner.h"
#include "compose/note_writer.h"
#include "coupang_fixture.h"
#include "inbox/ingestor.h"
#include "inbox/ticket_actions.h"
#include "support/small_disk.h"
#include "support/test_support.h"
#include "test_servers.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>

using namespace casebook;
using namespace casebook::test;

namespace {

bool saysDiskFull(const QString& err)
{
    return err.contains(QStringLiteral("disk is full")) || err.contains(QStringLiteral("is the disk full?"));
}

// A database with one customer mail, on a 16 MB tmpfs: the store in store/, what commands write in out/
// (a case file may not go in the database's folder). The CLI runs with a home of its own (the signing key
// is a file there: no keychain).
struct FullDiskStore {
    FullDiskStore()
    {
        if (!disk.mounted())
            return;
        REQUIRE(QDir().mkpath(disk.filePath(QStringLiteral("store"))));
        REQUIRE(QDir().mkpath(disk.filePath(QStringLiteral("out"))));
        db = disk.filePath(QStringLiteral("store/casebook.sqlite"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        SystemClock clock;
        auto opened = Database::open(db, clock);
        REQUIRE(opened);
        Ingestor ingestor(*opened.value(), IngestOptions{{QStringLiteral("help@dalbit-shop.example")}});
        REQUIRE(ingestor.ingestMail(readFile(testData(QStringLiteral("mail/utf8-base64.eml"))),
                                    QStringLiteral("test"), {}));
        number = QString::number(opened.value()->reader().execAndGet("SELECT number FROM tickets").getInt());
        // The built-in templates are written on the first use of the store; that write is not under test.
        REQUIRE(run({QStringLiteral("templates"), QStringLiteral("list")}).code == 0);
    }

    // Said once per test where no tmpfs can be mounted (not root): the test then checks nothing.
    bool ready() const
    {
        if (!disk.mounted())
            WARN("skipped: cannot mount a tmpfs (" << disk.mountError().toStdString() << ")");
        return disk.mounted();
    }

    Run run(const QStringList& args) const { return cli(QStringList{QStringLiteral("--db"), db} + args, env); }
    QString outPath(const QString& name) const { return disk.filePath(QStringLiteral("out/") + name); }

    // Every row of every stored table, and every file on the disk with its size and bytes' start: what a
    // failed command must leave exactly as it was. Read with room on the disk (opening a database makes
    // its shared-memory file).
    QString state() const
    {
        QString s;
        {
            SQLite::Database sql(db.toStdString(), SQLite::OPEN_READONLY);
            SQLite::Statement tables(sql, "SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                          "sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name");
            while (tables.executeStep()) {
                const std::string name = tables.getColumn(0).getString();
                s += QString::fromStdString(name) + QLatin1Char('\n');
                SQLite::Statement rows(sql, "SELECT * FROM \"" + name + "\"");
                while (rows.executeStep()) {
                    for (int i = 0; i < rows.getColumnCount(); ++i)
                        s += QString::fromUtf8(rows.getColumn(i).getText()) + QLatin1Char('|');
                    s += QLatin1Char('\n');
                }
            }
        }
        QDirIterator it(disk.path(), QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext()) {
            const QString path = it.next();
            // The database's WAL and shared memory are SQLite's scratch, emptied by the next connection.
            if (path.endsWith(QLatin1String("-wal")) || path.endsWith(QLatin1String("-shm")))
                continue;
            QFile f(path);
            REQUIRE(f.open(QIODevice::ReadOnly));
            files << QStringLiteral("%1 %2 %3").arg(path).arg(f.size()).arg(
                         QString::fromLatin1(f.read(4096).toHex()));
        }
        files.sort();
        return s + files.join(QLatin1Char('\n'));
    }
    std::string integrity() const { return integrityCheck(db); }
    int count(const char* query) const { return queryInt(db, query); }

    // Runs `args` on the full disk, twice: with nothing else holding the database (the command fails as it
    // opens it: SQLite cannot grow its shared-memory file) and with another connection holding it open, as
    // the window does (the command gets to its own writes). Each time: exit 1 with the disk's words, nothing
    // changed. Then, with room again, the same command succeeds (its Run is returned for the test's own
    // checks); `changes`: the success changes what state() sees (a file written again with the same bytes
    // does not).
    Run failsFullThenSucceeds(const QStringList& args, bool changes = true)
    {
        INFO(args.join(QLatin1Char(' ')).toStdString());
        const QString before = state();
        for (const bool held : {false, true}) {
            INFO((held ? "another connection holds the database open" : "nothing else has the database open"));
            std::unique_ptr<SQLite::Database> holder =
                std::make_unique<SQLite::Database>(db.toStdString(), SQLite::OPEN_READWRITE);
            holder->execAndGet("PRAGMA user_version"); // makes the WAL and shared-memory files
            if (!held) {
                // The last connection to close removes both (a read-only one, as state() opens, cannot).
                holder.reset();
                REQUIRE_FALSE(QFile::exists(db + QStringLiteral("-shm")));
            }
            disk.fill();
            const Run full = run(args);
            disk.free();
            holder.reset();
            INFO(full.out.toStdString() << full.err.toStdString());
            CHECK(full.code == 1);
            CHECK(saysDiskFull(full.err));
            CHECK(state() == before);
            CHECK(integrity() == "ok");
        }
        const Run roomy = run(args);
        INFO(roomy.out.toStdString() << roomy.err.toStdString());
        CHECK(roomy.code == 0);
        if (changes)
            CHECK(state() != before);
        return roomy;
    }

    SmallDisk disk{16 << 20};
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QString db;
    QString number;
};

QString writeText(const QTemporaryDir& dir, const QString& name, const QString& text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(text.toUtf8());
    return path;
}

} // namespace

TEST_CASE("full disk: ticket changes, settings, a template, an account and an import fail clearly, change "
          "nothing, and succeed with room",
          "[cli][fulldisk]")
{
    FullDiskStore s;
    if (!s.ready())
        return;
    s.failsFullThenSucceeds({QStringLiteral("ticket"), s.number, QStringLiteral("--status"),
                             QStringLiteral("resolved"), QStringLiteral("--summary"), QStringLiteral("환불 완료")});
    CHECK(s.count("SELECT count(*) FROM tickets WHERE status = 'resolved'") == 1);
    s.failsFullThenSucceeds({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("seller_name"),
                             QStringLiteral("달빛상점")});
    const Run copy = s.failsFullThenSucceeds(
        {QStringLiteral("templates"), QStringLiteral("duplicate"), QStringLiteral("en.damaged_defective")});
    CHECK(s.run({QStringLiteral("templates"), QStringLiteral("show"), copy.out.trimmed()}).code == 0);
    s.failsFullThenSucceeds({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("coupang"),
                             QStringLiteral("shop"), QStringLiteral("--vendor-id"), QStringLiteral("A00012345"),
                             QStringLiteral("--access-key"), QStringLiteral("ak-test"),
                             QStringLiteral("--wing-user"), QStringLiteral("wing-kim"),
                             QStringLiteral("--secret-command"), QStringLiteral("echo sk-test")});
    CHECK(s.run({QStringLiteral("account"), QStringLiteral("list")}).out.contains(QStringLiteral("shop")));
    QStringList import{QStringLiteral("import"), QStringLiteral("eml")};
    for (int i = 0; i < 3; ++i)
        import << writeText(s.home, QStringLiteral("%1.eml").arg(i),
                            QStringLiteral("From: buyer%1@example.test\r\nTo: help@dalbit-shop.example\r\n"
                                           "Subject: parcel %1\r\nMessage-ID: <disk%1@example.test>\r\n"
                                           "Date: Tue, 3 Mar 2026 09:00:00 +0900\r\n\r\nWhere is it?\r\n")
                                .arg(i));
    s.failsFullThenSucceeds(import);
    CHECK(s.count("SELECT count(*) FROM messages") == 4);
}

TEST_CASE("full disk: the window's note and status change fail with the disk's words and are written once "
          "there is room",
          "[cli][fulldisk]")
{
    FullDiskStore s;
    if (!s.ready())
        return;
    SystemClock clock;
    auto opened = Database::open(s.db, clock); // open before the disk fills, as the window is
    REQUIRE(opened);
    Database& db = *opened.value();
    const qint64 ticket = db.reader().execAndGet("SELECT id FROM tickets").getInt64();
    const int messages = db.reader().execAndGet("SELECT count(*) FROM messages").getInt();

    s.disk.fill();
    auto note = NoteWriter(db).add(ticket, QStringLiteral("고객에게 내일 전화"));
    auto status = TicketActions(db).setStatus(ticket, TicketStatus::Waiting);
    s.disk.free();
    REQUIRE_FALSE(note);
    CHECK(note.error().code == ErrorCode::Io);
    CHECK(saysDiskFull(note.error().message));
    REQUIRE_FALSE(status);
    CHECK(status.error().code == ErrorCode::Io);
    CHECK(saysDiskFull(status.error().message));
    CHECK(db.reader().execAndGet("SELECT count(*) FROM messages").getInt() == messages);
    CHECK(db.reader().execAndGet("SELECT status FROM tickets").getString() == "new");

    REQUIRE(NoteWriter(db).add(ticket, QStringLiteral("고객에게 내일 전화")));
    REQUIRE(TicketActions(db).setStatus(ticket, TicketStatus::Waiting));
    CHECK(db.reader().execAndGet("SELECT count(*) FROM messages WHERE direction = 'note'").getInt() == 1);
    CHECK(db.reader().execAndGet("SELECT status FROM tickets").getString() == "waiting");
    CHECK(db.reader().execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("full disk: Coupang sync, a reply queued and the outbox flushed each fail clearly, lose nothing, "
          "send nothing twice, and succeed with room",
          "[cli][fulldisk][coupang]")
{
    FullDiskStore s;
    if (!s.ready())
        return;
    FakeMarketplace server(coupangConfig());
    REQUIRE(s.run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("coupang"),
                   QStringLiteral("shop"), QStringLiteral("--vendor-id"), QStringLiteral("A00012345"),
                   QStringLiteral("--access-key"), QStringLiteral("ak-test"), QStringLiteral("--wing-user"),
                   QStringLiteral("wing-kim"), QStringLiteral("--base-url"), server.baseUrl(),
                   QStringLiteral("--secret-command"), QStringLiteral("echo sk-test")})
                .code == 0);

    s.failsFullThenSucceeds({QStringLiteral("sync"), QStringLiteral("shop")});
    const int synced = s.count("SELECT count(*) FROM messages WHERE external_id LIKE 'coupang:%'");
    CHECK(synced > 90);
    CHECK(s.count("SELECT count(*) - count(DISTINCT external_id) FROM messages") == 0);

    const int number =
        s.count("SELECT t.number FROM tickets t JOIN messages m ON m.ticket_id = t.id "
                "WHERE m.external_id = 'coupang:online:1001'");
    REQUIRE(number > 0);
    const QString text = writeText(s.home, QStringLiteral("answer.txt"),
                                   QStringLiteral("문의 주셔서 감사합니다. 해당 상품은 현재 재고가 있습니다."));
    s.failsFullThenSucceeds(
        {QStringLiteral("reply"), QString::number(number), QStringLiteral("--text-file"), text});
    REQUIRE(s.count("SELECT count(*) FROM outbox WHERE state = 'queued'") == 1);

    // The send is claimed before the network is touched: on a full disk the claim fails, nothing goes out
    // and the reply stays queued; with room the flush sends it, once.
    s.failsFullThenSucceeds({QStringLiteral("outbox"), QStringLiteral("flush")});
    CHECK(s.count("SELECT count(*) FROM outbox WHERE state = 'sent'") == 1);
    CHECK(server.posted().size() == 1);
    CHECK(server.violations().isEmpty());
}

TEST_CASE("full disk: an email sync fails clearly, stores nothing, and brings every message in with room",
          "[cli][fulldisk][net]")
{
    if (const QString missing = dovecotMissing(); !missing.isEmpty()) {
        WARN("skipped: " << missing.toStdString());
        return;
    }
    FullDiskStore s;
    if (!s.ready())
        return;
    Dovecot imap(QStringLiteral("pw-fulldisk"));
    for (int i = 0; i < 3; ++i)
        imap.deliver("From: buyer" + QByteArray::number(i) +
                     "@example.test\r\nTo: seller@example.test\r\nSubject: order " + QByteArray::number(i) +
                     "\r\nMessage-ID: <full" + QByteArray::number(i) +
                     "@example.test>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0900\r\n\r\nWhere is my order?\r\n");
    REQUIRE(imap.start());
    const QString pw = writeText(s.home, QStringLiteral("pw"), QStringLiteral("pw-fulldisk\n"));
    REQUIRE(s.run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("email"),
                   QStringLiteral("mail"), QStringLiteral("--address"), QStringLiteral("seller@example.test"),
                   QStringLiteral("--imap"), QStringLiteral("127.0.0.1:%1").arg(imap.port()),
                   QStringLiteral("--smtp"), QStringLiteral("127.0.0.1:1"), QStringLiteral("--tls"),
                   QStringLiteral("none"), QStringLiteral("--password-command"),
                   QStringLiteral("cat '%1'").arg(pw)})
                .code == 0);
    const int before = s.count("SELECT count(*) FROM messages");
    const auto logins = [&imap] { return static_cast<int>(imap.log().count(QStringLiteral("Login: user="))); };
    const int loginsBefore = logins();
    s.failsFullThenSucceeds({QStringLiteral("sync"), QStringLiteral("mail")});
    // A store that cannot take the mail is no dropped connection: one login for the run that fails at its
    // first batch (the other fails before it connects), none repeated with back-off, and one for the run
    // with room.
    CHECK(logins() - loginsBefore == 2);
    CHECK(s.count("SELECT count(*) FROM messages") == before + 3);
    const Run again = s.run({QStringLiteral("sync"), QStringLiteral("mail"), QStringLiteral("--json")});
    CHECK(again.code == 0);
    CHECK(s.count("SELECT count(*) FROM messages") == before + 3);
}

TEST_CASE("full disk: claims (CSV, PDF) and the case file over an earlier one keep the earlier file whole, "
          "leave no part, and are written with room",
          "[cli][fulldisk]")
{
    FullDiskStore s;
    if (!s.ready())
        return;
    const QString csv = s.outPath(QStringLiteral("claims.csv"));
    const QString pdf = s.outPath(QStringLiteral("claims.pdf"));
    const QString zip = s.outPath(QStringLiteral("case.zip"));
    const QStringList claimsCsv{QStringLiteral("claims"), QStringLiteral("--csv"), csv,
                                QStringLiteral("--from"), QStringLiteral("2026-01-01"), QStringLiteral("--force")};
    const QStringList claimsPdf{QStringLiteral("claims"), QStringLiteral("--pdf"), pdf,
                                QStringLiteral("--from"), QStringLiteral("2026-01-01"), QStringLiteral("--force")};
    const QStringList exportCase{QStringLiteral("export"), s.number, QStringLiteral("--out"), zip,
                                 QStringLiteral("--force")};
    // The earlier files a replacing write must not harm.
    for (const QStringList& args : {claimsCsv, claimsPdf, exportCase}) {
        const Run first = s.run(args);
        INFO(first.out.toStdString() << first.err.toStdString());
        REQUIRE(first.code == 0);
    }
    s.failsFullThenSucceeds(claimsCsv, false); // the same rows again
    s.failsFullThenSucceeds(claimsPdf, false);
    s.failsFullThenSucceeds(exportCase); // an `exported` custody entry
    const Run verified = s.run({QStringLiteral("verify"), zip});
    INFO(verified.out.toStdString() << verified.err.toStdString());
    CHECK(verified.code == 0);
}
