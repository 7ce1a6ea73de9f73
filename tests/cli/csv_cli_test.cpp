#include "cli/cli_runner.h"
#include "support/test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <tuple>

using casebook::test::cli;
using casebook::test::Run;

namespace {

QJsonObject reportOf(const Run& r)
{
    INFO(r.out.toStdString() << r.err.toStdString());
    REQUIRE(r.code == 0);
    return QJsonDocument::fromJson(r.out.trimmed().toUtf8()).object();
}

// Every message's message_id in `tickets --json`.
QStringList messageIds(const QString& db)
{
    const Run tickets =
        cli({QStringLiteral("--db"), db, QStringLiteral("tickets"), QStringLiteral("--json")});
    REQUIRE(tickets.code == 0);
    QStringList ids;
    for (const QJsonValue& t : QJsonDocument::fromJson(tickets.out.toUtf8()).array())
        for (const QJsonValue& m : t[QStringLiteral("messages")].toArray())
            ids << m[QStringLiteral("message_id")].toString();
    return ids;
}

} // namespace

TEST_CASE("import csv: a preset or a mapping, CP949, the same file twice adds nothing", "[cli][csv]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("c.sqlite"));
    const QString file = casebook::test::testData(QStringLiteral("csv/11st_cp949.csv"));
    const QJsonObject first =
        reportOf(cli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("csv"), file,
                      QStringLiteral("--preset"), QStringLiteral("11st"), QStringLiteral("--json")}));
    CHECK(first.value(QStringLiteral("rows")).toInt() == 3);
    CHECK(first.value(QStringLiteral("imported")).toInt() == 4);
    CHECK(first.value(QStringLiteral("encoding")).toString() == QStringLiteral("CP949"));
    const QJsonObject again =
        reportOf(cli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("csv"), file,
                      QStringLiteral("--preset"), QStringLiteral("11st"), QStringLiteral("--json")}));
    CHECK(again.value(QStringLiteral("imported")).toInt() == 0);
    CHECK(again.value(QStringLiteral("duplicates")).toInt() == 4);

    const Run mapped =
        cli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("csv"),
             casebook::test::testData(QStringLiteral("csv/generic.csv")), QStringLiteral("--map"),
             QStringLiteral("id=id,date=date,question=text,order=order"), QStringLiteral("--json")});
    CHECK(reportOf(mapped).value(QStringLiteral("imported")).toInt() == 1);

    const QStringList ids = messageIds(db);
    CHECK(ids.contains(QStringLiteral("csv:11st:110001")));
    CHECK(ids.contains(QStringLiteral("csv:11st:110002:answer")));
    CHECK(ids.contains(QStringLiteral("csv:custom:9")));

    const Run bad = cli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("csv"), file,
                         QStringLiteral("--preset"), QStringLiteral("auction")});
    CHECK(bad.code == 2);
    CHECK(bad.err.contains(QStringLiteral("kmong, 11st, gmarket, coupang, naver, generic")));
}

TEST_CASE("import csv --preset: each board's CP949 export, twice, the second time adds nothing", "[cli][csv]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("p.sqlite"));
    int total = 0;
    for (const auto& [preset, file, messages] :
         {std::tuple{"kmong", "kmong_cp949.csv", 4}, std::tuple{"11st", "11st_cp949.csv", 4},
          std::tuple{"gmarket", "gmarket_cp949.csv", 3}}) {
        INFO(preset);
        const QStringList args{QStringLiteral("--db"),
                               db,
                               QStringLiteral("import"),
                               QStringLiteral("csv"),
                               casebook::test::testData(QStringLiteral("csv/") + QString::fromLatin1(file)),
                               QStringLiteral("--preset"),
                               QString::fromLatin1(preset),
                               QStringLiteral("--json")};
        const QJsonObject first = reportOf(cli(args));
        CHECK(first.value(QStringLiteral("encoding")).toString() == QStringLiteral("CP949"));
        CHECK(first.value(QStringLiteral("imported")).toInt() == messages);
        const QJsonObject again = reportOf(cli(args));
        CHECK(again.value(QStringLiteral("imported")).toInt() == 0);
        CHECK(again.value(QStringLiteral("duplicates")).toInt() == messages);
        total += messages;
    }
    const QStringList ids = messageIds(db);
    CHECK(ids.size() == total);
    CHECK(ids.contains(QStringLiteral("csv:kmong:K-5001:answer")));
    CHECK(ids.contains(QStringLiteral("csv:gmarket:G-77002")));
}

TEST_CASE("import csv without --preset: the board is recognised from the header, a file without dates is "
          "refused",
          "[cli][csv]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("c.sqlite"));
    auto import = [&](const char* file, QStringList extra = {}) {
        return cli(QStringList{QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("csv"),
                               casebook::test::testData(QStringLiteral("csv/") + QLatin1String(file)),
                               QStringLiteral("--json")} +
                   extra);
    };
    const Run coupang = import("coupang_cp949.csv");
    CHECK(coupang.code == 0);
    CHECK(coupang.err.contains(QStringLiteral("preset: coupang")));
    CHECK(reportOf(coupang).value(QStringLiteral("preset")).toString() == QStringLiteral("coupang"));
    CHECK(reportOf(coupang).value(QStringLiteral("imported")).toInt() == 3);
    // The same file read with another preset is the same rows.
    const Run again = import("coupang_cp949.csv", {QStringLiteral("--map"), QStringLiteral("문의ID=id,문의일시=date,문의내용=text")});
    CHECK(reportOf(again).value(QStringLiteral("imported")).toInt() == 0);

    const Run eleven = import("11st_written_bom.csv");
    CHECK(reportOf(eleven).value(QStringLiteral("preset")).toString() == QStringLiteral("11st"));
    CHECK(reportOf(eleven).value(QStringLiteral("imported")).toInt() == 3);

    const Run undated = import("no_date_bom.csv");
    CHECK(undated.code != 0);
    CHECK(undated.err.contains(QStringLiteral("--undated")));
    const Run allowed = import("no_date_bom.csv", {QStringLiteral("--undated")});
    CHECK(allowed.code == 0);
    CHECK(allowed.err.contains(QStringLiteral("no date column")));
}
