#include "cli_runner.h"
#include "inbox/ingestor.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace casebook;

namespace {

// One fixture mail (Date: Mon, 02 Mar 2026 09:34:12 +0900, i.e. 00:34:12 UTC) in a fresh database.
struct OneMail {
    test::TempStore store;
    int number = 0;
    OneMail()
    {
        Ingestor ingestor(*store.db, IngestOptions{{QStringLiteral("help@dalbit-shop.example")}});
        auto r = ingestor.ingestMail(test::readFile(test::testData(QStringLiteral("mail/utf8-base64.eml"))),
                                     QStringLiteral("test"), {});
        REQUIRE(r);
        number = ticket_queries::tickets(store.db->reader(), {}).first().number;
    }
    test::Run run(const QStringList& args, const QString& tz)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TZ"), tz);
        return test::cli(QStringList{QStringLiteral("--db"), store.path()} + args, env);
    }
};

} // namespace

TEST_CASE("people read local time with its zone; JSON keeps UTC", "[cli][time]")
{
    OneMail db;
    const QString n = QString::number(db.number);

    const test::Run show = db.run({QStringLiteral("show"), n}, QStringLiteral("Asia/Seoul"));
    REQUIRE(show.code == 0);
    CHECK(show.out.contains(QStringLiteral("<- 2026-03-02 09:34 KST  email")));
    CHECK_FALSE(show.out.contains(QStringLiteral("T00:34")));

    const test::Run tickets = db.run({QStringLiteral("tickets")}, QStringLiteral("Asia/Seoul"));
    REQUIRE(tickets.code == 0);
    CHECK(tickets.out.contains(QStringLiteral("\t2026-03-02 09:34 KST\t")));

    // The Qt-free search and the full program print the same local time.
    for (const char* program : {CASEBOOK_CLI, CASEBOOK_CLI_FULL}) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TZ"), QStringLiteral("Asia/Seoul"));
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QString::fromUtf8(program),
                {QStringLiteral("--db"), db.store.path(), QStringLiteral("search"), QStringLiteral("환불")});
        REQUIRE(p.waitForFinished(60000));
        INFO(program);
        CHECK(QString::fromUtf8(p.readAllStandardOutput())
                  .startsWith(QStringLiteral("#%1\t2026-03-02 09:34 KST\t김민수\t").arg(n)));
    }

    // Another zone, another reading of the same moment; a zone without a name gets its offset.
    CHECK(db.run({QStringLiteral("show"), n}, QStringLiteral("UTC"))
              .out.contains(QStringLiteral("<- 2026-03-02 00:34 UTC")));
    CHECK(db.run({QStringLiteral("show"), n}, QStringLiteral("Asia/Dubai"))
              .out.contains(QStringLiteral("<- 2026-03-02 04:34 UTC+04:00")));

    // Machines keep UTC.
    const test::Run json =
        db.run({QStringLiteral("search"), QStringLiteral("환불"), QStringLiteral("--json")},
               QStringLiteral("Asia/Seoul"));
    const QJsonArray hits = QJsonDocument::fromJson(json.out.toUtf8()).array();
    REQUIRE(hits.size() == 1);
    CHECK(hits[0][QStringLiteral("date")].toString() == QStringLiteral("2026-03-02T00:34:12Z"));
    const test::Run list =
        db.run({QStringLiteral("tickets"), QStringLiteral("--json")}, QStringLiteral("Asia/Seoul"));
    CHECK(QJsonDocument::fromJson(list.out.toUtf8())
              .array()[0][QStringLiteral("last_activity_at")]
              .toString() == QStringLiteral("2026-03-02T00:34:12Z"));
}

TEST_CASE("a forwarded mail is found by its sender and order number", "[cli][search]")
{
    test::TempStore store;
    Ingestor ingestor(*store.db, IngestOptions{{QStringLiteral("@dalbit-shop.example"),
                                                QStringLiteral("dalbit.owner@naver.example")}});
    REQUIRE(ingestor.ingestMail(
        test::readFile(test::testData(QStringLiteral("mail/forward-attached-rfc822.eml"))),
        QStringLiteral("test"), {}));
    for (const char* word : {"박서준", "2026120399990000"}) {
        const test::Run r = test::cli(
            {QStringLiteral("--db"), store.path(), QStringLiteral("search"), QString::fromUtf8(word)});
        INFO(word);
        CHECK(r.out.contains(QStringLiteral("Fwd: 주문 취소 요청드립니다")));
    }
    const int number = ticket_queries::tickets(store.db->reader(), {}).first().number;
    const test::Run show =
        test::cli({QStringLiteral("--db"), store.path(), QStringLiteral("show"), QString::number(number)});
    CHECK(show.out.contains(QStringLiteral("Customer: 박서준")));
    CHECK(show.out.contains(QStringLiteral("---------- Forwarded message ----------")));
    CHECK(show.out.contains(QStringLiteral("[attachment] 주문 취소 요청드립니다.eml (message/rfc822")));
}

TEST_CASE("the demo's split subjects read whole and its forwarded mail is the customer's", "[cli]")
{
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("TZ"), QStringLiteral("Asia/Seoul"));
    const test::Run tickets = test::cli({QStringLiteral("--demo"), QStringLiteral("tickets")}, env);
    REQUIRE(tickets.code == 0);
    for (const char* subject :
         {"카페 머그컵 대량 구매 문의 (80개)", "문앞 배송 요청했는데 택배가 없어요", "린넨 셔츠 사이즈 교환 가능할까요?"}) {
        INFO(subject);
        CHECK(tickets.out.contains(QStringLiteral("\t") + QString::fromUtf8(subject) + QStringLiteral("\n")));
    }
    // Its month moves with the demo's dates (core/demo/demo_dates.h): "2월" as recorded, the replayed one now.
    CHECK(tickets.out.contains(QRegularExpression(
        QStringLiteral("\t\\[정산문의\\] \\d{1,2}월 2주차 정산금 미지급 건 \\(업체코드 A00012345\\)\n"))));
    CHECK(tickets.out.contains(QStringLiteral(" KST\t박서준\tFwd: 주문 취소 요청드립니다\n")));
    const test::Run found = test::cli(
        {QStringLiteral("--demo"), QStringLiteral("search"), QStringLiteral("2026030955512345")}, env);
    CHECK(found.out.contains(QStringLiteral("Fwd: 주문 취소 요청드립니다")));
}
