#include "cli/cli_runner.h"
#include "inbox/ingestor.h"
#include "support/test_support.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <catch2/catch.hpp>

using casebook::test::cli;
using casebook::test::Run;

using namespace casebook;

namespace {

// A database holding one case built from a Korean mail; the CLI opens it afterwards.
struct CliCase {
    CliCase()
    {
        db = dir.filePath(QStringLiteral("casebook.sqlite"));
        SystemClock clock;
        auto opened = Database::open(db, clock);
        REQUIRE(opened);
        Ingestor ingestor(*opened.value(), IngestOptions{{QStringLiteral("help@dalbit-shop.example")}});
        auto in = ingestor.ingestMail(test::readFile(test::testData(QStringLiteral("mail/utf8-base64.eml"))),
                                      QStringLiteral("test"), {});
        REQUIRE(in);
        number = QString::number(opened.value()->reader().execAndGet("SELECT number FROM tickets").getInt());
    }
    QString file(const QString& name, const QByteArray& bytes)
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        return path;
    }
    QStringList args(QStringList rest) const { return QStringList{QStringLiteral("--db"), db} + rest; }
    QTemporaryDir dir;
    QString db;
    QString number;
};

} // namespace

TEST_CASE("evidence add, list, export and verify from the command line", "[cli][evidence]")
{
    CliCase c;
    const QString photo =
        c.file(QStringLiteral("photo.png"), QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(100, 'p'));
    const QString hostile = c.file(QStringLiteral("invoice\u202Egpj.exe"), QByteArray("MZ not really"));
    const Run added = cli(c.args({QStringLiteral("evidence"), QStringLiteral("add"), c.number, photo, hostile,
                                  QStringLiteral("--note"), QStringLiteral("반품 사진")}));
    INFO(added.err.toStdString());
    REQUIRE(added.code == 0);
    CHECK(added.out.count(QStringLiteral("added ")) == 2);
    const Run again = cli(c.args({QStringLiteral("evidence"), QStringLiteral("add"), c.number, photo}));
    CHECK(again.code == 0);
    CHECK(again.out.startsWith(QStringLiteral("already in the case")));

    const Run listed =
        cli(c.args({QStringLiteral("evidence"), QStringLiteral("list"), c.number, QStringLiteral("--json")}));
    REQUIRE(listed.code == 0);
    const QJsonArray items = QJsonDocument::fromJson(listed.out.trimmed().toUtf8()).array();
    REQUIRE(items.size() == 2);
    CHECK(items.at(0)[QStringLiteral("name")].toString() == QStringLiteral("photo.png"));
    CHECK(items.at(0)[QStringLiteral("media_type")].toString() == QStringLiteral("image/png"));
    CHECK(items.at(0)[QStringLiteral("note")].toString() == QStringLiteral("반품 사진"));
    CHECK(items.at(1)[QStringLiteral("name")].toString() == QStringLiteral("invoicegpj.exe"));

    const QString zip = c.dir.filePath(QStringLiteral("case-%1.zip").arg(c.number));
    const Run exported = cli(c.args({QStringLiteral("export"), c.number, QStringLiteral("--out"), zip}));
    INFO(exported.err.toStdString());
    REQUIRE(exported.code == 0);
    CHECK(exported.out.startsWith(zip));
    const Run ok = cli(c.args({QStringLiteral("verify"), zip}));
    INFO(ok.out.toStdString() << ok.err.toStdString());
    CHECK(ok.code == 0);
    CHECK(ok.out.contains(QStringLiteral("OK: case #") + c.number));
    CHECK(ok.out.contains(QStringLiteral("recorded in the case's custody log")));

    // Take the photo out of the ZIP: verify names it and fails.
    const QString script =
        QStringLiteral("import sys, zipfile, shutil\n"
                       "src = sys.argv[1]\n"
                       "with zipfile.ZipFile(src) as zi, zipfile.ZipFile(src + '.t', 'w') as zo:\n"
                       "    for i in zi.infolist():\n"
                       "        if i.filename != 'evidence/01-photo.png':\n"
                       "            zo.writestr(i, zi.read(i.filename))\n"
                       "shutil.move(src + '.t', src)\n");
    QProcess py;
    py.start(QStringLiteral("python3"), {QStringLiteral("-c"), script, zip});
    REQUIRE(py.waitForFinished(60000));
    REQUIRE(py.exitCode() == 0);
    const Run bad = cli({QStringLiteral("verify"), zip}); // no --db: from the ZIP alone
    CHECK(bad.code == 1);
    CHECK(bad.out.contains(QStringLiteral("missing: evidence/01-photo.png")));
    CHECK(bad.err.contains(QStringLiteral("1 problem(s)")));

    CHECK(cli(c.args({QStringLiteral("verify")})).code == 2);
    CHECK(cli(c.args({QStringLiteral("evidence"), QStringLiteral("add"), c.number})).code == 2);
    const Run notZip = cli(c.args({QStringLiteral("verify"), photo}));
    CHECK(notZip.code == 1);
    CHECK(notZip.err.contains(QStringLiteral("photo.png")));
}

TEST_CASE("a crash in the middle of an export leaves no case file", "[cli][evidence]")
{
    CliCase c;
    // Big enough that the export is still writing when we kill it; stored, not deflated (a video).
    QFile video(c.dir.filePath(QStringLiteral("packing.mp4")));
    REQUIRE(video.open(QIODevice::WriteOnly));
    const QByteArray block(1 << 20, 'v');
    for (int i = 0; i < 160; ++i)
        video.write(block);
    video.close();
    REQUIRE(
        cli(c.args({QStringLiteral("evidence"), QStringLiteral("add"), c.number, video.fileName()})).code ==
        0);

    const QString outDir = c.dir.filePath(QStringLiteral("out"));
    QDir().mkpath(outDir);
    const QString zip = outDir + QStringLiteral("/case-%1.zip").arg(c.number);
    QProcess p;
    p.start(QStringLiteral(CASEBOOK_CLI),
            c.args({QStringLiteral("export"), c.number, QStringLiteral("--out"), zip}));
    REQUIRE(p.waitForStarted());
    QElapsedTimer t;
    t.start();
    bool writing = false;
    while (!writing && p.state() == QProcess::Running && t.elapsed() < 60000) {
        writing = !QDir(outDir).entryList(QDir::Files).isEmpty(); // libzip's temporary file appeared
        if (!writing)
            QThread::msleep(1);
    }
    REQUIRE(writing);
    p.kill(); // SIGKILL: no destructor, no cleanup
    p.waitForFinished();
    CHECK_FALSE(QFileInfo::exists(zip));
    for (const QString& left : QDir(outDir).entryList(QDir::Files))
        CHECK(left.startsWith(QStringLiteral("case-%1.zip.partial").arg(c.number)));

    // The case is untouched: the next export succeeds and verifies.
    REQUIRE(cli(c.args({QStringLiteral("export"), c.number, QStringLiteral("--out"), zip})).code == 0);
    CHECK(cli(c.args({QStringLiteral("verify"), zip})).code == 0);
}
