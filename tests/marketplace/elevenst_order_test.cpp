// The order beside an 11st ticket, from the fake 11st's per-order delivery list (claimservice/
// orderlistalladdr): lines, state, carrier named from its code, tracking number; an order 11st does not know.
#include "accounts/account_store.h"
#include "connectors/elevenst_connector.h"
#include "connectors/order_lookup.h"
#include "elevenst_fixture.h"
#include "support/test_support.h"

using namespace casebook;
using namespace casebook::test;

namespace {

// The urgent notice 3001 names order 20261100993001: two lines, shipped by CJ대한통운 (11st's code 00034).
QJsonObject elevenstOrderConfig()
{
    QJsonObject config = elevenstConfig();
    QJsonObject eleven = config[QStringLiteral("11st")].toObject();
    auto line = [](int seq, const QString& product, int qty) {
        return QJsonObject{{"ordNo", "20261100993001"}, {"ordPrdSeq", QString::number(seq)},
                           {"dlvNo", "77001"},          {"ordCnQty", "0"},
                           {"ordPrdStat", "401"},       {"ordPrdStatNm", QStringLiteral("배송중")},
                           {"ordQty", QString::number(qty)}, {"prdNm", product},
                           {"prdNo", "48073872"},       {"sellerID", "appleshop"},
                           {"dlvMthdCd", "01"},         {"dlvEtprsCd", "00034"},
                           {"invcNo", "640012345678"},  {"sndEndDt", "2026-11-03 16:36:14"}};
    };
    eleven[QStringLiteral("orders")] =
        QJsonArray{line(1, QStringLiteral("꿀사과 5kg"), 2), line(2, QStringLiteral("사과즙 1박스"), 1)};
    config[QStringLiteral("11st")] = eleven;
    return config;
}

} // namespace

TEST_CASE("an 11st ticket's order: its lines, state, carrier and tracking number; an unknown order is NotFound",
          "[orders][11st]")
{
    TempStore store;
    store.clock.set(QDateTime::currentDateTimeUtc());
    FakeMarketplace server(elevenstOrderConfig(), QStringLiteral(CASEBOOK_FAKE_11ST));
    Account account;
    account.name = QStringLiteral("eleven");
    account.kind = AccountKind::Elevenst;
    account.settings = {{"base_url", server.baseUrl()}, {"horizon_days", 20}};
    account.id = AccountStore(*store.db).add(account).value();
    const auto connect = [&](const Account& a) -> Result<std::unique_ptr<Connector>> {
        return std::unique_ptr<Connector>(new ElevenstConnector(a, *store.db, kElevenstKey, HttpPacing{20, 150, 3, 500}));
    };
    REQUIRE(connect(account).value()->sync({}));
    const auto numberOf = [&](const QString& externalId) {
        return ticket_queries::ticketsByIds(store.db->reader(), {ticketOfExternal(*store.db, externalId)})
            .value(0)
            .number;
    };

    OrderLookup lookup(*store.db, connect);
    auto order = lookup.fetch(numberOf(QStringLiteral("11st:notice:3001")));
    INFO((order ? std::string() : order.error().message.toStdString()));
    REQUIRE(order);
    CHECK(order->channel == Channel::Elevenst);
    CHECK(order->orderId == QStringLiteral("20261100993001"));
    CHECK(order->status == QStringLiteral("배송중"));
    REQUIRE(order->items.size() == 2);
    CHECK(order->product() == QStringLiteral("꿀사과 5kg"));
    CHECK(order->quantity() == 3);
    CHECK(order->carrier == QStringLiteral("CJ대한통운"));
    CHECK(order->trackingNumber == QStringLiteral("640012345678"));
    // Korea 16:36 is 07:36 UTC.
    CHECK(order->shippedAt == QDateTime(QDate(2026, 11, 3), QTime(7, 36, 14), QTimeZone::utc()));
    // The list gives no order time; the number's first 8 digits are read as its date only when they are one
    // ("20261100…" is not).
    CHECK_FALSE(order->orderedAt.isValid());
    // Kept for the panel's first paint and the placeholders.
    REQUIRE(OrderLookup::cachedForTicket(store.db->reader(), numberOf(QStringLiteral("11st:notice:3001"))));

    // Notice 3002's order is not in 11st's list: its result code -28002 is NotFound, not a refusal.
    auto missing = lookup.fetch(numberOf(QStringLiteral("11st:notice:3002")));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(server.violations().isEmpty());
}
