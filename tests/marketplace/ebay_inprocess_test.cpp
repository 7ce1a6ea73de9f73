// The eBay connector against FakeHttpTransport, in this process: the exact token request (Basic client
// credentials, the refresh-token grant), the calls' authentication and paging, and how a refusal becomes an
// ErrorCode. The same connector meets fake_ebay.py over a socket in ebay_connector_test.cpp.
#include "ebay_fixture.h"
#include "fake_http_transport.h"

#include <QAtomicInt>

using namespace casebook;
using namespace casebook::test;

namespace {

const QString kTokenPath = QStringLiteral("/identity/v1/oauth2/token");

// Tokens are cached per base URL for the whole process: each test its own.
QString ebayBase()
{
    static QAtomicInt n;
    return QStringLiteral("http://ebay-%1.invalid").arg(n.fetchAndAddRelaxed(1));
}

struct EbayInProcess {
    TempStore store;
    Account account;
    std::shared_ptr<FakeHttpTransport> http;
    explicit EbayInProcess(FakeHttpTransport::Handler handler)
        : http(std::make_shared<FakeHttpTransport>(std::move(handler)))
    {
        store.clock.set(QDateTime::currentDateTimeUtc());
        account.name = QStringLiteral("bay");
        account.kind = AccountKind::Ebay;
        account.settings = {{"username", kEbaySeller},
                            {"client_id", kEbayClientId},
                            {"base_url", ebayBase()},
                            {"horizon_days", 3}};
        auto id = AccountStore(*store.db).add(account);
        REQUIRE(id);
        account.id = id.value();
    }
    EbayConnector connector()
    {
        auto credentials = ebayCredentials(kEbayClientId, kEbaySecret);
        REQUIRE(credentials);
        return EbayConnector(account, *store.db, credentials.value(), HttpPacing{0, 1, 2, 10}, http);
    }
    QList<HttpRequest> calls() // the API's, the token requests left out
    {
        QList<HttpRequest> out;
        for (const HttpRequest& r : http->requests())
            if (r.url.path() != kTokenPath)
                out << r;
        return out;
    }
};

HttpReply minted(const QString& token)
{
    return jsonReply(200,
                     {{"access_token", token}, {"expires_in", 7200}, {"token_type", "User Access Token"}});
}

// Nothing in any list: what the calls look like is all these tests read.
HttpReply emptyLists(const HttpRequest&)
{
    return jsonReply(200, {{"conversations", QJsonArray()},
                           {"total", 0},
                           {"members", QJsonArray()},
                           {"paginationOutput", QJsonObject{{"totalPages", 1}}}});
}

} // namespace

TEST_CASE("in-process eBay: one token from the refresh token, Bearer and IAF calls, pages of 50",
          "[ebay][inprocess]")
{
    EbayInProcess shop([](const HttpRequest& r) {
        if (r.url.path() == kTokenPath)
            return minted(QStringLiteral("acc-1"));
        return emptyLists(r);
    });
    auto connector = shop.connector();
    REQUIRE_OK(connector.sync({}));

    const QList<HttpRequest> all = shop.http->requests();
    REQUIRE_FALSE(all.isEmpty());
    const HttpRequest& token = all.first();
    CHECK(token.url.path() == kTokenPath);
    CHECK(token.method == "POST");
    CHECK(token.header("Content-Type") == "application/x-www-form-urlencoded");
    CHECK(token.header("Authorization") ==
          "Basic " + (kEbayClientId + QLatin1Char(':') + kEbayClientSecret).toUtf8().toBase64());
    CHECK(token.body ==
          "grant_type=refresh_token&refresh_token=" + QUrl::toPercentEncoding(kEbayRefreshToken));
    CHECK(all.size() == shop.calls().size() + 1); // minted once, reused by every call

    QStringList paths;
    for (const HttpRequest& r : shop.calls()) {
        INFO(r.url.toString().toStdString());
        CHECK(r.method == "GET");
        CHECK(r.header("X-EBAY-C-MARKETPLACE-ID") == "EBAY_US");
        CHECK(queryItem(r, QStringLiteral("limit")) == QStringLiteral("50"));
        CHECK(queryItem(r, QStringLiteral("offset")) == QStringLiteral("0"));
        if (r.url.path().startsWith(QStringLiteral("/commerce/message/v1/"))) {
            CHECK(r.header("Authorization") == "Bearer acc-1");
            CHECK(queryItem(r, QStringLiteral("conversation_type")) == QStringLiteral("FROM_MEMBERS"));
            CHECK(queryItem(r, QStringLiteral("start_time")).endsWith(QStringLiteral("T15:00:00.000Z")));
        } else {
            CHECK(r.header("Authorization") == "IAF acc-1");
        }
        if (!paths.contains(r.url.path()))
            paths << r.url.path();
    }
    CHECK(paths == QStringList{QStringLiteral("/commerce/message/v1/conversation"),
                               QStringLiteral("/post-order/v2/inquiry/search"),
                               QStringLiteral("/post-order/v2/return/search")});
}

TEST_CASE("in-process eBay: a refused token is renewed once; refusals become ErrorCodes", "[ebay][inprocess]")
{
    SECTION("a 401: one new token, then the call again")
    {
        QAtomicInt issued;
        EbayInProcess shop([&](const HttpRequest& r) {
            if (r.url.path() == kTokenPath)
                return minted(QStringLiteral("acc-%1").arg(issued.fetchAndAddRelaxed(1) + 1));
            // The first token expired before the app thought.
            if (!r.header("Authorization").endsWith("acc-2"))
                return jsonReply(401, {{"errors", QJsonArray{QJsonObject{{"errorId", 1001}}}}});
            return emptyLists(r);
        });
        auto connector = shop.connector();
        REQUIRE_OK(connector.sync({}));
        CHECK(issued.loadRelaxed() == 2);
        CHECK(shop.calls().first().header("Authorization") == "Bearer acc-1");
        CHECK(shop.calls().at(1).header("Authorization") == "Bearer acc-2");
    }
    SECTION("always 401: Refused, after one renewal")
    {
        EbayInProcess shop([](const HttpRequest& r) {
            if (r.url.path() == kTokenPath)
                return minted(QStringLiteral("acc"));
            return jsonReply(401, {{"errors", QJsonArray{QJsonObject{{"errorId", 1001}}}}});
        });
        auto connector = shop.connector();
        auto report = connector.sync({});
        REQUIRE_FALSE(report);
        CHECK(report.error().code == ErrorCode::Refused);
        CHECK(shop.http->requests().size() == 4); // token, call, token again, call again
    }
    SECTION("429: RateLimited once the tries are spent; 5xx: Io")
    {
        const int status = GENERATE(429, 503);
        EbayInProcess shop([status](const HttpRequest& r) {
            if (r.url.path() == kTokenPath)
                return minted(QStringLiteral("acc"));
            return jsonReply(status, {{"errors", QJsonArray{QJsonObject{{"errorId", 2001}}}}});
        });
        auto connector = shop.connector();
        auto report = connector.sync({});
        REQUIRE_FALSE(report);
        CHECK(report.error().code == (status == 429 ? ErrorCode::RateLimited : ErrorCode::Io));
    }
    SECTION("the refresh token refused: Refused, and no list is asked for")
    {
        EbayInProcess shop([](const HttpRequest&) {
            return jsonReply(400,
                             {{"error", "invalid_grant"}, {"error_description", "refresh token revoked"}});
        });
        auto connector = shop.connector();
        auto report = connector.sync({});
        REQUIRE_FALSE(report);
        CHECK(report.error().code == ErrorCode::Refused);
        CHECK(report.error().message.contains(QStringLiteral("invalid_grant")));
        CHECK(shop.http->requests().size() == 1);
    }
    SECTION("a secret that is not two values: InvalidInput before any call")
    {
        TempStore store;
        Account a;
        a.name = QStringLiteral("bay");
        a.kind = AccountKind::Ebay;
        a.settings = {{"username", kEbaySeller}, {"client_id", kEbayClientId}};
        auto made = makeEbayConnector(a, *store.db, QStringLiteral("only-one-value"));
        REQUIRE_FALSE(made);
        CHECK(made.error().code == ErrorCode::InvalidInput);
    }
}
