// The 11st connector against fake_11st.py on loopback (XML in EUC-KR, the openapikey header, 7-day Q&A
// windows, urgent notices with their reply-by dates, answers by PUT), and in-process for how 11st's result
// codes become ErrorCodes.
#include "accounts/account_store.h"
#include "connectors/elevenst_connector.h"
#include "elevenst_fixture.h"
#include "fake_http_transport.h"
#include "store/ticket_lookup.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <QTimeZone>

using namespace casebook;
using namespace casebook::test;

namespace {

struct ElevenstShop {
    TempStore store;
    FakeMarketplace server;
    Account account;

    explicit ElevenstShop(const QJsonObject& config = elevenstConfig())
        : server(config, QStringLiteral(CASEBOOK_FAKE_11ST))
    {
        store.clock.set(QDateTime::currentDateTimeUtc());
        account.name = QStringLiteral("eleven");
        account.kind = AccountKind::Elevenst;
        account.settings = {{"base_url", server.baseUrl()}, {"horizon_days", 20}};
        auto id = AccountStore(*store.db).add(account);
        REQUIRE(id);
        account.id = id.value();
    }
    ElevenstConnector connector(const QString& key = kElevenstKey)
    {
        return ElevenstConnector(account, *store.db, key, HttpPacing{20, 150, 3, 500});
    }
    qint64 ticketOf(const QString& externalId) { return ticketOfExternal(*store.db, externalId); }
    SendOutcome sendDraft(ElevenstConnector& c, const OutboxDraft& d) { return sendThroughOutbox(*store.db, c, d); }
    QJsonArray requests() { return server.state().value(QStringLiteral("requests")).toArray(); }
    QDateTime dueOf(qint64 ticket)
    {
        const auto t = ticket_queries::ticketsByIds(store.db->reader(), {ticket});
        REQUIRE(t.size() == 1);
        return t.first().dueAt;
    }
};

// The window a list request spans: its two YYYYMMDD path segments after the list's name.
std::pair<QDate, QDate> windowOf(const QString& path, const QString& list)
{
    const QStringList parts = path.section(list + QLatin1Char('/'), 1).split(QLatin1Char('/'));
    return {QDate::fromString(parts.value(0), QStringLiteral("yyyyMMdd")),
            QDate::fromString(parts.value(1), QStringLiteral("yyyyMMdd"))};
}

} // namespace

TEST_CASE("11st sync: Q&A in 7-day windows, urgent notices with their reply-by date", "[11st]")
{
    ElevenstShop shop;
    auto c = shop.connector();
    auto report = c.sync({});
    REQUIRE_OK(report);
    CHECK(shop.server.violations().isEmpty());
    // 5 questions + 1 listed answer; 3 notices + 1 listed answer.
    CHECK(report->imported == 5 + 1 + 3 + 1);
    CHECK(shop.ticketOf(QStringLiteral("11st:qna:4881270:answer:1")) ==
          shop.ticketOf(QStringLiteral("11st:qna:4881270")));
    CHECK(shop.ticketOf(QStringLiteral("11st:qna:4881274")) > 0); // twelve days ago: an earlier window
    CHECK(shop.ticketOf(QStringLiteral("11st:notice:3002:answer:1")) ==
          shop.ticketOf(QStringLiteral("11st:notice:3002")));
    // Every window of both lists at most 7 days, both lists walked back to the horizon.
    int qnaWindows = 0;
    for (const QJsonValue& r : shop.requests()) {
        const QString path = r[QStringLiteral("path")].toString();
        const QString list = path.contains(QStringLiteral("prodqnalist")) ? QStringLiteral("prodqnalist")
                                                                          : QStringLiteral("getalimilist");
        const auto [from, to] = windowOf(path, list);
        INFO(path.toStdString());
        REQUIRE(from.isValid());
        CHECK(from.daysTo(to) <= 6);
        if (list == QLatin1String("prodqnalist")) {
            CHECK(path.endsWith(QStringLiteral("/00"))); // every answer state
            ++qnaWindows;
        }
    }
    CHECK(qnaWindows == 3); // 20 days back: 7 + 7 + the last 7

    // The urgent notice is due at the end of its reply-by day (yesterday, Korea time), which comes before
    // the channel's 24-hour clock from its creation (yesterday 12:30:30): the earlier wins.
    const QDate yesterday = koreaDate(QDateTime::currentDateTimeUtc()).addDays(-1);
    const QDateTime replyBy = QDateTime(yesterday, QTime(23, 59, 59), QTimeZone(9 * 3600)).toUTC();
    const QDateTime clockDue =
        QDateTime(yesterday, QTime(12, 30, 30), QTimeZone(9 * 3600)).toUTC().addSecs(24 * 3600);
    REQUIRE(replyBy < clockDue);
    CHECK(shop.dueOf(shop.ticketOf(QStringLiteral("11st:notice:3001"))) == replyBy);
    // A question without a reply-by date is on the channel's clock.
    const qint64 plain = shop.ticketOf(QStringLiteral("11st:qna:4881272"));
    const QDateTime asked = QDateTime::fromString(kstDaysAgo(2), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    CHECK(shop.dueOf(plain) ==
          QDateTime(asked.date(), asked.time(), QTimeZone(9 * 3600)).toUTC().addSecs(24 * 3600));

    // Korean text read from EUC-KR, the order number kept.
    const auto t = ticket_queries::ticketsByIds(shop.store.db->reader(),
                                                {shop.ticketOf(QStringLiteral("11st:qna:4881271"))});
    REQUIRE(t.size() == 1);
    CHECK(t.first().subject.contains(QStringLiteral("질문이요 1")));
    CHECK(t.first().orderNumbers.contains(QStringLiteral("202611001")));

    auto again = c.sync({});
    REQUIRE_OK(again);
    CHECK(again->imported == 0);
    CHECK(shop.server.violations().isEmpty());
}

TEST_CASE("11st answers: Q&A and urgent notice by PUT through the outbox; a second answer refused", "[11st]")
{
    ElevenstShop shop;
    auto c = shop.connector();
    REQUIRE_OK(c.sync({}));

    const qint64 qna = shop.ticketOf(QStringLiteral("11st:qna:4881272"));
    auto d1 = c.draftReply(qna, QStringLiteral("네, 아주 <달고> 맛있습니다 & 신선해요."));
    REQUIRE_OK(d1);
    CHECK(shop.sendDraft(c, d1.value()).kind == SendOutcome::Kind::Sent);
    // 11st would replace the answer the customer has: Casebook refuses before sending.
    auto second = c.draftReply(qna, QStringLiteral("다시 답변"));
    REQUIRE_FALSE(second);
    CHECK(second.error().code == ErrorCode::Conflict);
    // Answered before Casebook saw it: refused as well.
    auto early = c.draftReply(shop.ticketOf(QStringLiteral("11st:qna:4881270")), QStringLiteral("또 답변"));
    REQUIRE_FALSE(early);
    CHECK(early.error().code == ErrorCode::Conflict);

    const qint64 notice = shop.ticketOf(QStringLiteral("11st:notice:3001"));
    auto d2 = c.draftReply(notice, QStringLiteral("오늘 출고됩니다."));
    REQUIRE_OK(d2);
    CHECK(shop.sendDraft(c, d2.value()).kind == SendOutcome::Kind::Sent);
    CHECK_FALSE(c.draftReply(notice, QStringLiteral("한 번 더")));
    // An announcement (공지) takes no answer.
    auto announcement = c.draftReply(shop.ticketOf(QStringLiteral("11st:notice:3003")), QStringLiteral("확인"));
    REQUIRE_FALSE(announcement);
    CHECK(announcement.error().code == ErrorCode::Refused);

    const QJsonArray posted = shop.server.posted();
    REQUIRE(posted.size() == 2);
    CHECK(posted[0][QStringLiteral("path")].toString() ==
          QStringLiteral("/rest/prodqnaservices/prodqnaanswer/4881272/48073872"));
    CHECK(posted[0][QStringLiteral("body")].toString().contains(
        QStringLiteral("<answerCont>네, 아주 &lt;달고&gt; 맛있습니다 &amp; 신선해요.</answerCont>")));
    CHECK(posted[1][QStringLiteral("path")].toString() == QStringLiteral("/rest/alimi/alimianswer"));
    CHECK(posted[1][QStringLiteral("body")].toString().contains(QStringLiteral("<emerNtceSeq>3001</emerNtceSeq>")));
    CHECK(shop.server.violations().isEmpty());

    // The next sync lists both answers: not doubled.
    const int before = ticket_queries::stats(shop.store.db->reader()).messages;
    REQUIRE_OK(c.sync({}));
    CHECK(ticket_queries::stats(shop.store.db->reader()).messages == before);

    // 11st asks again (재답변요청): one more answer is taken, then refused again.
    shop.server.control(QStringLiteral("update"),
                        {{"list", "notices"}, {"id", "3001"}, {"fields", QJsonObject{{"emerNtceCrntCd", "04"}}}});
    REQUIRE_OK(c.sync({}));
    CHECK(shop.ticketOf(QStringLiteral("11st:notice:3001:again:1")) == notice);
    auto d3 = c.draftReply(notice, QStringLiteral("송장번호는 1234입니다."));
    REQUIRE_OK(d3);
    CHECK(shop.sendDraft(c, d3.value()).kind == SendOutcome::Kind::Sent);
    CHECK_FALSE(c.draftReply(notice, QStringLiteral("또")));

    // Closed at 11st after our sync: 11st refuses (-10005) and the outbox item fails with its words.
    const qint64 other = shop.ticketOf(QStringLiteral("11st:notice:3001"));
    shop.server.control(QStringLiteral("add"),
                        {{"list", "notices"},
                         {"item", QJsonObject{{"emerNtceSeq", "3009"}, {"emerTypeCd", "01"},
                                              {"emerNtceSubject", QStringLiteral("교환 문의")},
                                              {"emerCtnt", QStringLiteral("교환 가능한가요")},
                                              {"createDt", elevenstDay(0)}, {"createTm", "09:00:00"},
                                              {"emerReplyDt", elevenstDay(-2)}, {"emerNtceCrntCd", "02"}}}});
    REQUIRE_OK(c.sync({}));
    const qint64 late = shop.ticketOf(QStringLiteral("11st:notice:3009"));
    CHECK(late != other);
    shop.server.control(QStringLiteral("update"),
                        {{"list", "notices"}, {"id", "3009"}, {"fields", QJsonObject{{"emerNtceCrntCd", "06"}}}});
    auto d4 = c.draftReply(late, QStringLiteral("교환 가능합니다."));
    REQUIRE_OK(d4);
    const SendOutcome refused = shop.sendDraft(c, d4.value());
    CHECK(refused.kind == SendOutcome::Kind::Failed);
    CHECK(refused.serverWords.contains(QStringLiteral("-10005")));
    CHECK(shop.server.violations().isEmpty());
}

TEST_CASE("11st fake refuses a window over 7 days and an unknown key", "[11st]")
{
    ElevenstShop shop;
    // What the connector never sends: 8 days.
    HttpRequest req;
    req.url = QUrl(shop.server.baseUrl() + QStringLiteral("/rest/prodqnaservices/prodqnalist/20261101/20261108/00"));
    req.headers << qMakePair(QByteArray("openapikey"), kElevenstKey.toUtf8());
    const HttpReply wide = httpExchange(req);
    CHECK(wide.status == 200); // 11st refuses in the body
    const XmlRecords xml = readXmlRecords(wide.body, wide.header("Content-Type"), QStringLiteral("productQna"));
    CHECK(xml.top.value(QStringLiteral("result_code")).toString() == QStringLiteral("500"));
    CHECK(xml.top.value(QStringLiteral("result_text")).toString().contains(QStringLiteral("7일")));
    REQUIRE(shop.server.violations().size() == 1);
    CHECK(shop.server.violations().first().contains(QStringLiteral("longer than 7 days")));

    // A key 11st does not know: the sync stops, refused, with 11st's words.
    auto c = shop.connector(QStringLiteral("wrong-key"));
    auto report = c.sync({});
    REQUIRE_FALSE(report);
    CHECK(report.error().code == ErrorCode::Refused);
    CHECK(report.error().message.contains(QStringLiteral("OpenAPI Key")));
}

TEST_CASE("11st backs off on 429 and goes on; a lasting 429 is RateLimited and the answer waits", "[11st]")
{
    ElevenstShop shop;
    auto c = shop.connector();
    shop.server.control(QStringLiteral("inject"), {{"status", 429}, {"count", 2}});
    REQUIRE_OK(c.sync({}));
    const QJsonArray requests = shop.requests();
    REQUIRE(requests.size() >= 3);
    CHECK(requests[0][QStringLiteral("status")].toInt() == 429);
    CHECK(requests[1][QStringLiteral("status")].toInt() == 429);
    CHECK(requests[2][QStringLiteral("status")].toInt() == 200);
    // The same window was asked again after the pause (150 ms, then 300 ms).
    CHECK(requests[2][QStringLiteral("path")] == requests[0][QStringLiteral("path")]);
    CHECK(requests[2][QStringLiteral("at")].toDouble() - requests[0][QStringLiteral("at")].toDouble() >= 0.4);
    CHECK(shop.server.violations().isEmpty());

    const qint64 qna = shop.ticketOf(QStringLiteral("11st:qna:4881273"));
    auto d = c.draftReply(qna, QStringLiteral("내일 출고됩니다."));
    REQUIRE_OK(d);
    shop.server.control(QStringLiteral("inject"), {{"status", 429}, {"count", 3}});
    CHECK(shop.sendDraft(c, d.value()).kind == SendOutcome::Kind::Retry);
    shop.server.control(QStringLiteral("inject"), {{"status", 429}, {"count", 3}});
    auto stopped = c.sync({});
    REQUIRE_FALSE(stopped);
    CHECK(stopped.error().code == ErrorCode::RateLimited);
}

TEST_CASE("in-process 11st: the openapikey header, result codes as ErrorCodes", "[11st][inprocess]")
{
    TempStore store;
    store.clock.set(QDateTime::currentDateTimeUtc());
    Account a;
    a.name = QStringLiteral("eleven");
    a.kind = AccountKind::Elevenst;
    a.settings = {{"base_url", "https://api.11st.test"}, {"horizon_days", 3}};
    auto id = AccountStore(*store.db).add(a);
    REQUIRE(id);
    a.id = id.value();
    QByteArray resultCode = "-1000"; // maintenance: try later
    auto transport = std::make_shared<FakeHttpTransport>([&](const HttpRequest&) {
        HttpReply r;
        r.status = 200;
        r.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ns2:productQnas><ns2:result_code>" + resultCode +
                 "</ns2:result_code><ns2:result_text>x</ns2:result_text></ns2:productQnas>";
        return r;
    });
    ElevenstConnector c(a, *store.db, kElevenstKey, HttpPacing{0, 1, 2, 10}, transport);
    auto maintenance = c.sync({});
    REQUIRE_FALSE(maintenance);
    CHECK(maintenance.error().code == ErrorCode::Io);
    resultCode = "500";
    auto business = c.sync({});
    REQUIRE_FALSE(business);
    CHECK(business.error().code == ErrorCode::Refused);
    const auto requests = transport->requests();
    REQUIRE_FALSE(requests.isEmpty());
    CHECK(requests.first().header("openapikey") == kElevenstKey.toUtf8());
    CHECK(requests.first().url.path().startsWith(QStringLiteral("/rest/prodqnaservices/prodqnalist/")));
    // A window that failed moved no cursor: the next sync asks for it again.
    CHECK(ticket_lookup::sourceCursor(store.db->reader(), QStringLiteral("11st:eleven:qna")).isEmpty());
}
