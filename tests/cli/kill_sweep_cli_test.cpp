// kill -9 of the CLI at several points of the commands that write the database and the locker: after each
// kill the database passes PRAGMA integrity_check, nothing is recorded twice, and running the command
// again completes it, so that the case exports and verifies. The points are delays after start; whatever
// point a kill lands on, every check below must hold, so the test cannot pass or fail by timing.
#include "cli/cli_runner.h"
#include "inbox/ingestor.h"
#include "support/test_support.h"
#include "test_servers.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <catch2/catch.hpp>

using casebook::test::cli;
using casebook::test::integrityCheck;
using casebook::test::killAfter;
using casebook::test::messageTickets;
using casebook::test::queryInt;
using casebook::test::Run;

using namespace casebook;

namespace {

// Delays (ms) after the CLI starts at which it is killed: from before it opened the database to the end
// of its work.
const QList<int> kKillPoints{0, 5, 15, 30, 60, 120, 250};

struct SweepCase {
    SweepCase()
    {
        db = dir.filePath(QStringLiteral("casebook.sqlite"));
        SystemClock clock;
        auto opened = Database::open(db, clock);
        REQUIRE(opened);
        Ingestor ingestor(*opened.value(), IngestOptions{{QStringLiteral("help@dalbit-shop.example")}});
        REQUIRE(ingestor.ingestMail(test::readFile(test::testData(QStringLiteral("mail/utf8-base64.eml"))),
                                    QStringLiteral("test"), {}));
        number = QString::number(opened.value()->reader().execAndGet("SELECT number FROM tickets").getInt());
    }
    QStringList args(QStringList rest) const { return QStringList{QStringLiteral("--db"), db} + rest; }

    void killAfter(const QStringList& rest, int afterMs) const { test::killAfter(args(rest), afterMs); }
    std::string integrity() const { return integrityCheck(db); }
    int count(const char* query) const { return queryInt(db, query); }

    // The locker holds every file the database records, and a file under a hash's name holds the bytes of
    // that hash (a kill may leave a file the database does not record yet, never a wrong one under a name).
    void checkLocker() const
    {
        const QString evidence =
            QFileInfo(db).absolutePath() + QLatin1Char('/') + QFileInfo(db).completeBaseName() +
            QStringLiteral(".locker/evidence");
        QDirIterator it(evidence, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        QSet<QString> files;
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            REQUIRE(f.open(QIODevice::ReadOnly));
            QCryptographicHash hash(QCryptographicHash::Sha256);
            REQUIRE(hash.addData(&f));
            INFO(path.toStdString());
            CHECK(QString::fromLatin1(hash.result().toHex()) == it.fileName());
            files << it.fileName();
        }
        SQLite::Database sql(db.toStdString(), SQLite::OPEN_READONLY);
        SQLite::Statement recorded(sql, "SELECT sha256 FROM evidence");
        while (recorded.executeStep())
            CHECK(files.contains(QString::fromStdString(recorded.getColumn(0).getString())));
    }

    QTemporaryDir dir;
    QTemporaryDir outDir; // case files go outside the database's folder
    QString db;
    QString number;
};

QString randomFile(const QTemporaryDir& dir, const QString& name, int megabytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    QByteArray block(1 << 20, Qt::Uninitialized);
    for (int i = 0; i < megabytes; ++i) {
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(block.data()), block.size() / 4);
        f.write(block);
    }
    return path;
}

} // namespace

TEST_CASE("kill -9 during evidence add: the database stays whole, the file is added once, and adding it again "
          "completes it",
          "[cli][evidence][kill]")
{
    SweepCase c;
    const QString video = randomFile(c.outDir, QStringLiteral("unboxing.mp4"), 24);
    for (int point : kKillPoints) {
        INFO("killed after " << point << " ms");
        c.killAfter({QStringLiteral("evidence"), QStringLiteral("add"), c.number, video}, point);
        CHECK(c.integrity() == "ok");
        CHECK(c.count("SELECT count(*) FROM evidence") <= 1);
        CHECK(c.count("SELECT count(*) FROM custody_log WHERE action = 'added'") <= 1);
        c.checkLocker();
    }
    const Run again = cli(c.args({QStringLiteral("evidence"), QStringLiteral("add"), c.number, video}));
    INFO(again.out.toStdString() << again.err.toStdString());
    REQUIRE(again.code == 0);
    CHECK(c.count("SELECT count(*) FROM evidence") == 1);
    CHECK(c.count("SELECT count(*) FROM custody_log WHERE action = 'added'") == 1);
    c.checkLocker();

    // The locker's copy is the file's bytes: the export reads it back and verify checks its hash.
    const QString zip = c.outDir.filePath(QStringLiteral("case.zip"));
    const Run exported = cli(c.args({QStringLiteral("export"), c.number, QStringLiteral("--out"), zip}));
    INFO(exported.err.toStdString());
    REQUIRE(exported.code == 0);
    CHECK(cli({QStringLiteral("verify"), zip}).code == 0);
}

TEST_CASE("kill -9 during export: no half case file under the name asked for, the database stays whole, and the "
          "next export verifies",
          "[cli][evidence][kill]")
{
    SweepCase c;
    const QString video = randomFile(c.outDir, QStringLiteral("unboxing.mp4"), 24);
    REQUIRE(cli(c.args({QStringLiteral("evidence"), QStringLiteral("add"), c.number, video})).code == 0);
    const QString zip = c.outDir.filePath(QStringLiteral("case.zip"));
    int finished = 0;
    for (int point : kKillPoints) {
        INFO("killed after " << point << " ms");
        QFile::remove(zip);
        c.killAfter({QStringLiteral("export"), c.number, QStringLiteral("--out"), zip}, point);
        CHECK(c.integrity() == "ok");
        // Either the export finished (and then its ZIP verifies) or nothing is under the name asked for.
        if (QFileInfo::exists(zip)) {
            ++finished;
            const Run ok = cli({QStringLiteral("verify"), zip});
            INFO(ok.out.toStdString() << ok.err.toStdString());
            CHECK(ok.code == 0);
        }
        // An `exported` custody entry only for an export whose file is in place (a kill may land between).
        CHECK(c.count("SELECT count(*) FROM custody_log WHERE action = 'exported'") <= finished);
        c.checkLocker();
    }
    QFile::remove(zip);
    const Run exported = cli(c.args({QStringLiteral("export"), c.number, QStringLiteral("--out"), zip}));
    INFO(exported.err.toStdString());
    REQUIRE(exported.code == 0);
    const Run ok = cli(c.args({QStringLiteral("verify"), zip}));
    INFO(ok.out.toStdString() << ok.err.toStdString());
    CHECK(ok.code == 0);
    CHECK(c.integrity() == "ok");
}

namespace {

constexpr int kCustomers = 30;
constexpr int kThreadLength = 30;
constexpr int kMails = kCustomers * kThreadLength;

// A mailbox of 30 customers, each with a thread of 30 mails of 4 KB (each answering the one before), so
// that a sync takes a dozen batches and matching a reply to its ticket depends on what came before.
void deliverThreads(test::Dovecot& imap)
{
    const QByteArray body = QByteArray("Where is my order? ").repeated(200) + "\r\n";
    for (int mail = 0; mail < kThreadLength; ++mail)
        for (int customer = 0; customer < kCustomers; ++customer) {
            const QByteArray c = QByteArray::number(customer);
            const QByteArray id = "<t" + c + "-" + QByteArray::number(mail) + "@example.test>";
            QByteArray raw = "From: buyer" + c + "@example.test\r\nTo: seller@example.test\r\nSubject: " +
                             (mail ? "Re: " : "") + "order " + c + "\r\nMessage-ID: " + id + "\r\n";
            if (mail)
                raw += "In-Reply-To: <t" + c + "-" + QByteArray::number(mail - 1) + "@example.test>\r\n";
            raw += "Date: Mon, 2 Mar 2026 10:" + QByteArray::number(10 + mail) + ":00 +0900\r\n\r\n" + body;
            imap.deliver(raw);
        }
}

QStringList addEmailAccount(const QString& db, quint16 port, const QString& passwordFile)
{
    return {QStringLiteral("--db"),      db,
            QStringLiteral("account"),   QStringLiteral("add"),
            QStringLiteral("email"),     QStringLiteral("mail"),
            QStringLiteral("--address"), QStringLiteral("seller@example.test"),
            QStringLiteral("--imap"),    QStringLiteral("127.0.0.1:%1").arg(port),
            QStringLiteral("--smtp"),    QStringLiteral("127.0.0.1:1"),
            QStringLiteral("--tls"),     QStringLiteral("none"),
            QStringLiteral("--password-command"), QStringLiteral("cat '%1'").arg(passwordFile)};
}

} // namespace

TEST_CASE("kill -9 during an email sync (IMAP, Dovecot): the database stays whole, no message twice, and the "
          "next sync equals a clean one",
          "[cli][net][kill]")
{
    if (const QString missing = test::dovecotMissing(); !missing.isEmpty()) {
        WARN("skipped: " << missing.toStdString());
        return;
    }
    test::Dovecot imap(QStringLiteral("pw-sweep"));
    deliverThreads(imap);
    REQUIRE(imap.start());
    QTemporaryDir dir;
    const QString pw = dir.filePath(QStringLiteral("pw"));
    {
        QFile f(pw);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("pw-sweep\n");
    }

    // The clean run: one sync into a database of its own, timed to place the kills inside it.
    const QString reference = dir.filePath(QStringLiteral("reference.sqlite"));
    REQUIRE(cli(addEmailAccount(reference, imap.port(), pw)).code == 0);
    const QString base = dir.filePath(QStringLiteral("base.sqlite"));
    REQUIRE(QFile::copy(reference, base)); // the account, no mail yet
    QElapsedTimer timer;
    timer.start();
    const Run clean = cli({QStringLiteral("--db"), reference, QStringLiteral("sync"), QStringLiteral("mail")});
    const qint64 cleanMs = timer.elapsed();
    INFO(clean.out.toStdString() << clean.err.toStdString());
    REQUIRE(clean.code == 0);
    const QHash<QString, int> expected = messageTickets(reference);
    REQUIRE(expected.size() == kMails);
    const int expectedTickets = SQLite::Database(reference.toStdString(), SQLite::OPEN_READONLY)
                                    .execAndGet("SELECT count(*) FROM tickets WHERE merged_into IS NULL")
                                    .getInt();

    // Killed at shares of the clean run's time, from before the database is open to its last batch; each
    // run resumes what the ones before committed. Every check holds wherever a kill lands.
    const QString db = dir.filePath(QStringLiteral("swept.sqlite"));
    REQUIRE(QFile::copy(base, db));
    for (int percent : {0, 35, 40, 45, 50, 55, 60, 100}) {
        const int point = static_cast<int>(cleanMs * percent / 100);
        INFO("killed after " << point << " ms (" << percent << "% of a clean sync)");
        killAfter({QStringLiteral("--db"), db, QStringLiteral("sync"), QStringLiteral("mail")}, point);
        SQLite::Database sql(db.toStdString(), SQLite::OPEN_READONLY);
        CHECK(sql.execAndGet("PRAGMA integrity_check").getString() == "ok");
        CHECK(sql.execAndGet("SELECT count(*) - count(DISTINCT external_id) FROM messages").getInt() == 0);
        CHECK(sql.execAndGet("SELECT count(*) FROM messages WHERE ticket_id IS NULL").getInt() == 0);
        CHECK(sql.execAndGet("SELECT count(*) FROM messages").getInt() <= kMails);
    }
    // The next sync equals the clean run: the same messages in the same tickets, each once.
    const Run resumed = cli({QStringLiteral("--db"), db, QStringLiteral("sync"), QStringLiteral("mail")});
    INFO(resumed.out.toStdString() << resumed.err.toStdString());
    REQUIRE(resumed.code == 0);
    CHECK(messageTickets(db) == expected);
    SQLite::Database sql(db.toStdString(), SQLite::OPEN_READONLY);
    CHECK(sql.execAndGet("SELECT count(*) FROM messages").getInt() == kMails);
    CHECK(sql.execAndGet("SELECT count(*) FROM tickets WHERE merged_into IS NULL").getInt() == expectedTickets);
    // The server's flags untouched by every run, killed or not: nothing marked seen.
    for (const QString& f : imap.files())
        CHECK_FALSE(f.section(QStringLiteral(":2,"), 1).contains(QLatin1Char('S')));
}
