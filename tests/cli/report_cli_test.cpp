// report and claims as a user runs them, on the reports' fixture: the figures against counts this test
// makes from the fixture's plan, the claims list's CSV as Excel reads it and its PDF as a person reads it.
#include "cli_runner.h"
#include "support/report_fixture.h"
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPdfDocument>
#include <QTemporaryDir>

using namespace casebook;
using test::ReportFixtureTicket;

namespace {

struct Fixture {
    test::TempStore store;
    QList<ReportFixtureTicket> plan = test::report_fixture::plan();
    QTemporaryDir out;
    Fixture() { test::report_fixture::write(*store.db, store.clock, plan, store.dir.path()); }
    test::Run run(const QStringList& args)
    {
        return test::cli(QStringList{QStringLiteral("--db"), store.path()} + args);
    }
};

Fixture& fixture()
{
    static Fixture f;
    return f;
}

const QStringList kNovember = {QStringLiteral("--from"), QStringLiteral("2026-11-02"), QStringLiteral("--to"),
                               QStringLiteral("2026-11-29")};

bool inNovember(const ReportFixtureTicket& t)
{
    const QDate day = t.askedAt.toTimeZone(QTimeZone("Asia/Seoul")).date();
    return day >= QDate(2026, 11, 2) && day <= QDate(2026, 11, 29);
}

bool claim(const ReportFixtureTicket& t)
{
    return !t.sellerFirst && t.finalStatus != TicketStatus::Spam &&
           (t.category == Category::Refund || t.category == Category::Return ||
            t.category == Category::Defect || t.category == Category::MissingItem);
}

} // namespace

TEST_CASE("report --json: the period's inquiries per week and channel", "[report]")
{
    Fixture& f = fixture();
    const test::Run r =
        f.run(QStringList{QStringLiteral("report")} + kNovember + QStringList{QStringLiteral("--json")});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QList<QMap<QString, int>> expected(4);
    int total = 0;
    for (const ReportFixtureTicket& t : f.plan)
        if (!t.sellerFirst && t.finalStatus != TicketStatus::Spam && inNovember(t)) {
            const qint64 days =
                QDate(2026, 11, 2).daysTo(t.askedAt.toTimeZone(QTimeZone("Asia/Seoul")).date());
            ++expected[days / 7][toString(t.channel)];
            ++total;
        }
    CHECK(o.value(QStringLiteral("received")).toInt() == total);
    const QJsonArray buckets = o.value(QStringLiteral("buckets")).toArray();
    REQUIRE(buckets.size() == 4);
    for (int b = 0; b < 4; ++b) {
        const QJsonObject byChannel = buckets[b][QStringLiteral("by_channel")].toObject();
        QMap<QString, int> got;
        for (auto it = byChannel.begin(); it != byChannel.end(); ++it)
            got[it.key()] = it.value().toInt();
        CHECK(got == expected[b]);
    }
    CHECK(buckets[0][QStringLiteral("start")].toString() == QStringLiteral("2026-11-02"));
    CHECK(o.value(QStringLiteral("channels")).toArray().size() == 4);

    // The plate set, named by the order cache for several orders, with every claim on any of them.
    const QMap<QString, QStringList> cache = test::report_fixture::cachedProducts();
    const QString plates = QStringLiteral("백자 접시 세트");
    int plateClaims = 0;
    for (const ReportFixtureTicket& t : f.plan)
        plateClaims += claim(t) && inNovember(t) && cache.value(t.order).contains(plates) ? 1 : 0;
    REQUIRE(plateClaims >= 3);
    QJsonObject plateRow;
    for (const QJsonValue& row : o.value(QStringLiteral("top_claims")).toArray())
        if (row[QStringLiteral("product")].toString() == plates)
            plateRow = row.toObject();
    CHECK(plateRow.value(QStringLiteral("claims")).toInt() == plateClaims);
    CHECK(plateRow.value(QStringLiteral("order")).isNull());
    CHECK(plateRow.value(QStringLiteral("orders")).toArray().size() >= 2);
}

TEST_CASE("report prints text and CSV; bad values are usage errors that print nothing", "[report]")
{
    Fixture& f = fixture();
    const test::Run text = f.run(QStringList{QStringLiteral("report")} + kNovember);
    REQUIRE(text.code == 0);
    CHECK(text.out.contains(QStringLiteral("Inquiries received:")));
    CHECK(text.out.contains(QStringLiteral("Most claimed products and orders:")));
    const test::Run csv =
        f.run(QStringList{QStringLiteral("report"), QStringLiteral("--by"), QStringLiteral("month")} +
              kNovember + QStringList{QStringLiteral("--csv")});
    REQUIRE(csv.code == 0);
    CHECK(csv.out.startsWith(QStringLiteral("figure,bar,key,value\r\n")));
    CHECK(csv.out.contains(QStringLiteral("received_by_channel,2026-11-02,email,")));
    for (const QStringList& bad : {QStringList{QStringLiteral("--by"), QStringLiteral("year")},
                                   QStringList{QStringLiteral("--from"), QStringLiteral("2026-13-01")},
                                   QStringList{QStringLiteral("--from"), QStringLiteral("2026-12-01"),
                                               QStringLiteral("--to"), QStringLiteral("2026-11-01")},
                                   QStringList{QStringLiteral("--json"), QStringLiteral("--csv")}}) {
        const test::Run r = f.run(QStringList{QStringLiteral("report")} + bad);
        INFO(bad.join(QLatin1Char(' ')).toStdString());
        CHECK(r.code == 2);
        CHECK(r.out.isEmpty());
    }
}

TEST_CASE("claims --csv: UTF-8 with BOM, Korean intact, formulas neutralised, one row a claim", "[report]")
{
    Fixture& f = fixture();
    const QString path = f.out.filePath(QStringLiteral("claims.csv"));
    const test::Run r =
        f.run(QStringList{QStringLiteral("claims")} + kNovember +
              QStringList{QStringLiteral("--csv"), path, QStringLiteral("--lang"), QStringLiteral("ko")});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    const QByteArray bytes = test::readFile(path);
    REQUIRE(bytes.startsWith("\xEF\xBB\xBF"));
    const QString text = QString::fromUtf8(bytes.mid(3));
    CHECK(
        text.startsWith(QStringLiteral("날짜,채널,주문 번호,분류,클레임 내용,판매자 조치,증거 파일 수\r\n")));
    CHECK(text.contains(QStringLiteral("환불해 주세요")));
    // The customer's "=cmd|…" starts its cell with an apostrophe; no cell starts with a formula sign.
    CHECK(text.contains(QStringLiteral("\"'=cmd|' /C calc'!A0")));
    int claims = 0;
    for (const ReportFixtureTicket& t : f.plan)
        claims += claim(t) && inNovember(t) ? 1 : 0;
    REQUIRE(claims > 5);
    // Rows: a record ends with CRLF; texts inside quotes hold only LF.
    CHECK(text.count(QStringLiteral("\r\n")) == claims + 1);
    for (const QString& record : text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts))
        for (const QString& cell : record.split(QLatin1Char(',')))
            CHECK_FALSE((!cell.isEmpty() && QStringLiteral("=+-@").contains(cell.front())));
    CHECK(QDir(f.out.path()).entryList(QDir::Files).size() == 1); // no temporary file left behind
}

TEST_CASE("claims refuses to replace a file without --force and replaces it with", "[report]")
{
    Fixture& f = fixture();
    const QString path = f.out.filePath(QStringLiteral("kept.csv"));
    {
        QFile keep(path);
        REQUIRE(keep.open(QIODevice::WriteOnly));
        keep.write("keep me");
    }
    const test::Run refused =
        f.run(QStringList{QStringLiteral("claims")} + kNovember + QStringList{QStringLiteral("--csv"), path});
    CHECK(refused.code != 0);
    CHECK(refused.out.isEmpty());
    CHECK(test::readFile(path) == "keep me");
    const test::Run forced = f.run(QStringList{QStringLiteral("claims")} + kNovember +
                                   QStringList{QStringLiteral("--csv"), path, QStringLiteral("--force")});
    CHECK(forced.code == 0);
    CHECK(test::readFile(path).startsWith("\xEF\xBB\xBF"));
    const test::Run neither = f.run(QStringList{QStringLiteral("claims"), path});
    CHECK(neither.code == 2);
}

TEST_CASE("claims --pdf: a table a person reads, in Korean", "[report]")
{
    Fixture& f = fixture();
    const QString path = f.out.filePath(QStringLiteral("claims.pdf"));
    const test::Run r =
        f.run(QStringList{QStringLiteral("claims")} + kNovember +
              QStringList{QStringLiteral("--pdf"), path, QStringLiteral("--lang"), QStringLiteral("ko")});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    QPdfDocument pdf;
    REQUIRE(pdf.load(path) == QPdfDocument::Error::None);
    QString text;
    for (int p = 0; p < pdf.pageCount(); ++p)
        text += pdf.getAllText(p).text();
    CHECK(text.contains(QStringLiteral("클레임 목록 2026-11-02 ~ 2026-11-29")));
    CHECK(text.contains(QStringLiteral("환불해 주세요")));
    CHECK(text.contains(QStringLiteral("ORD-")));
}
