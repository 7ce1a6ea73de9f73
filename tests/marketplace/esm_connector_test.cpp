// The ESM (G마켓/옥션) connector against fake_esm.py on loopback (a JWT signed HS256 per call, JSON lists in
// 7-day windows per site, urgent notices with their reply-by dates, answers through the outbox), and
// in-process for the JWT itself and how ESM's answers become ErrorCodes.
#include "accounts/account_store.h"
#include "connectors/esm_connector.h"
#include "esm_fixture.h"
#include "fake_http_transport.h"
#include "model/sha256.h"
#include "store/ticket_lookup.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <QTimeZone>

using namespace casebook;
using namespace casebook::test;

namespace {

QJsonObject jwtPart(const QByteArray& jwt, int part)
{
    return QJsonDocument::fromJson(
               QByteArray::fromBase64(jwt.split('.').value(part), QByteArray::Base64UrlEncoding))
        .object();
}

} // namespace

TEST_CASE("ESM sync: both sites' boards and urgent notices in 7-day windows, notices due by their date", "[esm]")
{
    EsmShop shop;
    auto c = shop.connector();
    auto report = c.sync({});
    REQUIRE_OK(report);
    CHECK(shop.server.violations().isEmpty());
    // 5 questions + 1 listed answer; 2 notices.
    CHECK(report->imported == 5 + 1 + 2);
    CHECK(shop.ticketOf(QStringLiteral("esm:qna:G-7002:answer:1")) == shop.ticketOf(QStringLiteral("esm:qna:G-7002")));
    CHECK(shop.ticketOf(QStringLiteral("esm:qna:G-7003")) > 0); // twelve days ago: an earlier window
    CHECK(shop.ticketOf(QStringLiteral("esm:qna:A-8001")) > 0);
    CHECK(shop.ticketOf(QStringLiteral("esm:qna:A-8002")) > 0); // 옥션's 쪽지 (qnaType 2)
    CHECK(shop.ticketOf(QStringLiteral("esm:notice:A-9501")) > 0);

    // Every list request: one site per token, a window of at most 7 days (endDate the midnight after it),
    // G마켓's board as qnaType 3, 옥션's as 1 and 2; windows back to the horizon (20 days: 3 windows).
    QMap<QString, int> perList;
    for (const QJsonValue& r : shop.requests()) {
        const QJsonObject body = r[QStringLiteral("body")].toObject();
        const QDate start = QDate::fromString(body.value(QStringLiteral("startDate")).toString(), Qt::ISODate);
        const QDate end = QDate::fromString(body.value(QStringLiteral("endDate")).toString(), Qt::ISODate);
        INFO(QJsonDocument(r.toObject()).toJson().toStdString());
        REQUIRE(start.isValid());
        CHECK(start.daysTo(end) >= 1);
        CHECK(start.daysTo(end) <= 7);
        const QJsonArray sites = r[QStringLiteral("sites")].toArray();
        REQUIRE(sites.size() == 1);
        const QString site = sites.first().toString();
        if (body.contains(QStringLiteral("qnaType")))
            CHECK((site == QLatin1String("G")) == (body.value(QStringLiteral("qnaType")).toInt() == 3));
        perList[r[QStringLiteral("path")].toString() + site + QString::number(body.value(QStringLiteral("qnaType")).toInt())] += 1;
    }
    CHECK(perList.size() == 5); // G board, A board, A 쪽지, G notices, A notices
    for (const int windows : perList)
        CHECK(windows == 3);

    // The urgent notice is due at the end of its reply-by day (yesterday, Korea time), before the channel's
    // 24-hour clock from its receipt (yesterday 12:30:30): the earlier wins.
    const QDate yesterday = koreaDate(QDateTime::currentDateTimeUtc()).addDays(-1);
    const QDateTime replyBy = QDateTime(yesterday, QTime(23, 59, 59), QTimeZone(9 * 3600)).toUTC();
    CHECK(shop.dueOf(shop.ticketOf(QStringLiteral("esm:notice:G-9001"))) == replyBy);
    // A question is on the channel's clock.
    const QDateTime asked = QDateTime::fromString(kstDaysAgo(2), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    CHECK(shop.dueOf(shop.ticketOf(QStringLiteral("esm:qna:G-7001"))) ==
          QDateTime(asked.date(), asked.time(), QTimeZone(9 * 3600)).toUTC().addSecs(24 * 3600));

    const auto t = ticket_queries::ticketsByIds(shop.store.db->reader(), {shop.ticketOf(QStringLiteral("esm:qna:A-8001"))});
    REQUIRE(t.size() == 1);
    CHECK(t.first().subject.contains(QStringLiteral("[옥션 고객문의]")));
    CHECK(t.first().orderNumbers.contains(QStringLiteral("400128001")));

    // The cursors moved with the messages; a second sync adds nothing.
    CHECK_FALSE(ticket_lookup::sourceCursor(shop.store.db->reader(), QStringLiteral("esm:esmshop:qna")).isEmpty());
    CHECK_FALSE(ticket_lookup::sourceCursor(shop.store.db->reader(), QStringLiteral("esm:esmshop:notice")).isEmpty());
    auto again = c.sync({});
    REQUIRE_OK(again);
    CHECK(again->imported == 0);
    CHECK(shop.server.violations().isEmpty());
}

TEST_CASE("ESM answers: board and urgent notice through the outbox; a second answer refused", "[esm]")
{
    EsmShop shop;
    auto c = shop.connector();
    REQUIRE_OK(c.sync({}));

    const qint64 qna = shop.ticketOf(QStringLiteral("esm:qna:G-7001"));
    auto d1 = c.draftReply(qna, QStringLiteral("내일 도착합니다. \"감사\"합니다."));
    REQUIRE_OK(d1);
    CHECK(shop.sendDraft(c, d1.value()).kind == SendOutcome::Kind::Sent);
    // One answer per question: refused before sending, whether Casebook or the seller on ESM answered it.
    auto second = c.draftReply(qna, QStringLiteral("다시 답변"));
    REQUIRE_FALSE(second);
    CHECK(second.error().code == ErrorCode::Conflict);
    auto early = c.draftReply(shop.ticketOf(QStringLiteral("esm:qna:G-7002")), QStringLiteral("또 답변"));
    REQUIRE_FALSE(early);
    CHECK(early.error().code == ErrorCode::Conflict);

    // 옥션's 쪽지 answered with its token; G마켓's notice with its token.
    auto d2 = c.draftReply(shop.ticketOf(QStringLiteral("esm:qna:A-8002")), QStringLiteral("확인했습니다."));
    REQUIRE_OK(d2);
    CHECK(shop.sendDraft(c, d2.value()).kind == SendOutcome::Kind::Sent);
    const qint64 notice = shop.ticketOf(QStringLiteral("esm:notice:G-9001"));
    auto d3 = c.draftReply(notice, QStringLiteral("오늘 출고됩니다."));
    REQUIRE_OK(d3);
    CHECK(shop.sendDraft(c, d3.value()).kind == SendOutcome::Kind::Sent);
    CHECK_FALSE(c.draftReply(notice, QStringLiteral("한 번 더")));

    const QJsonArray posted = shop.server.posted();
    REQUIRE(posted.size() == 3);
    const QJsonObject first = posted[0][QStringLiteral("body")].toObject();
    CHECK(posted[0][QStringLiteral("path")].toString() ==
          QStringLiteral("/item/v1/communications/customer/bulletin-board/qna"));
    CHECK(first.value(QStringLiteral("messageNo")).toString() == QStringLiteral("7001"));
    CHECK(first.value(QStringLiteral("token")).toString() == QStringLiteral("tok-7001"));
    CHECK(first.value(QStringLiteral("answerStatus")).toInt() == 2);
    CHECK(first.value(QStringLiteral("comments")).toString() == QStringLiteral("내일 도착합니다. \"감사\"합니다."));
    CHECK(posted[2][QStringLiteral("path")].toString() == QStringLiteral("/assist/v1/Selling/AddEmergencyInformReply"));
    CHECK(posted[2][QStringLiteral("body")].toObject().value(QStringLiteral("emerMessageNo")).toString() ==
          QStringLiteral("9001"));
    CHECK(shop.server.violations().isEmpty());

    // The next sync lists the board's answer: recognised as the one sent, not doubled.
    const int before = ticket_queries::stats(shop.store.db->reader()).messages;
    REQUIRE_OK(c.sync({}));
    CHECK(ticket_queries::stats(shop.store.db->reader()).messages == before);

    // Answered on ESM's own pages after our sync: ESM refuses (100) and the outbox item fails with its words.
    const qint64 board = shop.ticketOf(QStringLiteral("esm:qna:A-8001"));
    shop.server.control(QStringLiteral("add"),
                        {{"list", "notices"},
                         {"item", QJsonObject{{"site", "G"}, {"emerMessageNo", "9002"}, {"token", "etok-9002"},
                                              {"informStatus", QStringLiteral("미처리")},
                                              {"receiveDate", esmTime(0, 9)},
                                              {"title", QStringLiteral("교환 문의")},
                                              {"details", QStringLiteral("교환 가능한가요")}}}});
    REQUIRE_OK(c.sync({}));
    const qint64 late = shop.ticketOf(QStringLiteral("esm:notice:G-9002"));
    CHECK(late != board);
    shop.server.control(QStringLiteral("update"),
                        {{"list", "notices"}, {"id", "9002"}, {"fields", QJsonObject{{"informStatus", QStringLiteral("처리완료")}}}});
    auto d4 = c.draftReply(late, QStringLiteral("교환 가능합니다."));
    REQUIRE_OK(d4);
    const SendOutcome refused = shop.sendDraft(c, d4.value());
    CHECK(refused.kind == SendOutcome::Kind::Failed);
    CHECK(refused.serverWords.contains(QStringLiteral("100")));
    CHECK(shop.server.violations().isEmpty());
}

TEST_CASE("ESM refuses an answer over 1,000 bytes before sending", "[esm]")
{
    EsmShop shop;
    auto c = shop.connector();
    REQUIRE_OK(c.sync({}));
    const qint64 qna = shop.ticketOf(QStringLiteral("esm:qna:G-7003"));
    // 334 Hangul syllables are 334 characters but 1,002 bytes: over ESM's limit, though under the others'.
    auto tooLong = c.draftReply(qna, QString(334, QChar(0xAC00)));
    REQUIRE_FALSE(tooLong);
    CHECK(tooLong.error().code == ErrorCode::InvalidInput);
    CHECK(tooLong.error().message.contains(QStringLiteral("1002")));
    CHECK(shop.server.posted().isEmpty());
    // 333 of them (999 bytes) pass, and ESM takes them.
    auto fits = c.draftReply(qna, QString(333, QChar(0xAC00)));
    REQUIRE_OK(fits);
    CHECK(shop.sendDraft(c, fits.value()).kind == SendOutcome::Kind::Sent);
    CHECK(shop.server.violations().isEmpty());
}

TEST_CASE("ESM fake refuses a bad JWT and a window over 7 days", "[esm]")
{
    EsmShop shop;
    // Signed with another key: the gateway refuses, the sync stops, refused.
    auto wrong = shop.connector(QStringLiteral("not-the-secret"));
    auto report = wrong.sync({});
    REQUIRE_FALSE(report);
    CHECK(report.error().code == ErrorCode::Refused);
    CHECK(report.error().message.contains(QStringLiteral("401")));
    INFO(shop.server.violations().join(QLatin1Char('\n')).toStdString());
    REQUIRE(shop.server.violations().size() == 1);
    CHECK(shop.server.violations().first().contains(QStringLiteral("signature")));

    // A token for a seller id the master id does not have.
    shop.account.settings.insert(QStringLiteral("gmarket_id"), QStringLiteral("someone-else"));
    auto stranger = shop.connector();
    REQUIRE_FALSE(stranger.sync({}));
    CHECK(shop.server.violations().last().contains(QStringLiteral("ssi")));

    // What the connector never sends: 8 days.
    HttpRequest req;
    req.method = "POST";
    req.url = QUrl(shop.server.baseUrl() + QStringLiteral("/item/v1/communications/customer/bulletin-board"));
    req.headers << qMakePair(QByteArray("Authorization"),
                             "Bearer " + esmJwt({kEsmMaster, kEsmGmarketId, {}}, kEsmSecret, QDateTime::currentDateTimeUtc()));
    req.headers << qMakePair(QByteArray("Content-Type"), QByteArray("application/json"));
    req.body = R"({"qnaType":3,"status":1,"type":1,"startDate":"2026-11-01","endDate":"2026-11-09"})";
    const HttpReply wide = httpExchange(req);
    CHECK(wide.status == 200); // ESM refuses in the body
    CHECK(QJsonDocument::fromJson(wide.body).object().value(QStringLiteral("resultCode")).toInt() == 2000);
    CHECK(shop.server.violations().last().contains(QStringLiteral("longer than 7 days")));
}

TEST_CASE("ESM backs off on 429 and goes on; a lasting 429 is RateLimited and the answer waits", "[esm]")
{
    EsmShop shop;
    auto c = shop.connector();
    shop.server.control(QStringLiteral("inject"), {{"status", 429}, {"count", 2}});
    REQUIRE_OK(c.sync({}));
    const QJsonArray requests = shop.requests();
    REQUIRE(requests.size() >= 3);
    CHECK(requests[0][QStringLiteral("status")].toInt() == 429);
    CHECK(requests[1][QStringLiteral("status")].toInt() == 429);
    CHECK(requests[2][QStringLiteral("status")].toInt() == 200);
    // The same call after the pauses (150 ms, then 300 ms).
    CHECK(requests[2][QStringLiteral("at")].toDouble() - requests[0][QStringLiteral("at")].toDouble() >= 0.4);
    CHECK(shop.server.violations().isEmpty());

    auto d = c.draftReply(shop.ticketOf(QStringLiteral("esm:qna:G-7001")), QStringLiteral("내일 출고됩니다."));
    REQUIRE_OK(d);
    shop.server.control(QStringLiteral("inject"), {{"status", 429}, {"count", 3}});
    CHECK(shop.sendDraft(c, d.value()).kind == SendOutcome::Kind::Retry);
    shop.server.control(QStringLiteral("inject"), {{"status", 429}, {"count", 3}});
    auto stopped = c.sync({});
    REQUIRE_FALSE(stopped);
    CHECK(stopped.error().code == ErrorCode::RateLimited);
}

TEST_CASE("in-process ESM: the JWT's header, claims and HS256 signature; result codes as ErrorCodes", "[esm][inprocess]")
{
    // RFC 4231, test case 2: the HMAC under the JWT is OpenSSL's, checked against the standard's vector.
    CHECK(hmacSha256("Jefe", "what do ya want for nothing?").toHex() ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");

    const QDateTime at = QDateTime::fromSecsSinceEpoch(1767225600, Qt::UTC);
    const QByteArray jwt = esmJwt({QStringLiteral("master"), QStringLiteral("g1"), QStringLiteral("a1")},
                                  QStringLiteral("key"), at);
    const QList<QByteArray> parts = jwt.split('.');
    REQUIRE(parts.size() == 3);
    CHECK_FALSE(jwt.contains('='));
    CHECK(jwtPart(jwt, 0) == QJsonObject{{"alg", "HS256"}, {"typ", "JWT"}, {"kid", "master"}});
    CHECK(jwtPart(jwt, 1) == QJsonObject{{"iss", "www.esmplus.com"}, {"sub", "sell"}, {"aud", "sa.esmplus.com"},
                                         {"iat", 1767225600}, {"ssi", "A:a1,G:g1"}});
    CHECK(QByteArray::fromBase64(parts[2], QByteArray::Base64UrlEncoding) ==
          hmacSha256("key", parts[0] + '.' + parts[1]));

    TempStore store;
    store.clock.set(QDateTime::currentDateTimeUtc());
    Account a;
    a.name = QStringLiteral("esmshop");
    a.kind = AccountKind::Esm;
    a.settings = {{"base_url", "https://sa2.esm.test"}, {"horizon_days", 3}, {"master_id", "master"},
                  {"gmarket_id", "g1"}};
    auto id = AccountStore(*store.db).add(a);
    REQUIRE(id);
    a.id = id.value();
    int status = 500;
    QByteArray body = R"({"resultCode":0,"data":[]})";
    auto transport = std::make_shared<FakeHttpTransport>([&](const HttpRequest&) {
        HttpReply r;
        r.status = status;
        r.body = body;
        return r;
    });
    EsmConnector c(a, *store.db, QStringLiteral("key"), HttpPacing{0, 1, 2, 10}, transport);
    auto serverFault = c.sync({});
    REQUIRE_FALSE(serverFault);
    CHECK(serverFault.error().code == ErrorCode::Io);
    status = 200;
    body = R"({"resultCode":2000,"message":"조회기간 오류"})";
    auto business = c.sync({});
    REQUIRE_FALSE(business);
    CHECK(business.error().code == ErrorCode::Refused);
    CHECK(business.error().message.contains(QStringLiteral("조회기간 오류")));
    const auto requests = transport->requests();
    REQUIRE_FALSE(requests.isEmpty());
    const HttpRequest& first = requests.first();
    CHECK(first.method == "POST");
    CHECK(first.url.path() == QStringLiteral("/item/v1/communications/customer/bulletin-board"));
    const QByteArray bearer = first.header("Authorization");
    REQUIRE(bearer.startsWith("Bearer "));
    // The account has a G마켓 seller id only: the token speaks for G마켓 alone.
    CHECK(jwtPart(bearer.mid(7), 1).value(QStringLiteral("ssi")).toString() == QStringLiteral("G:g1"));
    // A window that failed moved no cursor: the next sync asks for it again.
    CHECK(ticket_lookup::sourceCursor(store.db->reader(), QStringLiteral("esm:esmshop:qna")).isEmpty());
}
