#include "inbox/ingestor.h"
#include "support/test_support.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
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
        const QDir dir(test::testData(QStringLiteral("mail")));
        for (const QString& name : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name))
            REQUIRE(ingestor.ingestMail(test::readFile(dir.filePath(name)), QStringLiteral("test"), name));
    }
    SearchRun search(QStringList args)
    {
        QProcess p;
        p.start(QStringLiteral(CASEBOOK_CLI),
                QStringList{QStringLiteral("--db"), store.path(), QStringLiteral("search")} + args);
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
