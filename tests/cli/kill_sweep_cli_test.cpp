// kill -9 of the CLI at several points of the commands that write the database and the locker: after each
// kill the database passes PRAGMA integrity_check, nothing is recorded twice, and running the command
// again completes it, so that the case exports and verifies. The points are delays after start; whatever
// point a kill lands on, every check below must hold, so the test cannot pass or fail by timing.
#include "cli/cli_runner.h"
#include "inbox/ingestor.h"
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>

using casebook::test::cli;
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

    // Starts the CLI and kills it (SIGKILL) `afterMs` later, unless it finished first.
    void killAfter(const QStringList& rest, int afterMs) const
    {
        QProcess p;
        p.start(QStringLiteral(CASEBOOK_CLI), args(rest));
        REQUIRE(p.waitForStarted());
        if (afterMs > 0)
            p.waitForFinished(afterMs);
        // A run that ends before the kill point is simply over (a quick machine): waitForFinished on a
        // finished process says false.
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            REQUIRE(p.waitForFinished(60000));
        }
    }

    std::string integrity() const
    {
        SQLite::Database sql(db.toStdString(), SQLite::OPEN_READONLY);
        return sql.execAndGet("PRAGMA integrity_check").getString();
    }
    int count(const char* query) const
    {
        SQLite::Database sql(db.toStdString(), SQLite::OPEN_READONLY);
        return sql.execAndGet(query).getInt();
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
    }
    const Run again = cli(c.args({QStringLiteral("evidence"), QStringLiteral("add"), c.number, video}));
    INFO(again.out.toStdString() << again.err.toStdString());
    REQUIRE(again.code == 0);
    CHECK(c.count("SELECT count(*) FROM evidence") == 1);
    CHECK(c.count("SELECT count(*) FROM custody_log WHERE action = 'added'") == 1);

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
