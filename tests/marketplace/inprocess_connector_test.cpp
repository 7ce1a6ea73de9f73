// The Coupang and Naver connectors against FakeHttpTransport, in this process: the exact requests they make
// (path, signature or token, paging) and how a refusal becomes an ErrorCode. The same connectors meet the
// Python fake server over a socket in coupang_connector_test.cpp and naver_connector_test.cpp.
#include "accounts/account_store.h"
#include "connectors/coupang_connector.h"
#include "connectors/naver_connector.h"
#include "fake_http_transport.h"
#include "fake_marketplace.h"
#include "naver_fixture.h"
#include "support/test_support.h"

#include <QAtomicInt>
#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <memory>

using namespace casebook;
using namespace casebook::test;

namespace {

const QString kCoupangApi = QStringLiteral("/v2/providers/openapi/apis/api");
const QString kOnlinePath = kCoupangApi + QStringLiteral("/v5/vendors/A00012345/onlineInquiries");
const QString kCallPath = kCoupangApi + QStringLiteral("/v5/vendors/A00012345/callCenterInquiries");

// Fast pacing: the waits are not what these tests look at.
const HttpPacing kQuick{0, 1, 2, 10};

Account addAccount(TempStore& store, const QString& name, AccountKind kind, QJsonObject settings)
{
    store.clock.set(QDateTime::currentDateTimeUtc());
    Account a;
    a.name = name;
    a.kind = kind;
    a.settings = std::move(settings);
    auto id = AccountStore(*store.db).add(a);
    REQUIRE(id);
    a.id = id.value();
    return a;
}

// The day the fake's inquiries were asked, and whether a request's window holds it.
QDate askedOn()
{
    return koreaDate(QDateTime::currentDateTimeUtc()).addDays(-3);
}

bool windowHolds(const HttpRequest& r, const QString& fromKey, const QString& toKey)
{
    const QDate from = QDate::fromString(queryItem(r, fromKey).left(10), Qt::ISODate);
    const QDate to = QDate::fromString(queryItem(r, toKey).left(10), Qt::ISODate);
    return from <= askedOn() && askedOn() <= to;
}

// 60 product inquiries three days ago: two pages of Coupang's 50.
HttpReply coupangLists(const HttpRequest& r)
{
    QJsonArray content;
    int pages = 1;
    if (r.url.path() == kOnlinePath &&
        windowHolds(r, QStringLiteral("inquiryStartAt"), QStringLiteral("inquiryEndAt"))) {
        const int page = queryItem(r, QStringLiteral("pageNum")).toInt();
        const int size = queryItem(r, QStringLiteral("pageSize")).toInt();
        pages = (60 + size - 1) / size;
        for (int i = (page - 1) * size; i < std::min(60, page * size); ++i)
            content.append(QJsonObject{{"inquiryId", 1000 + i},
                                       {"productId", 77},
                                       {"content", QStringLiteral("사이즈 문의 %1").arg(i)},
                                       {"inquiryAt", kstDaysAgo(3, 10, i % 60)},
                                       {"commentDtoList", QJsonArray()}});
    }
    return jsonReply(200, {{"code", 200},
                           {"message", "OK"},
                           {"data", QJsonObject{{"content", content},
                                                {"pagination", QJsonObject{{"totalPages", pages}}}}}});
}

// What Coupang's gateway checks: HMAC-SHA256 over signed-date, method, path and query, with the secret key.
bool signedRight(const HttpRequest& r, const QByteArray& secret)
{
    const QByteArray auth = r.header("Authorization");
    const QByteArray prefix = "CEA algorithm=HmacSHA256, access-key=ak-test, signed-date=";
    if (!auth.startsWith(prefix))
        return false;
    const QByteArray rest = auth.mid(prefix.size());
    const QByteArray date = rest.left(rest.indexOf(','));
    const QByteArray signature = rest.mid(rest.indexOf("signature=") + 10);
    const QByteArray message =
        date + r.method + r.url.path(QUrl::FullyEncoded).toUtf8() + r.url.query(QUrl::FullyEncoded).toUtf8();
    return QMessageAuthenticationCode::hash(message, secret, QCryptographicHash::Sha256).toHex() == signature;
}

struct CoupangInProcess {
    TempStore store;
    Account account = addAccount(store, QStringLiteral("shop"), AccountKind::Coupang,
                                 {{"vendor_id", "A00012345"},
                                  {"access_key", "ak-test"},
                                  {"wing_user", "wing-kim"},
                                  {"horizon_days", 10},
                                  {"base_url", "http://coupang.invalid"}});
    std::shared_ptr<FakeHttpTransport> http;
    explicit CoupangInProcess(FakeHttpTransport::Handler handler)
        : http(std::make_shared<FakeHttpTransport>(std::move(handler)))
    {
    }
    CoupangConnector connector()
    {
        return CoupangConnector(account, *store.db, QStringLiteral("sk-test"), kQuick, http);
    }
};

} // namespace

TEST_CASE("in-process Coupang: signed calls to the vendor's lists, every page of a window",
          "[coupang][inprocess]")
{
    CoupangInProcess shop(coupangLists);
    auto connector = shop.connector();
    auto report = connector.sync({});
    REQUIRE_OK(report);
    CHECK(report->imported == 60);

    const QList<HttpRequest> requests = shop.http->requests();
    REQUIRE_FALSE(requests.isEmpty());
    QList<int> pagesOfTheDay;
    bool sawCallCenter = false;
    for (const HttpRequest& r : requests) {
        INFO(r.url.toString().toStdString());
        CHECK(r.method == "GET");
        CHECK(r.url.host() == QStringLiteral("coupang.invalid"));
        CHECK((r.url.path() == kOnlinePath || r.url.path() == kCallPath));
        CHECK(queryItem(r, QStringLiteral("vendorId")) == QStringLiteral("A00012345"));
        CHECK(signedRight(r, "sk-test"));
        CHECK(r.header("X-Requested-By") == "A00012345");
        sawCallCenter = sawCallCenter || r.url.path() == kCallPath;
        if (r.url.path() == kOnlinePath &&
            windowHolds(r, QStringLiteral("inquiryStartAt"), QStringLiteral("inquiryEndAt")))
            pagesOfTheDay << queryItem(r, QStringLiteral("pageNum")).toInt();
    }
    CHECK(sawCallCenter);
    // Page 2 is asked for because page 1 said there are two, and no page beyond.
    CHECK(pagesOfTheDay == QList<int>{1, 2});

    // The same sync again fetches the last window again and stores nothing twice.
    auto again = connector.sync({});
    REQUIRE_OK(again);
    CHECK(again->imported == 0);
}

TEST_CASE("in-process Coupang: a refusal becomes an ErrorCode the caller can act on", "[coupang][inprocess]")
{
    struct Case {
        int status;
        ErrorCode code;
    };
    // 429 and Coupang's 403 are the gateway's slow-down; another 4xx will not change by trying again; a
    // 5xx or no answer is the network's or the server's trouble.
    for (const Case c : {Case{429, ErrorCode::RateLimited}, Case{403, ErrorCode::RateLimited},
                         Case{400, ErrorCode::Refused}, Case{503, ErrorCode::Io}, Case{0, ErrorCode::Io}}) {
        INFO("HTTP " << c.status);
        CoupangInProcess shop([&](const HttpRequest&) {
            if (c.status == 0) {
                HttpReply none;
                none.error = QStringLiteral("Connection refused");
                return none;
            }
            return jsonReply(c.status, {{"code", QString::number(c.status)}, {"message", "no"}});
        });
        auto connector = shop.connector();
        auto report = connector.sync({});
        REQUIRE_FALSE(report);
        CHECK(report.error().code == c.code);
        // A slow-down is tried again (kQuick: two tries); any other answer is final.
        const bool slowDown = c.status == 429 || c.status == 403;
        CHECK(shop.http->requests().size() == (slowDown ? 2 : 1));
    }
}

namespace {

// Naver caches tokens per base URL and client id for the whole process: each test its own base URL.
QString naverBase()
{
    static QAtomicInt n;
    return QStringLiteral("http://naver-%1.invalid").arg(n.fetchAndAddRelaxed(1));
}

struct NaverInProcess {
    TempStore store;
    Account account;
    std::shared_ptr<FakeHttpTransport> http;
    explicit NaverInProcess(FakeHttpTransport::Handler handler)
        : account(
              addAccount(store, QStringLiteral("smart"), AccountKind::Naver,
                         {{"client_id", "naver-client"}, {"horizon_days", 10}, {"base_url", naverBase()}})),
          http(std::make_shared<FakeHttpTransport>(std::move(handler)))
    {
    }
    NaverConnector connector() { return NaverConnector(account, *store.db, kNaverSecret, kQuick, http); }
};

HttpReply naverToken(const HttpRequest& r, const QString& token)
{
    if (r.method != "POST" || r.header("Content-Type") != "application/x-www-form-urlencoded")
        return jsonReply(400, {{"code", "BadRequest"}});
    return jsonReply(200, {{"access_token", token}, {"expires_in", 10800}, {"token_type", "Bearer"}});
}

// 150 product questions three days ago: two pages of Naver's 100. No customer inquiry.
HttpReply naverLists(const HttpRequest& r)
{
    if (r.url.path() == QStringLiteral("/v1/oauth2/token"))
        return naverToken(r, QStringLiteral("tok-1"));
    if (r.header("Authorization") != "Bearer tok-1")
        return jsonReply(401, {{"code", "GW.AUTHN"}});
    if (r.url.path() == QStringLiteral("/v1/pay-user/inquiries"))
        return jsonReply(200, {{"content", QJsonArray()}, {"totalPages", 1}});
    QJsonArray contents;
    int pages = 1;
    if (windowHolds(r, QStringLiteral("fromDate"), QStringLiteral("toDate"))) {
        const int page = queryItem(r, QStringLiteral("page")).toInt();
        const int size = queryItem(r, QStringLiteral("size")).toInt();
        pages = (150 + size - 1) / size;
        for (int i = (page - 1) * size; i < std::min(150, page * size); ++i)
            contents.append(QJsonObject{{"questionId", 400000 + i},
                                        {"createDate", isoDaysAgo(3)},
                                        {"question", QStringLiteral("배송 얼마나 걸려요? %1").arg(i)},
                                        {"answered", false},
                                        {"productId", 5},
                                        {"maskedWriterId", "kim****"}});
    }
    return jsonReply(200, {{"contents", contents}, {"totalPages", pages}});
}

} // namespace

TEST_CASE("in-process Naver: one token, bearer calls to both lists, every page of a window",
          "[naver][inprocess]")
{
    NaverInProcess shop(naverLists);
    auto connector = shop.connector();
    auto report = connector.sync({});
    REQUIRE_OK(report);
    CHECK(report->imported == 150);

    const QList<HttpRequest> requests = shop.http->requests();
    REQUIRE(requests.size() > 2);
    int tokens = 0;
    QList<int> pagesOfTheDay;
    bool sawInquiries = false;
    for (const HttpRequest& r : requests) {
        INFO(r.url.toString().toStdString());
        if (r.url.path() == QStringLiteral("/v1/oauth2/token")) {
            ++tokens;
            CHECK(r.body.contains("client_id=naver-client"));
            CHECK(r.body.contains("grant_type=client_credentials"));
            continue;
        }
        CHECK(r.method == "GET");
        CHECK(r.header("Authorization") == "Bearer tok-1");
        CHECK((r.url.path() == QStringLiteral("/v1/contents/qnas") ||
               r.url.path() == QStringLiteral("/v1/pay-user/inquiries")));
        sawInquiries = sawInquiries || r.url.path() == QStringLiteral("/v1/pay-user/inquiries");
        if (r.url.path() == QStringLiteral("/v1/contents/qnas") &&
            windowHolds(r, QStringLiteral("fromDate"), QStringLiteral("toDate")))
            pagesOfTheDay << queryItem(r, QStringLiteral("page")).toInt();
    }
    CHECK(tokens == 1); // fetched once, then reused for every call
    CHECK(sawInquiries);
    CHECK(pagesOfTheDay == QList<int>{1, 2});
}

TEST_CASE("in-process Naver: a refused token is renewed once; refusals become ErrorCodes",
          "[naver][inprocess]")
{
    SECTION("a 401 on a list: one new token, then the call again")
    {
        QAtomicInt issued;
        NaverInProcess shop([&](const HttpRequest& r) {
            if (r.url.path() == QStringLiteral("/v1/oauth2/token"))
                return naverToken(r, QStringLiteral("tok-%1").arg(issued.fetchAndAddRelaxed(1) + 1));
            // The first token is revoked at the gateway before its time.
            if (r.header("Authorization") != "Bearer tok-2")
                return jsonReply(401, {{"code", "GW.AUTHN"}});
            return jsonReply(200, {{"contents", QJsonArray()}, {"content", QJsonArray()}, {"totalPages", 1}});
        });
        auto connector = shop.connector();
        REQUIRE_OK(connector.sync({}));
        CHECK(issued.loadRelaxed() == 2);
    }
    SECTION("always 401: Refused, after one renewal")
    {
        NaverInProcess shop([](const HttpRequest& r) {
            if (r.url.path() == QStringLiteral("/v1/oauth2/token"))
                return naverToken(r, QStringLiteral("tok"));
            return jsonReply(401, {{"code", "GW.AUTHN"}});
        });
        auto connector = shop.connector();
        auto report = connector.sync({});
        REQUIRE_FALSE(report);
        CHECK(report.error().code == ErrorCode::Refused);
        CHECK(shop.http->requests().size() == 4); // token, call, token again, call again
    }
    SECTION("429 on a list: RateLimited once the tries are spent")
    {
        NaverInProcess shop([](const HttpRequest& r) {
            if (r.url.path() == QStringLiteral("/v1/oauth2/token"))
                return naverToken(r, QStringLiteral("tok"));
            return jsonReply(429, {{"code", "GW.RATE_LIMIT"}});
        });
        auto connector = shop.connector();
        auto report = connector.sync({});
        REQUIRE_FALSE(report);
        CHECK(report.error().code == ErrorCode::RateLimited);
    }
    SECTION("the token refused: Refused, and no list is asked for")
    {
        NaverInProcess shop([](const HttpRequest&) { return jsonReply(400, {{"code", "BadRequest"}}); });
        auto connector = shop.connector();
        auto report = connector.sync({});
        REQUIRE_FALSE(report);
        CHECK(report.error().code == ErrorCode::Refused);
        CHECK(shop.http->requests().size() == 1);
    }
}
