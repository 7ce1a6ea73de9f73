#include "inbox/ingestor.h"
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace casebook;

namespace {

struct SearchRun {
    int code = -1;
    QString out;
    QString err;
};

// A database holding the fixture mails, put in through the normal ingest path.
struct FixtureDb {
    test::TempStore store;
    FixtureDb()
    {
        Ingestor ingestor(*store.db, IngestOptions{{QStringLiteral("help@dalbit-shop.example")}});
        // A fixed set: the counts below are of these mails, whatever fixtures other tests add beside them.
        const QDir dir(test::testData(QStringLiteral("mail")));
        for (const char* name : {"attachment.eml", "euc-kr.eml", "html-hostile.eml", "ks_c_5601-1987.eml",
                                 "not-a-message.eml", "utf8-base64.eml"}) {
            const QString file = QString::fromUtf8(name);
            REQUIRE(ingestor.ingestMail(test::readFile(dir.filePath(file)), QStringLiteral("test"), file));
        }
    }
    SearchRun search(QStringList args, const QString& program = QStringLiteral(CASEBOOK_CLI))
    {
        return run(program,
                   QStringList{QStringLiteral("--db"), store.path(), QStringLiteral("search")} + args);
    }
    static SearchRun run(const QString& program, const QStringList& args,
                         const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(program, args);
        REQUIRE(p.waitForFinished(60000));
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
};

} // namespace

TEST_CASE("search --count prints only the number of matching messages", "[cli][search]")
{
    FixtureDb db;
    CHECK(db.search({QStringLiteral("환불"), QStringLiteral("--count")}).out == QStringLiteral("1\n"));
    CHECK(db.search({QStringLiteral("after:2026-03-01"), QStringLiteral("--count")}).out ==
          QStringLiteral("5\n"));
    // Separate arguments are one query.
    CHECK(db.search({QStringLiteral("--count"), QStringLiteral("mug"), QStringLiteral("from:fan")}).out ==
          QStringLiteral("1\n"));
}

TEST_CASE("search --json prints the hits, newest first", "[cli][search]")
{
    FixtureDb db;
    const SearchRun r = db.search({QStringLiteral("문의"), QStringLiteral("--json")});
    REQUIRE(r.code == 0);
    const QJsonArray hits = QJsonDocument::fromJson(r.out.toUtf8()).array();
    REQUIRE(hits.size() == 3);
    QStringList dates;
    for (const QJsonValue& v : hits)
        dates << v[QStringLiteral("date")].toString();
    CHECK(dates == QStringList{QStringLiteral("2026-03-04T02:00:00Z"), QStringLiteral("2026-03-03T01:00:00Z"),
                               QStringLiteral("2026-03-02T00:34:12Z")});
    const QJsonObject last = hits.last().toObject();
    CHECK(last[QStringLiteral("subject")].toString() == QStringLiteral("환불 문의드립니다"));
    CHECK(last[QStringLiteral("ticket")].toInt() > 1000);
    CHECK(last[QStringLiteral("from_address")].toString() == QStringLiteral("minsu@mail.example"));
    CHECK(last[QStringLiteral("channel")].toString() == QStringLiteral("email"));

    const SearchRun one = db.search(
        {QStringLiteral("문의"), QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("1")});
    CHECK(QJsonDocument::fromJson(one.out.toUtf8()).array().size() == 1);
    const SearchRun text = db.search({QStringLiteral("환불")});
    CHECK(text.out.contains(QStringLiteral("[환불]을")));
}

TEST_CASE("search reports a bad query as a usage error", "[cli][search]")
{
    FixtureDb db;
    const SearchRun quote = db.search({QStringLiteral("\"환불")});
    CHECK(quote.code == 2);
    CHECK(quote.out.isEmpty());
    CHECK(quote.err.contains(QStringLiteral("never closed")));
    const SearchRun field = db.search({QStringLiteral("colour:red")});
    CHECK(field.code == 2);
    CHECK(field.err.contains(QStringLiteral("colour:")));
    CHECK(db.search({QStringLiteral("x"), QStringLiteral("--limit"), QStringLiteral("many")}).code == 2);
    CHECK(db.search({}).code == 2);
}

TEST_CASE("casebook-cli loads no Qt", "[cli][search]")
{
    const SearchRun ldd = FixtureDb::run(QStringLiteral("ldd"), {QStringLiteral(CASEBOOK_CLI)});
    REQUIRE(ldd.code == 0);
    INFO(ldd.out.toStdString());
    CHECK(ldd.out.contains(QStringLiteral("libsqlite3")));
    CHECK_FALSE(ldd.out.contains(QStringLiteral("libQt")));
    CHECK_FALSE(ldd.out.contains(QStringLiteral("libicu")));
}

TEST_CASE("casebook-cli searches print what casebook-cli-full prints", "[cli][search]")
{
    FixtureDb db;
    const QList<QStringList> cases{
        {QStringLiteral("환불")},
        {QStringLiteral("문의"), QStringLiteral("--json")},
        {QStringLiteral("--json"), QStringLiteral("문의"), QStringLiteral("--limit=2"),
         QStringLiteral("--offset"), QStringLiteral("1")},
        {QStringLiteral("문의"), QStringLiteral("--sort"), QStringLiteral("relevance"),
         QStringLiteral("--json")},
        {QStringLiteral("after:2026-03-01"), QStringLiteral("--count")},
        {QStringLiteral("mug"), QStringLiteral("from:fan"), QStringLiteral("--limit"), QStringLiteral("0")},
        {QStringLiteral("status:new"), QStringLiteral("channel:email")},
        {QStringLiteral("nothing-like-this"), QStringLiteral("--json")},
        {QStringLiteral("\"환불")},
        {QStringLiteral("colour:red")},
        {QStringLiteral("after:2026-02-30")},
        {QStringLiteral("* !!")},
        {QStringLiteral("x"), QStringLiteral("--limit"), QStringLiteral("many")},
        {QStringLiteral("x"), QStringLiteral("--sort"), QStringLiteral("oldest")},
        {QStringLiteral("x"), QStringLiteral("--tone")},
        {QStringLiteral("x"), QStringLiteral("--count=yes")},
        {},
    };
    for (const QStringList& args : cases) {
        INFO(args.join(QLatin1Char(' ')).toStdString());
        const SearchRun light = db.search(args);
        const SearchRun full = db.search(args, QStringLiteral(CASEBOOK_CLI_FULL));
        CHECK(light.code == full.code);
        CHECK(light.out == full.out);
        CHECK(light.err == full.err);
    }
}

TEST_CASE("casebook-cli finds the default database where the full program does", "[cli][search]")
{
    FixtureDb db;
    QTemporaryDir home;
    REQUIRE(QDir().mkpath(home.filePath(QStringLiteral(".local/share/Casebook"))));
    REQUIRE(QFile::link(QFileInfo(db.store.path()).absolutePath(),
                        home.filePath(QStringLiteral(".local/share/Casebook/casebook"))));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("CASEBOOK_DB"));
    env.remove(QStringLiteral("XDG_DATA_HOME"));
    env.insert(QStringLiteral("HOME"), home.path());
    const QStringList args{QStringLiteral("search"), QStringLiteral("환불"), QStringLiteral("--count")};
    CHECK(FixtureDb::run(QStringLiteral(CASEBOOK_CLI), args, env).out == QStringLiteral("1\n"));
    CHECK(FixtureDb::run(QStringLiteral(CASEBOOK_CLI_FULL), args, env).out == QStringLiteral("1\n"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
    env.insert(QStringLiteral("HOME"), QStringLiteral("/nonexistent"));
    CHECK(FixtureDb::run(QStringLiteral(CASEBOOK_CLI), args, env).out == QStringLiteral("1\n"));
    CHECK(FixtureDb::run(QStringLiteral(CASEBOOK_CLI_FULL), args, env).out == QStringLiteral("1\n"));
}

TEST_CASE("casebook-cli refuses a newer database with the full program's words", "[cli][search]")
{
    FixtureDb db;
    REQUIRE(db.store.db->write([](SQLite::Database& sql) -> Result<void> {
        sql.exec("PRAGMA user_version = 99");
        return {};
    }));
    const SearchRun light = db.search({QStringLiteral("환불"), QStringLiteral("--count")});
    const SearchRun full =
        db.search({QStringLiteral("환불"), QStringLiteral("--count")}, QStringLiteral(CASEBOOK_CLI_FULL));
    CHECK(light.code == 1);
    CHECK(light.out.isEmpty());
    CHECK_FALSE(light.err.isEmpty());
    CHECK(light.err == full.err);
}

TEST_CASE("show and search print a mail's control characters as visible symbols, --json keeps them escaped",
          "[cli][search][hostile]")
{
    test::TempStore store;
    Ingestor ingestor(*store.db, IngestOptions{{QStringLiteral("help@dalbit-shop.example")}});
    REQUIRE(ingestor.ingestMail(test::readFile(test::testData(QStringLiteral("hostile/terminal-escapes.eml"))),
                                QStringLiteral("test"), QStringLiteral("terminal-escapes.eml")));
    const QString number =
        QString::number(store.db->reader().execAndGet("SELECT number FROM tickets").getInt());
    const auto noControls = [](const QString& s) {
        for (const QChar c : s)
            if ((c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\t')) ||
                (c.unicode() >= 0x7F && c.unicode() < 0xA0))
                return false;
        return true;
    };
    const SearchRun shown = FixtureDb::run(QStringLiteral(CASEBOOK_CLI_FULL),
                                           {QStringLiteral("--db"), store.path(), QStringLiteral("show"), number});
    REQUIRE(shown.code == 0);
    CHECK(noControls(shown.out));
    CHECK(shown.out.contains(QStringLiteral("refund.\u241B]0;pwned\u2407\u241B[2J")));
    CHECK_FALSE(shown.out.contains(QStringLiteral("\u240D"))); // a CRLF line end is not shown as a symbol
    CHECK(shown.out.contains(QStringLiteral("second line\uFFFDJ end")));

    for (const QString& program : {QStringLiteral(CASEBOOK_CLI), QStringLiteral(CASEBOOK_CLI_FULL)}) {
        const SearchRun found = FixtureDb::run(
            program, {QStringLiteral("--db"), store.path(), QStringLiteral("search"), QStringLiteral("refund")});
        INFO(program.toStdString() << found.err.toStdString());
        REQUIRE(found.code == 0);
        CHECK(found.out.contains(QStringLiteral("\u241B")));
        CHECK(noControls(found.out));
        const SearchRun json =
            FixtureDb::run(program, {QStringLiteral("--db"), store.path(), QStringLiteral("search"),
                                     QStringLiteral("refund"), QStringLiteral("--json")});
        REQUIRE(json.code == 0);
        CHECK(json.out.contains(QStringLiteral("\\u001b")));
    }
}

TEST_CASE("search please -refund: a word to leave out, not options", "[cli][search][hostile]")
{
    test::TempStore store;
    Ingestor ingestor(*store.db, IngestOptions{{QStringLiteral("help@dalbit-shop.example")}});
    for (const char* body : {"I want a refund please", "where is my parcel please"})
        REQUIRE(ingestor.ingestMail(QStringLiteral("From: a@example.com\r\nTo: help@dalbit-shop.example\r\n"
                                                   "Subject: %1\r\nDate: Mon, 02 Mar 2026 09:00:00 +0900\r\n"
                                                   "Message-ID: <%2@example.com>\r\n\r\n%1\r\n")
                                        .arg(QString::fromUtf8(body), QString::number(qHash(QByteArray(body))))
                                        .toUtf8(),
                                    QStringLiteral("test"), {}));
    for (const QString& program : {QStringLiteral(CASEBOOK_CLI), QStringLiteral(CASEBOOK_CLI_FULL)}) {
        INFO(program.toStdString());
        for (const QStringList& words : {QStringList{QStringLiteral("please"), QStringLiteral("-refund")},
                                         QStringList{QStringLiteral("-refund"), QStringLiteral("please")},
                                         QStringList{QStringLiteral("please"), QStringLiteral("--"),
                                                     QStringLiteral("-refund")}}) {
            const SearchRun r = FixtureDb::run(
                program, QStringList{QStringLiteral("--db"), store.path(), QStringLiteral("search"),
                                     QStringLiteral("--json")} +
                             words);
            INFO(words.join(QLatin1Char(' ')).toStdString() << r.err.toStdString());
            REQUIRE(r.code == 0);
            const QJsonArray hits = QJsonDocument::fromJson(r.out.toUtf8()).array();
            REQUIRE(hits.size() == 1);
            CHECK(hits.at(0)[QStringLiteral("subject")].toString() == QStringLiteral("where is my parcel please"));
        }
        const SearchRun alone = FixtureDb::run(
            program, {QStringLiteral("--db"), store.path(), QStringLiteral("search"), QStringLiteral("-refund")});
        CHECK(alone.code == 2);
        CHECK(alone.err.contains(QStringLiteral("Add a word to find")));
    }
}
