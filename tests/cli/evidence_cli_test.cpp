#include "cli/cli_runner.h"
#include "inbox/ingestor.h"
#include "support/local_tsa.h"
#include "support/test_support.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <sys/stat.h>
#include <catch2/catch.hpp>

using casebook::test::cli;
using casebook::test::Run;

using namespace casebook;

namespace {

// Sets an environment variable for one test's CLI runs, and puts it back after.
struct ScopedEnv {
    ScopedEnv(const char* name, const QByteArray& value)
        : m_name(name), m_old(qgetenv(name)), m_had(qEnvironmentVariableIsSet(name))
    {
        qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }
    const char* m_name;
    QByteArray m_old;
    bool m_had;
};

// A database holding one case built from a Korean mail; the CLI opens it afterwards. The seller's signing
// key is this test's own: its data folder is the case's folder and no keychain answers.
struct CliCase {
    explicit CliCase(const QString& mail = QStringLiteral("mail/utf8-base64.eml"))
    {
        db = dir.filePath(QStringLiteral("casebook.sqlite"));
        SystemClock clock;
        auto opened = Database::open(db, clock);
        REQUIRE(opened);
        Ingestor ingestor(*opened.value(), IngestOptions{{QStringLiteral("help@dalbit-shop.example")}});
        auto in = ingestor.ingestMail(
            mail.startsWith(QLatin1String("From:")) ? mail.toUtf8() : test::readFile(test::testData(mail)),
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
    // Case files go outside the database's folder, where export refuses to write.
    QString outFile(const QString& name) const { return outDir.filePath(name); }
    QString keyFile() const
    {
        return dir.filePath(QStringLiteral("data/Casebook/casebook/case-file-signing-key.pem"));
    }
    QTemporaryDir dir;
    QTemporaryDir outDir;
    ScopedEnv data{"XDG_DATA_HOME", QFile::encodeName(dir.filePath(QStringLiteral("data")))};
    ScopedEnv noKeychain{"DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus"};
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

    const QString zip = c.outFile(QStringLiteral("case-%1.zip").arg(c.number));
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

    const QString outDir = c.outFile(QStringLiteral("out"));
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

TEST_CASE("evidence promote turns a mail attachment with a hostile name into safe evidence",
          "[cli][evidence]")
{
    // A customer's mail whose attachments are named to climb out of any folder they are saved in.
    const QString mail = QStringLiteral(
        "From: buyer@mail.example\r\nTo: help@dalbit-shop.example\r\nSubject: photos\r\n"
        "Date: Fri, 06 Mar 2026 08:00:00 +0000\r\nMessage-ID: <hostile-1@mail.example>\r\n"
        "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
        "--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
        "--b\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename=\"../../x\"\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\r\n"
        "--b\r\nContent-Type: application/octet-stream\r\n"
        "Content-Disposition: attachment; filename*=UTF-8''invoice%E2%80%AEgpj.exe\r\n\r\nMZ\r\n"
        "--b--\r\n");
    CliCase c(mail);
    const Run listed = cli(c.args(
        {QStringLiteral("evidence"), QStringLiteral("attachments"), c.number, QStringLiteral("--json")}));
    INFO(listed.err.toStdString());
    REQUIRE(listed.code == 0);
    const QJsonArray attachments = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    REQUIRE(attachments.size() == 2);
    CHECK(attachments.at(0)[QStringLiteral("name")].toString() == QStringLiteral("x"));
    const QString png = attachments.at(0)[QStringLiteral("sha256")].toString();
    const QString exe = attachments.at(1)[QStringLiteral("sha256")].toString();

    const Run promoted = cli(c.args({QStringLiteral("evidence"), QStringLiteral("promote"), c.number,
                                     QStringLiteral("--attachment"), png, QStringLiteral("--note"),
                                     QStringLiteral("고객이 보낸 파손 사진")}));
    INFO(promoted.err.toStdString());
    REQUIRE(promoted.code == 0);
    CHECK(promoted.out.startsWith(QStringLiteral("added ") + png));
    CHECK(promoted.out.contains(QStringLiteral("mail attachment <hostile-1@mail.example>")));
    // A prefix of the hash is enough; the same attachment twice is one piece of evidence.
    const Run byPrefix = cli(c.args({QStringLiteral("evidence"), QStringLiteral("promote"), c.number,
                                     QStringLiteral("--attachment"), exe.left(10)}));
    REQUIRE(byPrefix.code == 0);
    const Run again = cli(c.args({QStringLiteral("evidence"), QStringLiteral("promote"), c.number,
                                  QStringLiteral("--attachment"), png.toUpper()}));
    CHECK(again.code == 0);
    CHECK(again.out.startsWith(QStringLiteral("already in the case")));

    const Run list =
        cli(c.args({QStringLiteral("evidence"), QStringLiteral("list"), c.number, QStringLiteral("--json")}));
    const QJsonArray evidence = QJsonDocument::fromJson(list.out.toUtf8()).array();
    REQUIRE(evidence.size() == 2);
    CHECK(evidence.at(0)[QStringLiteral("name")].toString() == QStringLiteral("x"));
    CHECK(evidence.at(0)[QStringLiteral("sha256")].toString() == png);
    CHECK(evidence.at(0)[QStringLiteral("note")].toString() == QStringLiteral("고객이 보낸 파손 사진"));
    CHECK(evidence.at(1)[QStringLiteral("name")].toString() == QStringLiteral("invoicegpj.exe"));

    // Both come out of the case file under names Casebook built, and the file verifies.
    const QString zip = c.outFile(QStringLiteral("case.zip"));
    REQUIRE(cli(c.args({QStringLiteral("export"), c.number, QStringLiteral("--out"), zip})).code == 0);
    QProcess py;
    py.start(
        QStringLiteral("python3"),
        {QStringLiteral("-c"),
         QStringLiteral("import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))"),
         zip});
    REQUIRE(py.waitForFinished(60000));
    const QStringList names = QString::fromUtf8(py.readAllStandardOutput()).split(QLatin1Char('\n'));
    CHECK(names.contains(QStringLiteral("evidence/01-x")));
    CHECK(names.contains(QStringLiteral("evidence/02-invoicegpj.exe")));
    CHECK(cli(c.args({QStringLiteral("verify"), zip})).code == 0);

    // Mistakes are named, not guessed at.
    const Run unknown = cli(c.args({QStringLiteral("evidence"), QStringLiteral("promote"), c.number,
                                    QStringLiteral("--attachment"), QString(64, QLatin1Char('0'))}));
    CHECK(unknown.code == 3);
    CHECK(unknown.err.contains(QStringLiteral("No attachment of this case")));
    const Run tooShort = cli(c.args({QStringLiteral("evidence"), QStringLiteral("promote"), c.number,
                                     QStringLiteral("--attachment"), png.left(4)}));
    CHECK(tooShort.code == 2);
    CHECK(tooShort.err.contains(QStringLiteral("at least the first 8")));
    CHECK(cli(c.args({QStringLiteral("evidence"), QStringLiteral("promote"), c.number})).code == 2);
}

TEST_CASE("export --out never replaces the database, a locker file, a special file or, without --force, "
          "any file",
          "[cli][evidence][hostile]")
{
    CliCase c;
    const QString photo = c.file(QStringLiteral("photo.png"), QByteArray("\x89PNG\r\n\x1a\n", 8) + "photo");
    REQUIRE(cli(c.args({QStringLiteral("evidence"), QStringLiteral("add"), c.number, photo})).code == 0);
    const QByteArray dbHead = test::readFile(c.db).left(16);
    REQUIRE(dbHead.startsWith("SQLite format 3"));
    auto exportTo = [&](const QString& out, bool force = false) {
        QStringList a{QStringLiteral("export"), c.number, QStringLiteral("--out"), out};
        if (force)
            a << QStringLiteral("--force");
        return cli(c.args(a));
    };

    // The database itself, even with --force: refused, and it is still a database.
    const Run overDb = exportTo(c.db, true);
    CHECK(overDb.code == 2);
    CHECK(overDb.err.contains(QStringLiteral("folder of the database")));
    CHECK(test::readFile(c.db).left(16) == dbHead);
    // Nor anything else beside it, nor inside the locker (a stored original keeps its bytes).
    CHECK(exportTo(c.dir.filePath(QStringLiteral("new.zip"))).code == 2);
    CHECK_FALSE(QFileInfo::exists(c.dir.filePath(QStringLiteral("new.zip"))));
    QString stored;
    for (QDirIterator it(c.dir.filePath(QStringLiteral("casebook.locker/evidence")), QDir::Files,
                         QDirIterator::Subdirectories);
         it.hasNext();)
        stored = it.next();
    REQUIRE_FALSE(stored.isEmpty());
    CHECK(exportTo(stored, true).code == 2);
    CHECK(test::readFile(stored) == test::readFile(photo));

    // An existing file: refused without --force and left as it was; replaced with it.
    const QString existing = c.outFile(QStringLiteral("mine.zip"));
    {
        QFile f(existing);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("my own file");
    }
    const Run kept = exportTo(existing);
    CHECK(kept.code == 1);
    CHECK(kept.err.contains(QStringLiteral("--force")));
    CHECK(test::readFile(existing) == "my own file");
    const Run replaced = exportTo(existing, true);
    INFO(replaced.err.toStdString());
    CHECK(replaced.code == 0);
    CHECK(cli(c.args({QStringLiteral("verify"), existing})).code == 0);

    // Special files are never followed nor replaced, --force or not.
    const QString fifo = c.outFile(QStringLiteral("fifo.zip"));
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const Run toFifo = exportTo(fifo, true);
    CHECK(toFifo.code == 2);
    CHECK(toFifo.err.contains(QStringLiteral("pipe")));
    CHECK(QFileInfo(fifo).isFile() == false);
    CHECK(QFileInfo::exists(fifo));
    const QString victim = c.outFile(QStringLiteral("victim.txt"));
    {
        QFile f(victim);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("do not touch");
    }
    const QString link = c.outFile(QStringLiteral("link.zip"));
    REQUIRE(QFile::link(victim, link));
    CHECK(exportTo(link, true).code == 2);
    CHECK(QFileInfo(link).isSymLink());
    CHECK(test::readFile(victim) == "do not touch");
    CHECK(exportTo(QStringLiteral("/dev/null"), true).code == 2);
    // Nothing half-written is left behind by any refusal.
    for (const QString& name : QDir(c.outDir.path()).entryList(QDir::Files | QDir::System))
        CHECK_FALSE(name.contains(QStringLiteral(".partial")));
}

TEST_CASE("export signs with the seller's key; verify prints it and --expect-key holds to it; key show, "
          "export and import",
          "[cli][evidence][signing]")
{
    CliCase c;
    const QString zip = c.outFile(QStringLiteral("case.zip"));
    CHECK(cli(c.args({QStringLiteral("key"), QStringLiteral("show")})).code ==
          3); // none before the first export
    const Run exported = cli(c.args({QStringLiteral("export"), c.number, QStringLiteral("--out"), zip}));
    INFO(exported.err.toStdString());
    REQUIRE(exported.code == 0);
    CHECK(exported.out.contains(QStringLiteral("made now; kept in the file ") + c.keyFile()));
    CHECK(QFileInfo(c.keyFile()).permissions() ==
          (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));

    const Run shown = cli(c.args({QStringLiteral("key"), QStringLiteral("show")}));
    REQUIRE(shown.code == 0);
    const QString fingerprint =
        shown.out.section(QLatin1Char('\n'), 0, 0).remove(QStringLiteral("fingerprint: "));
    REQUIRE(fingerprint.size() == 79);
    CHECK(shown.out.contains(QStringLiteral("-----BEGIN PUBLIC KEY-----")));
    CHECK_FALSE(shown.out.contains(QStringLiteral("PRIVATE")));
    CHECK(exported.out.contains(QStringLiteral("signed with the key ") + fingerprint));

    const Run ok = cli({QStringLiteral("verify"), zip});
    INFO(ok.out.toStdString() << ok.err.toStdString());
    CHECK(ok.code == 0);
    CHECK(ok.out.contains(QStringLiteral("signing key: ") + fingerprint));
    const Run expected = cli({QStringLiteral("verify"), zip, QStringLiteral("--expect-key"), fingerprint});
    CHECK(expected.code == 0);
    CHECK(expected.out.contains(QStringLiteral("the one expected")));
    const QString otherKey = QString(64, QLatin1Char('a'));
    const Run other = cli({QStringLiteral("verify"), zip, QStringLiteral("--expect-key"), otherKey});
    CHECK(other.code == 1);
    CHECK(other.out.contains(QStringLiteral("signature: signed by the key %1, not by the expected key %2")
                                 .arg(fingerprint, otherKey)));
    CHECK(cli({QStringLiteral("verify"), zip, QStringLiteral("--expect-key"), QStringLiteral("12ab")}).code ==
          2);

    // The PDF in Korean (its words are checked in casefile_tests); an unknown language is a usage error.
    const QString korean = c.outFile(QStringLiteral("korean.zip"));
    CHECK(cli(c.args({QStringLiteral("export"), c.number, QStringLiteral("--out"), korean,
                      QStringLiteral("--lang"), QStringLiteral("ko")}))
              .code == 0);
    CHECK(cli({QStringLiteral("verify"), korean, QStringLiteral("--expect-key"), fingerprint}).code == 0);
    CHECK(cli(c.args({QStringLiteral("export"), c.number, QStringLiteral("--out"),
                      korean + QStringLiteral(".de"), QStringLiteral("--lang"), QStringLiteral("de")}))
              .code == 2);

    // The signature taken away: verify (with no database at all) says it is not signed.
    const QString unsigned_ = c.outFile(QStringLiteral("unsigned.zip"));
    QProcess stripped;
    stripped.start(
        QStringLiteral("python3"),
        {QStringLiteral("-c"),
         QStringLiteral("import sys, zipfile\n"
                        "with zipfile.ZipFile(sys.argv[1]) as zi, zipfile.ZipFile(sys.argv[2], 'w') as zo:\n"
                        "    for i in zi.infolist():\n"
                        "        if i.filename != 'manifest.sig':\n"
                        "            zo.writestr(i, zi.read(i.filename))\n"),
         zip, unsigned_});
    REQUIRE(stripped.waitForFinished(60000));
    REQUIRE(stripped.exitCode() == 0);
    QProcessEnvironment noDb = QProcessEnvironment::systemEnvironment();
    noDb.insert(QStringLiteral("XDG_DATA_HOME"), c.dir.filePath(QStringLiteral("nothing-here")));
    noDb.remove(QStringLiteral("CASEBOOK_DB"));
    const Run bad = cli({QStringLiteral("verify"), unsigned_}, noDb);
    CHECK(bad.code == 1);
    CHECK(bad.out.contains(QStringLiteral("signature: missing manifest.sig; manifest.json is not signed")));
    CHECK(bad.out.contains(QStringLiteral("missing: manifest.sig")));
    CHECK_FALSE(QFileInfo::exists(c.dir.filePath(QStringLiteral("nothing-here")))); // no database was made

    // Moving to a new computer: export the private key, import it there, and the next case file there is
    // signed by the same key.
    const QString moved = c.dir.filePath(QStringLiteral("moved.pem"));
    const Run out = cli(c.args({QStringLiteral("key"), QStringLiteral("export"), moved}));
    INFO(out.err.toStdString());
    REQUIRE(out.code == 0);
    CHECK(QFileInfo(moved).permissions() ==
          (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));
    CHECK(cli(c.args({QStringLiteral("key"), QStringLiteral("export"), moved})).code == 1); // exists: --force
    QTemporaryDir newComputer;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), newComputer.path());
    const Run imported = cli({QStringLiteral("key"), QStringLiteral("import"), moved}, env);
    INFO(imported.err.toStdString());
    REQUIRE(imported.code == 0);
    CHECK(imported.out.contains(fingerprint));
    const Run there = cli({QStringLiteral("key"), QStringLiteral("show")}, env);
    CHECK(there.out.startsWith(QStringLiteral("fingerprint: ") + fingerprint));
    // A different key already there is not replaced by accident.
    const QString pub = c.dir.filePath(QStringLiteral("public.pem"));
    REQUIRE(cli(c.args({QStringLiteral("key"), QStringLiteral("export"), pub, QStringLiteral("--public")}))
                .code == 0);
    CHECK_FALSE(test::readFile(pub).contains("PRIVATE"));
    CHECK(cli({QStringLiteral("key"), QStringLiteral("import"), pub}, env).code == 2); // not a private key
}

TEST_CASE("settings set tsa_url: each case file is stamped by that authority, and verify shows when",
          "[cli][evidence][timestamp]")
{
    test::LocalTsa tsa;
    CliCase c;
    CHECK(cli(c.args({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("tsa_url"),
                      QStringLiteral("ftp://tsa.example")}))
              .code == 2);
    REQUIRE(
        cli(c.args({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("tsa_url"), tsa.url}))
            .code == 0);
    CHECK(cli(c.args({QStringLiteral("settings")})).out.contains(QStringLiteral("tsa_url = ") + tsa.url));
    const QString zip = c.outFile(QStringLiteral("stamped.zip"));
    const Run exported = cli(c.args({QStringLiteral("export"), c.number, QStringLiteral("--out"), zip}));
    INFO(exported.err.toStdString());
    REQUIRE(exported.code == 0);

    const Run trusted = cli({QStringLiteral("verify"), zip, QStringLiteral("--tsa-ca"), tsa.ca()});
    INFO(trusted.out.toStdString() << trusted.err.toStdString());
    CHECK(trusted.code == 0);
    CHECK(trusted.out.contains(QStringLiteral("timestamp: manifest.json existed at ")));
    // The system's CAs do not know this authority: the stamp is not taken on its word.
    const Run untrusted = cli({QStringLiteral("verify"), zip});
    CHECK(untrusted.code == 1);
    CHECK(untrusted.out.contains(QStringLiteral("timestamp: manifest.tsr does not hold")));

    // Back to no authority: the next case file has no stamp, and still verifies.
    REQUIRE(
        cli(c.args({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("tsa_url"), QString()}))
            .code == 0);
    const QString plain = c.outFile(QStringLiteral("plain.zip"));
    REQUIRE(cli(c.args({QStringLiteral("export"), c.number, QStringLiteral("--out"), plain})).code == 0);
    const Run ok = cli({QStringLiteral("verify"), plain});
    CHECK(ok.code == 0);
    CHECK_FALSE(ok.out.contains(QStringLiteral("timestamp:")));
}
