// The order beside a ticket, fetched from the fake Coupang and Naver: what the market says, the windows and
// paths it checks, the cache, the placeholders, and a clear error code when the order is unknown or the
// market refuses.
#include "compose/ticket_placeholders.h"
#include "connectors/order_lookup.h"
#include "order_fixture.h"
#include "store/order_cache.h"

using namespace casebook;
using namespace casebook::test;

namespace {

int numberOf(Database& db, qint64 ticketId)
{
    return ticket_queries::ticketsByIds(db.reader(), {ticketId}).value(0).number;
}

// Every request of `path` that the fake answered, with its query.
QList<QJsonObject> requestsTo(FakeMarketplace& server, const QString& pathEnd)
{
    QList<QJsonObject> out;
    for (const QJsonValue& r : server.state().value(QStringLiteral("requests")).toArray())
        if (r[QStringLiteral("path")].toString().endsWith(pathEnd))
            out << r.toObject();
    return out;
}

} // namespace

TEST_CASE("a Coupang ticket's order: sheet, shipping and claims in 31-day windows, cached", "[orders][coupang]")
{
    CoupangShop shop(coupangOrderConfig());
    auto connector = shop.connector();
    REQUIRE_OK(connector.sync({}));
    const int number = numberOf(*shop.store.db, ticketOfExternal(*shop.store.db, QStringLiteral("coupang:online:2001")));
    CHECK_FALSE(OrderLookup::cachedForTicket(shop.store.db->reader(), number));

    OrderLookup lookup(*shop.store.db, [&](const Account& a) -> Result<std::unique_ptr<Connector>> {
        return std::unique_ptr<Connector>(new CoupangConnector(a, *shop.store.db, QStringLiteral("sk-test"), shop.pacing));
    });
    auto order = lookup.fetch(number);
    REQUIRE_OK(order);
    CHECK(order->channel == Channel::Coupang);
    CHECK(order->orderId == QStringLiteral("2000000007"));
    CHECK(order->status == QStringLiteral("FINAL_DELIVERY"));
    REQUIRE(order->items.size() == 1);
    CHECK(order->product() == QStringLiteral("[달빛] 린넨 셔츠"));
    CHECK(order->option() == QStringLiteral("화이트 L"));
    CHECK(order->quantity() == 2);
    CHECK(order->amount() == 38000);
    CHECK(order->carrier == QStringLiteral("CJ 대한통운"));
    CHECK(order->trackingNumber == QStringLiteral("337398446274"));
    // Korea time 22:00, 40 days ago, is 13:00 UTC.
    CHECK(order->orderedAt.time() == QTime(13, 0));
    CHECK(order->shippedAt.isValid());
    CHECK(order->deliveredAt > order->shippedAt);
    // The return of this order and its exchange, not the other order's return.
    REQUIRE(order->claims.size() == 2);
    CHECK(order->claims[0].kind == OrderClaim::Kind::Exchange); // 35 days ago: the first window
    CHECK(order->claims[0].state == QStringLiteral("SUCCESS"));
    CHECK(order->claims[1].kind == OrderClaim::Kind::Return);
    CHECK(order->claims[1].id == QStringLiteral("365937"));
    CHECK(order->claims[1].state == QStringLiteral("RETURNS_UNCHECKED"));
    CHECK(order->claims[1].reason.contains(QStringLiteral("생각보다 커요")));
    // Two windows of each list (the order is 40 days old), each at most 31 days: the fake checks both.
    CHECK(requestsTo(shop.server, QStringLiteral("/returnRequests")).size() == 2);
    CHECK(requestsTo(shop.server, QStringLiteral("/exchangeRequests")).size() == 2);
    CHECK(requestsTo(shop.server, QStringLiteral("/2000000007/ordersheets")).size() == 1);
    CHECK(shop.server.violations().isEmpty());

    // Kept: the panel, `order --cached` and the placeholders read it without asking Coupang.
    const auto cached = OrderLookup::cachedForTicket(shop.store.db->reader(), number);
    REQUIRE(cached);
    CHECK(toJson(*cached) == toJson(*order));
    const auto values = TicketPlaceholders::forTicket(shop.store.db->reader(), number, QStringLiteral("ko"));
    REQUIRE(values);
    CHECK(values->value(QStringLiteral("product")) == QStringLiteral("[달빛] 린넨 셔츠"));
    CHECK(values->value(QStringLiteral("carrier")) == QStringLiteral("CJ 대한통운"));
    CHECK(values->value(QStringLiteral("tracking_number")) == QStringLiteral("337398446274"));
    CHECK(values->contains(QStringLiteral("delivery_date")));
}

TEST_CASE("an order Coupang does not know is NotFound; a refusal is Refused; mail has no orders",
          "[orders][coupang]")
{
    CoupangShop shop(coupangOrderConfig());
    auto connector = shop.connector();
    REQUIRE_OK(connector.sync({}));
    OrderLookup lookup(*shop.store.db, [&](const Account& a) -> Result<std::unique_ptr<Connector>> {
        return std::unique_ptr<Connector>(new CoupangConnector(a, *shop.store.db, QStringLiteral("sk-test"), shop.pacing));
    });
    // Call-center inquiry 3000 names order 3100000000, which the shop's orders do not hold.
    const int unknown =
        numberOf(*shop.store.db, ticketOfExternal(*shop.store.db, QStringLiteral("coupang:call:3000")));
    auto missing = lookup.fetch(unknown);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(missing.error().message.contains(QStringLiteral("3100000000")));
    CHECK_FALSE(OrderLookup::cachedForTicket(shop.store.db->reader(), unknown));

    const int known = numberOf(*shop.store.db, ticketOfExternal(*shop.store.db, QStringLiteral("coupang:online:2001")));
    shop.server.control(QStringLiteral("inject"), {{"status", 400}});
    auto refused = lookup.fetch(known);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Refused);

    // A ticket without an order number says so.
    const int none = numberOf(*shop.store.db, ticketOfExternal(*shop.store.db, QStringLiteral("coupang:online:2004")));
    auto noOrder = lookup.fetch(none);
    REQUIRE_FALSE(noOrder);
    CHECK(noOrder.error().code == ErrorCode::NotFound);
    CHECK(shop.server.violations().isEmpty());
}

TEST_CASE("a Naver ticket's order: product orders with delivery and the return request", "[orders][naver]")
{
    NaverShop shop(naverOrderConfig());
    auto connector = shop.connector();
    REQUIRE_OK(connector.sync({}));
    const int number = numberOf(*shop.store.db, shop.ticketOf(QStringLiteral("naver:inquiry:7000")));
    OrderLookup lookup(*shop.store.db, [&](const Account& a) -> Result<std::unique_ptr<Connector>> {
        return std::unique_ptr<Connector>(new NaverConnector(a, *shop.store.db, kNaverSecret, HttpPacing{20, 30, 4, 500}));
    });
    auto order = lookup.fetch(number);
    REQUIRE_OK(order);
    CHECK(order->channel == Channel::Naver);
    CHECK(order->orderId == QStringLiteral("202611200"));
    CHECK(order->product() == QStringLiteral("린넨 셔츠"));
    CHECK(order->option() == QStringLiteral("색상: 네이비 / 사이즈: M"));
    CHECK(order->quantity() == 1);
    CHECK(order->amount() == 29000);
    CHECK(order->carrier == QStringLiteral("CJ대한통운")); // Naver's code CJGLS, named
    CHECK(order->trackingNumber == QStringLiteral("551234098821"));
    REQUIRE(order->claims.size() == 1);
    CHECK(order->claims[0].kind == OrderClaim::Kind::Return);
    CHECK(order->claims[0].state == QStringLiteral("RETURN_REQUEST"));
    CHECK(order->claims[0].reason == QStringLiteral("사이즈가 작아요"));
    CHECK(shop.server.violations().isEmpty());

    // Inquiry 7001's order (202611201) is not the shop's: NotFound, after asking by both numbers it keeps.
    const int other = numberOf(*shop.store.db, shop.ticketOf(QStringLiteral("naver:inquiry:7001")));
    auto missing = lookup.fetch(other);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(shop.server.violations().isEmpty());
}
