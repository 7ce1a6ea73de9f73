// Coupang and Naver through the real casebook-cli, against the fake marketplace on loopback: account add,
// sync, tickets --json, reply --send, confirm-transfer, as a seller would run them.
#include "cli/cli_runner.h"
#include "coupang_fixture.h"
#include "ebay_fixture.h"
#include "elevenst_fixture.h"
#include "esm_fixture.h"
#include "naver_fixture.h"

#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <SQLiteCpp/Database.h>
#include <algorithm>
#include <memory>
#include <vector>

using namespace casebook::test;

namespace {

// A store of its own and the CLI pointed at it.
struct CliStore {
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("m.sqlite"));

    Run run(const QStringList& args) const { return cli(QStringList{QStringLiteral("--db"), db} + args); }

    // `sync NAME --json`: the counts are the last line of the output.
    QJsonObject sync(const QString& account) const
    {
        const Run r = run({QStringLiteral("sync"), account, QStringLiteral("--json")});
        INFO(r.out.toStdString() << r.err.toStdString());
        REQUIRE(r.code == 0);
        const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        const QJsonObject o = QJsonDocument::fromJson(lines.last().toUtf8()).object();
        REQUIRE(o.contains(QStringLiteral("imported")));
        return o;
    }

    // message_id → ticket number, from `tickets --json`.
    QHash<QString, int> messageTickets() const { return casebook::test::messageTickets(db); }

    QString textFile(const QString& name, const QString& text) const
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(text.toUtf8());
        return path;
    }

    // These tests are about the marketplaces' protocols: the tone check (a date promised, "내일 도착합니다")
    // is waived with a reason, as a seller would; reply_cli_test.cpp tests the refusal itself.
    Run reply(int number, const QString& text) const
    {
        return run({QStringLiteral("reply"), QString::number(number), QStringLiteral("--text-file"),
                    textFile(QStringLiteral("answer-%1.txt").arg(number), text), QStringLiteral("--send"),
                    QStringLiteral("--override-tone"), QStringLiteral("protocol test")});
    }
};

Run addCoupang(const CliStore& s, const FakeMarketplace& server, const QStringList& extra = {})
{
    return s.run(QStringList{QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("coupang"),
                             QStringLiteral("shop"), QStringLiteral("--vendor-id"),
                             QStringLiteral("A00012345"), QStringLiteral("--access-key"),
                             QStringLiteral("ak-test"), QStringLiteral("--wing-user"),
                             QStringLiteral("wing-kim"), QStringLiteral("--base-url"), server.baseUrl(),
                             QStringLiteral("--secret-command"), QStringLiteral("echo sk-test")} +
                 extra);
}

QJsonArray requests(FakeMarketplace& server)
{
    return server.state().value(QStringLiteral("requests")).toArray();
}

} // namespace

TEST_CASE("CLI Coupang: account add, sync twice, tickets, reply --send, a second reply refused, confirm",
          "[cli][coupang]")
{
    FakeMarketplace server(coupangConfig());
    CliStore s;
    REQUIRE(addCoupang(s, server).code == 0);

    const QJsonObject first = s.sync(QStringLiteral("shop"));
    CHECK(first.value(QStringLiteral("imported")).toInt() > 90);
    const QJsonObject second = s.sync(QStringLiteral("shop"));
    CHECK(second.value(QStringLiteral("imported")).toInt() == 0);
    CHECK(second.value(QStringLiteral("fetched")).toInt() > 0); // the last window is walked again
    CHECK(second.value(QStringLiteral("duplicates")).toInt() ==
          second.value(QStringLiteral("fetched")).toInt());

    QHash<QString, int> tickets = s.messageTickets();
    CHECK(tickets.size() == first.value(QStringLiteral("imported")).toInt());
    for (int i = 0; i < 55; ++i)
        CHECK(tickets.contains(QStringLiteral("coupang:online:%1").arg(1000 + i)));
    for (int i = 0; i < 32; ++i)
        CHECK(tickets.contains(QStringLiteral("coupang:call:%1").arg(3000 + i)));
    CHECK(tickets.value(QStringLiteral("coupang:call:3900:answer:602")) ==
          tickets.value(QStringLiteral("coupang:call:3900")));

    // A product inquiry answered on its own channel: the fake records exactly the documented body.
    const int product = tickets.value(QStringLiteral("coupang:online:2004"));
    REQUIRE(product > 0);
    const Run sent = s.reply(product, QStringLiteral("안녕하세요.\n재고 있습니다.\n"));
    INFO(sent.out.toStdString() << sent.err.toStdString());
    REQUIRE(sent.code == 0);
    CHECK(sent.out.contains(QStringLiteral("sent 1")));
    QJsonArray posted = server.posted();
    REQUIRE(posted.size() == 1);
    CHECK(posted[0][QStringLiteral("method")].toString() == QStringLiteral("POST"));
    CHECK(posted[0][QStringLiteral("path")].toString() ==
          QStringLiteral("/v2/providers/openapi/apis/api/v4/vendors/A00012345/onlineInquiries/2004/replies"));
    CHECK(posted[0][QStringLiteral("body")].toObject() ==
          QJsonObject{{"content", QStringLiteral("안녕하세요.\n재고 있습니다.")},
                      {"vendorId", "A00012345"},
                      {"replyBy", "wing-kim"}});
    const Run again = s.reply(product, QStringLiteral("한 번 더 답변합니다."));
    CHECK(again.code == 1);
    CHECK(again.err.contains(QStringLiteral("product inquiry 2004 is already answered")));

    // A call-center inquiry: the answer names the agent's reply that awaits the seller.
    const int call = tickets.value(QStringLiteral("coupang:call:3004"));
    const Run callSent = s.reply(call, QStringLiteral("확인했습니다. 내일 발송됩니다."));
    INFO(callSent.err.toStdString());
    REQUIRE(callSent.code == 0);
    posted = server.posted();
    REQUIRE(posted.size() == 2);
    CHECK(posted[1][QStringLiteral("path")].toString().endsWith(
        QStringLiteral("/v4/vendors/A00012345/callCenterInquiries/3004/replies")));
    CHECK(posted[1][QStringLiteral("body")].toObject() ==
          QJsonObject{{"vendorId", "A00012345"},
                      {"inquiryId", 3004},
                      {"content", QStringLiteral("확인했습니다. 내일 발송됩니다.")},
                      {"replyBy", "wing-kim"},
                      {"parentAnswerId", 504}});
    const Run callAgain = s.reply(call, QStringLiteral("두 번째 답변입니다."));
    CHECK(callAgain.code == 1);
    CHECK(callAgain.err.contains(QStringLiteral("already answered")));
    // Answered: nothing left to confirm, and Coupang is not asked.
    const Run answeredConfirm = s.run({QStringLiteral("confirm-transfer"), QString::number(call)});
    CHECK(answeredConfirm.code == 1);
    CHECK(answeredConfirm.err.contains(QStringLiteral("transferred")));
    CHECK(server.posted().size() == 2);

    // The transfer of two hours ago is confirmed; one of nine days ago was closed by Coupang.
    const Run confirmed = s.run({QStringLiteral("confirm-transfer"),
                                 QString::number(tickets.value(QStringLiteral("coupang:call:3950")))});
    INFO(confirmed.err.toStdString());
    REQUIRE(confirmed.code == 0);
    CHECK(confirmed.out.contains(QStringLiteral("inquiry 3950")));
    posted = server.posted();
    REQUIRE(posted.size() == 3);
    CHECK(posted[2][QStringLiteral("path")].toString() ==
          QStringLiteral(
              "/v2/providers/openapi/apis/api/v4/vendors/A00012345/callCenterInquiries/3950/confirms"));
    CHECK(posted[2][QStringLiteral("body")].toObject() == QJsonObject{{"confirmBy", "wing-kim"}});
    const Run closed = s.run({QStringLiteral("confirm-transfer"),
                              QString::number(tickets.value(QStringLiteral("coupang:call:3010")))});
    CHECK(closed.code == 1);
    CHECK(closed.err.contains(QStringLiteral("522")));
    const Run none = s.run({QStringLiteral("confirm-transfer"), QString::number(product)});
    CHECK(none.code == 1);
    CHECK(none.err.contains(QStringLiteral("transferred")));
    CHECK(server.posted().size() == 3);
    CHECK(server.violations().isEmpty());
}

TEST_CASE("CLI Coupang: 429 then success for a sync and for a reply", "[cli][coupang]")
{
    FakeMarketplace server(coupangConfig());
    CliStore s;
    REQUIRE(addCoupang(s, server, {QStringLiteral("--horizon-days"), QStringLiteral("10")}).code == 0);
    server.control(QStringLiteral("inject"), {{"status", 429}, {"count", 1}});
    server.control(QStringLiteral("inject"), {{"status", 403}, {"count", 1}, {"html", true}});
    const QJsonObject synced = s.sync(QStringLiteral("shop"));
    const QJsonArray first = requests(server);
    REQUIRE(first.size() > 3);
    CHECK(first[0][QStringLiteral("status")].toInt() == 429);
    CHECK(first[1][QStringLiteral("status")].toInt() == 403);
    // The refused call is asked again, the same window and page.
    CHECK(first[2][QStringLiteral("status")].toInt() == 200);
    CHECK(first[2][QStringLiteral("query")] == first[0][QStringLiteral("query")]);
    // Slowed down, not hammered: a pause of the back-off (2 s, then doubled) before each new try.
    const double at0 = first[0][QStringLiteral("at")].toDouble();
    const double at1 = first[1][QStringLiteral("at")].toDouble();
    const double at2 = first[2][QStringLiteral("at")].toDouble();
    CHECK(at1 - at0 >= 1.9);
    CHECK(at2 - at1 >= 3.9);
    CHECK(s.messageTickets().size() == synced.value(QStringLiteral("imported")).toInt());
    CHECK(s.messageTickets().contains(QStringLiteral("coupang:online:1054")));
    CHECK_FALSE(
        s.messageTickets().contains(QStringLiteral("coupang:online:2001"))); // 12 days: past the horizon

    server.control(QStringLiteral("inject"), {{"status", 429}, {"count", 1}});
    const Run sent = s.reply(s.messageTickets().value(QStringLiteral("coupang:online:1020")),
                             QStringLiteral("답변드립니다."));
    INFO(sent.err.toStdString());
    REQUIRE(sent.code == 0);
    CHECK(server.posted().size() == 1);
    const QJsonArray all = requests(server);
    CHECK(all[all.size() - 2][QStringLiteral("status")].toInt() == 429);
    CHECK(all[all.size() - 1][QStringLiteral("status")].toInt() == 200);
    CHECK(server.violations().isEmpty());
}

TEST_CASE("CLI Coupang: a sync killed mid-way resumes, nothing lost, nothing doubled", "[cli][coupang]")
{
    FakeMarketplace server(coupangConfig());
    CliStore reference;
    REQUIRE(addCoupang(reference, server).code == 0);
    reference.sync(QStringLiteral("shop"));
    const QHash<QString, int> expected = reference.messageTickets();

    CliStore s;
    REQUIRE(addCoupang(s, server).code == 0);
    server.control(QStringLiteral("delay"), {{"ms", 250}});
    const qsizetype before = requests(server).size();
    QProcess p;
    p.start(QStringLiteral(CASEBOOK_CLI), {QStringLiteral("--db"), s.db, QStringLiteral("sync"),
                                           QStringLiteral("shop"), QStringLiteral("--json")});
    REQUIRE(p.waitForStarted());
    for (int i = 0; i < 400 && requests(server).size() < before + 4; ++i)
        QThread::msleep(50);
    p.kill();
    REQUIRE(p.waitForFinished(10000));
    REQUIRE(p.exitStatus() == QProcess::CrashExit);
    server.control(QStringLiteral("delay"), {{"ms", 0}});
    const int partial = s.messageTickets().size();
    CHECK(partial > 0);
    CHECK(partial < expected.size());

    s.sync(QStringLiteral("shop"));
    const QHash<QString, int> resumed = s.messageTickets();
    CHECK(QSet<QString>(resumed.keyBegin(), resumed.keyEnd()) ==
          QSet<QString>(expected.keyBegin(), expected.keyEnd()));
    const Run tickets = s.run({QStringLiteral("tickets"), QStringLiteral("--json")});
    int messages = 0;
    for (const QJsonValue& t : QJsonDocument::fromJson(tickets.out.toUtf8()).array())
        messages += t[QStringLiteral("messages")].toArray().size();
    CHECK(messages == expected.size()); // no message twice
    CHECK(server.violations().isEmpty());
}

TEST_CASE("CLI Coupang: sync killed at every point from start to end - the database stays whole, no message "
          "twice, and the next sync completes it",
          "[cli][coupang][kill]")
{
    FakeMarketplace server(coupangConfig());
    CliStore reference;
    REQUIRE(addCoupang(reference, server).code == 0);
    reference.sync(QStringLiteral("shop"));
    const QHash<QString, int> expected = reference.messageTickets();
    REQUIRE(expected.size() > 50);

    CliStore s;
    REQUIRE(addCoupang(s, server).code == 0);
    server.control(QStringLiteral("delay"), {{"ms", 20}}); // spreads the pages over the kill points
    // From before the database is open to after the last page: every check holds wherever a kill lands.
    for (int point : {0, 5, 15, 30, 60, 120, 250, 500, 1000, 2000}) {
        INFO("killed after " << point << " ms");
        killAfter({QStringLiteral("--db"), s.db, QStringLiteral("sync"), QStringLiteral("shop")}, point);
        if (!QFile::exists(s.db))
            continue; // killed before the database was made
        SQLite::Database db(s.db.toStdString(), SQLite::OPEN_READONLY);
        CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
        CHECK(db.execAndGet("SELECT count(*) - count(DISTINCT external_id) FROM messages").getInt() == 0);
        CHECK(db.execAndGet("SELECT count(*) FROM messages WHERE ticket_id IS NULL").getInt() == 0);
    }
    server.control(QStringLiteral("delay"), {{"ms", 0}});
    s.sync(QStringLiteral("shop"));
    const QHash<QString, int> resumed = s.messageTickets();
    CHECK(QSet<QString>(resumed.keyBegin(), resumed.keyEnd()) ==
          QSet<QString>(expected.keyBegin(), expected.keyEnd()));
    CHECK(server.violations().isEmpty());
}

TEST_CASE("CLI Naver: token, sync twice, Q&A and 1:1 answers, second answer and ERR-NC-101010 refused",
          "[cli][naver]")
{
    FakeMarketplace server(naverConfig());
    CliStore s;
    const Run added =
        s.run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("naver"),
               QStringLiteral("smart"), QStringLiteral("--client-id"), QStringLiteral("naver-client"),
               QStringLiteral("--base-url"), server.baseUrl(), QStringLiteral("--secret-command"),
               QStringLiteral("echo '%1'").arg(kNaverSecret)});
    REQUIRE(added.code == 0);
    const QJsonObject first = s.sync(QStringLiteral("smart"));
    CHECK(first.value(QStringLiteral("imported")).toInt() == 120 + 1 + 3 + 1);
    CHECK(s.sync(QStringLiteral("smart")).value(QStringLiteral("imported")).toInt() == 0);
    // One token per run: the lists and their pages share it.
    CHECK(server.state().value(QStringLiteral("token_requests")).toInt() == 2);

    const QHash<QString, int> tickets = s.messageTickets();
    CHECK(tickets.contains(QStringLiteral("naver:qna:400119")));
    CHECK(tickets.value(QStringLiteral("naver:inquiry:7000:answer:8800")) ==
          tickets.value(QStringLiteral("naver:inquiry:7000")));

    // Naver's gateway limits the rate (GW.RATE_LIMIT, 429): the answer waits and goes through.
    server.control(QStringLiteral("inject"), {{"status", 429}, {"count", 1}});
    const Run qna =
        s.reply(tickets.value(QStringLiteral("naver:qna:400005")), QStringLiteral("이틀 걸립니다."));
    INFO(qna.err.toStdString());
    REQUIRE(qna.code == 0);
    const QJsonArray calls = requests(server);
    CHECK(calls[calls.size() - 2][QStringLiteral("status")].toInt() == 429);
    CHECK(calls[calls.size() - 1][QStringLiteral("status")].toInt() == 204);
    const Run inquiry =
        s.reply(tickets.value(QStringLiteral("naver:inquiry:7001")), QStringLiteral("오늘 발송합니다."));
    INFO(inquiry.err.toStdString());
    REQUIRE(inquiry.code == 0);
    const QJsonArray posted = server.posted();
    REQUIRE(posted.size() == 2);
    CHECK(posted[0][QStringLiteral("method")].toString() == QStringLiteral("PUT"));
    CHECK(posted[0][QStringLiteral("path")].toString() == QStringLiteral("/v1/contents/qnas/400005"));
    CHECK(posted[0][QStringLiteral("body")].toObject() ==
          QJsonObject{{"commentContent", QStringLiteral("이틀 걸립니다.")}});
    CHECK(posted[1][QStringLiteral("method")].toString() == QStringLiteral("POST"));
    CHECK(posted[1][QStringLiteral("path")].toString() ==
          QStringLiteral("/v1/pay-merchant/inquiries/7001/answer"));
    CHECK(posted[1][QStringLiteral("body")].toObject() ==
          QJsonObject{{"answerComment", QStringLiteral("오늘 발송합니다.")}});

    // Answered already (by us, or before Casebook saw it): refused here, nothing sent.
    const Run twice = s.reply(tickets.value(QStringLiteral("naver:inquiry:7001")), QStringLiteral("다시"));
    CHECK(twice.code == 1);
    CHECK(twice.err.contains(QStringLiteral("customer inquiry 7001 is already answered")));
    const Run earlier = s.reply(tickets.value(QStringLiteral("naver:qna:400000")), QStringLiteral("다시"));
    CHECK(earlier.code == 1);
    CHECK(earlier.err.contains(QStringLiteral("product question 400000 is already answered")));
    CHECK(server.posted().size() == 2);

    // Answered in the SmartStore center after the sync: Naver's ERR-NC-101010, said plainly.
    server.control(QStringLiteral("answer-naver-inquiry"),
                   {{"inquiryNo", 7002}, {"text", QStringLiteral("센터")}});
    const Run late =
        s.reply(tickets.value(QStringLiteral("naver:inquiry:7002")), QStringLiteral("내일 도착합니다."));
    CHECK(late.code == 1);
    CHECK(late.err.contains(QStringLiteral("ERR-NC-101010")));
    CHECK(late.err.contains(QStringLiteral("already answered")));

    // The answer given before Casebook gets a new text: PUT …/answer/{answerContentId}.
    const Run edited = s.run(
        {QStringLiteral("edit-answer"), QString::number(tickets.value(QStringLiteral("naver:inquiry:7000"))),
         QStringLiteral("--text-file"),
         s.textFile(QStringLiteral("edit.txt"), QStringLiteral("모레 도착합니다.")), QStringLiteral("--send"),
         QStringLiteral("--override-tone"), QStringLiteral("protocol test")});
    INFO(edited.err.toStdString());
    REQUIRE(edited.code == 0);
    const QJsonArray all = server.posted();
    REQUIRE(all.size() == 3);
    CHECK(all[2][QStringLiteral("method")].toString() == QStringLiteral("PUT"));
    CHECK(all[2][QStringLiteral("path")].toString() ==
          QStringLiteral("/v1/pay-merchant/inquiries/7000/answer/8800"));
    CHECK(all[2][QStringLiteral("body")].toObject() ==
          QJsonObject{{"answerComment", QStringLiteral("모레 도착합니다.")}});
    // A product question's answer has no edit in Naver's API: refused here.
    const Run qnaEdit = s.run(
        {QStringLiteral("edit-answer"), QString::number(tickets.value(QStringLiteral("naver:qna:400000"))),
         QStringLiteral("--text-file"), s.textFile(QStringLiteral("e2.txt"), QStringLiteral("x"))});
    CHECK(qnaEdit.code == 1);
    CHECK(server.posted().size() == 3);
    CHECK(server.violations().isEmpty());
}

TEST_CASE("CLI Coupang: casebook-cli runs back to back and at once keep the gateway's pace",
          "[cli][coupang][pacing]")
{
    FakeMarketplace server(coupangConfig());
    CliStore s;
    REQUIRE(addCoupang(s, server, {QStringLiteral("--horizon-days"), QStringLiteral("10")}).code == 0);

    // Five runs one after another, as a script makes them: each is a new process with no memory of the
    // last one's calls.
    s.sync(QStringLiteral("shop"));
    const QHash<QString, int> tickets = s.messageTickets();
    const int product = tickets.value(QStringLiteral("coupang:online:1020"));
    REQUIRE(product > 0);
    const Run sent = s.reply(product, QStringLiteral("답변드립니다."));
    INFO(sent.err.toStdString());
    REQUIRE(sent.code == 0);
    const Run confirmed = s.run({QStringLiteral("confirm-transfer"),
                                 QString::number(tickets.value(QStringLiteral("coupang:call:3950")))});
    INFO(confirmed.err.toStdString());
    CHECK(confirmed.code == 0);
    s.sync(QStringLiteral("shop"));
    s.sync(QStringLiteral("shop"));

    // Five runs at once, as the window and a script (or two) may be: the turns are shared in the database.
    std::vector<std::unique_ptr<QProcess>> runs;
    for (int i = 0; i < 5; ++i) {
        runs.push_back(std::make_unique<QProcess>());
        runs.back()->start(QStringLiteral(CASEBOOK_CLI),
                           {QStringLiteral("--db"), s.db, QStringLiteral("sync"), QStringLiteral("shop")});
    }
    for (auto& p : runs) {
        REQUIRE(p->waitForFinished(180000));
        INFO(p->readAllStandardError().toStdString());
        CHECK(p->exitCode() == 0);
    }

    // What the gateway saw: every call of every run, in the order it took them.
    QList<double> arrived;
    for (const QJsonValue& r : requests(server))
        if (r[QStringLiteral("path")].toString().startsWith(QStringLiteral("/v2/providers/openapi")))
            arrived << r[QStringLiteral("arrived")].toDouble();
    REQUIRE(arrived.size() > 15);
    double minGap = 1e9;
    double minFive = 1e9; // the shortest span of five consecutive gaps
    for (qsizetype i = 1; i < arrived.size(); ++i)
        minGap = std::min(minGap, arrived[i] - arrived[i - 1]);
    for (qsizetype i = 5; i < arrived.size(); ++i)
        minFive = std::min(minFive, arrived[i] - arrived[i - 5]);
    INFO("calls " << arrived.size() << ", shortest gap " << minGap << " s, shortest five gaps " << minFive
                  << " s");
    // 110 ms a turn: five turns take 550 ms; a call may reach the gateway up to ~100 ms after its turn on a
    // busy machine, which shortens one span but not the pace.
    CHECK(minFive >= 0.45);
    CHECK(server.violations().isEmpty());
}

TEST_CASE("CLI 11st: account add, sync twice, Q&A and urgent-notice answers, a second answer refused",
          "[cli][11st]")
{
    FakeMarketplace server(elevenstConfig(), QStringLiteral(CASEBOOK_FAKE_11ST));
    CliStore s;
    // No setting of its own: the API key is the secret.
    const Run added = s.run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("11st"),
                             QStringLiteral("eleven"), QStringLiteral("--base-url"), server.baseUrl(),
                             QStringLiteral("--horizon-days"), QStringLiteral("20"),
                             QStringLiteral("--secret-command"), QStringLiteral("echo %1").arg(kElevenstKey)});
    INFO(added.err.toStdString());
    REQUIRE(added.code == 0);
    const Run listed = s.run({QStringLiteral("account"), QStringLiteral("list")});
    CHECK(listed.out.contains(QStringLiteral("eleven\t11st")));

    CHECK(s.sync(QStringLiteral("eleven")).value(QStringLiteral("imported")).toInt() == 5 + 1 + 3 + 1);
    CHECK(s.sync(QStringLiteral("eleven")).value(QStringLiteral("imported")).toInt() == 0);
    const QHash<QString, int> tickets = s.messageTickets();
    CHECK(tickets.value(QStringLiteral("11st:qna:4881270:answer:1")) ==
          tickets.value(QStringLiteral("11st:qna:4881270")));

    const Run qna = s.reply(tickets.value(QStringLiteral("11st:qna:4881271")), QStringLiteral("네, 달아요."));
    INFO(qna.err.toStdString());
    REQUIRE(qna.code == 0);
    const Run notice =
        s.reply(tickets.value(QStringLiteral("11st:notice:3001")), QStringLiteral("오늘 출고됩니다."));
    INFO(notice.err.toStdString());
    REQUIRE(notice.code == 0);
    const QJsonArray posted = server.posted();
    REQUIRE(posted.size() == 2);
    CHECK(posted[0][QStringLiteral("path")].toString() ==
          QStringLiteral("/rest/prodqnaservices/prodqnaanswer/4881271/48073872"));
    CHECK(posted[1][QStringLiteral("path")].toString() == QStringLiteral("/rest/alimi/alimianswer"));

    // A second answer: refused here, nothing sent.
    const Run twice = s.reply(tickets.value(QStringLiteral("11st:qna:4881271")), QStringLiteral("다시"));
    CHECK(twice.code == 1);
    CHECK(twice.err.contains(QStringLiteral("product question 4881271 is already answered")));
    CHECK(server.posted().size() == 2);
    CHECK(server.violations().isEmpty());
}

TEST_CASE("CLI ESM: account add with its fields, sync twice, board and urgent-notice answers, refusals", "[cli][esm]")
{
    FakeMarketplace server(esmConfig(), QStringLiteral(CASEBOOK_FAKE_ESM));
    CliStore s;
    // The row's fields are the options; the secret key comes from the command.
    const Run added = s.run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("esm"),
                             QStringLiteral("esmshop"), QStringLiteral("--base-url"), server.baseUrl(),
                             QStringLiteral("--horizon-days"), QStringLiteral("20"),
                             QStringLiteral("--master-id"), kEsmMaster, QStringLiteral("--gmarket-id"), kEsmGmarketId,
                             QStringLiteral("--auction-id"), kEsmAuctionId,
                             QStringLiteral("--secret-command"), QStringLiteral("echo %1").arg(kEsmSecret)});
    INFO(added.err.toStdString());
    REQUIRE(added.code == 0);
    const Run listed = s.run({QStringLiteral("account"), QStringLiteral("list")});
    CHECK(listed.out.contains(QStringLiteral("esmshop\tesm")));
    // The master id is required: without it the account is refused.
    const Run noMaster = s.run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("esm"),
                                QStringLiteral("other"), QStringLiteral("--gmarket-id"), kEsmGmarketId,
                                QStringLiteral("--secret-command"), QStringLiteral("echo x")});
    CHECK(noMaster.code != 0);
    CHECK(noMaster.err.contains(QStringLiteral("master")));

    CHECK(s.sync(QStringLiteral("esmshop")).value(QStringLiteral("imported")).toInt() == 5 + 1 + 2);
    CHECK(s.sync(QStringLiteral("esmshop")).value(QStringLiteral("imported")).toInt() == 0);
    const QHash<QString, int> tickets = s.messageTickets();
    CHECK(tickets.value(QStringLiteral("esm:qna:G-7002:answer:1")) == tickets.value(QStringLiteral("esm:qna:G-7002")));

    const Run qna = s.reply(tickets.value(QStringLiteral("esm:qna:G-7001")), QStringLiteral("내일 도착합니다."));
    INFO(qna.err.toStdString());
    REQUIRE(qna.code == 0);
    const Run notice = s.reply(tickets.value(QStringLiteral("esm:notice:G-9001")), QStringLiteral("오늘 출고됩니다."));
    INFO(notice.err.toStdString());
    REQUIRE(notice.code == 0);
    const QJsonArray posted = server.posted();
    REQUIRE(posted.size() == 2);
    CHECK(posted[0][QStringLiteral("path")].toString() ==
          QStringLiteral("/item/v1/communications/customer/bulletin-board/qna"));
    CHECK(posted[1][QStringLiteral("path")].toString() == QStringLiteral("/assist/v1/Selling/AddEmergencyInformReply"));

    // A second answer and an answer over 1,000 bytes: refused here, nothing sent.
    const Run twice = s.reply(tickets.value(QStringLiteral("esm:qna:G-7001")), QStringLiteral("다시"));
    CHECK(twice.code != 0);
    CHECK(twice.err.contains(QStringLiteral("already answered")));
    const Run tooLong = s.reply(tickets.value(QStringLiteral("esm:qna:A-8001")), QString(334, QChar(0xAC00)));
    CHECK(tooLong.code != 0);
    CHECK(tooLong.err.contains(QStringLiteral("1000")));
}

TEST_CASE("CLI eBay: account add, sync, a message and an inquiry answer, a closed case refused", "[cli][ebay]")
{
    FakeMarketplace server(ebayConfig(), QStringLiteral(CASEBOOK_FAKE_EBAY));
    CliStore s;
    const Run added = s.run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("ebay"),
                             QStringLiteral("bay"), QStringLiteral("--username"), kEbaySeller,
                             QStringLiteral("--client-id"), kEbayClientId, QStringLiteral("--base-url"),
                             server.baseUrl(), QStringLiteral("--horizon-days"), QStringLiteral("10"),
                             QStringLiteral("--secret-command"), QStringLiteral("echo '%1'").arg(kEbaySecret)});
    INFO(added.err.toStdString());
    REQUIRE(added.code == 0);
    CHECK(s.sync(QStringLiteral("bay")).value(QStringLiteral("imported")).toInt() == 61 + 3 + 1);
    CHECK(s.sync(QStringLiteral("bay")).value(QStringLiteral("imported")).toInt() == 0);
    const QHash<QString, int> tickets = s.messageTickets();
    const Run message = s.reply(tickets.value(QStringLiteral("ebay:msg:c2:m2")), QStringLiteral("Yes."));
    INFO(message.err.toStdString());
    REQUIRE(message.code == 0);
    const Run inquiry =
        s.reply(tickets.value(QStringLiteral("ebay:inquiry:5001")), QStringLiteral("It arrives tomorrow."));
    INFO(inquiry.err.toStdString());
    REQUIRE(inquiry.code == 0);
    const Run closed = s.reply(tickets.value(QStringLiteral("ebay:inquiry:5002")), QStringLiteral("Hello"));
    CHECK(closed.code == 1);
    CHECK(closed.err.contains(QStringLiteral("closed")));
    CHECK(server.posted().size() == 2);
    CHECK(server.violations().isEmpty());
}
