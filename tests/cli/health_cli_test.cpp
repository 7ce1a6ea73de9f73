// Connection health through the real casebook-cli against the fake marketplace: a Coupang key's expiry
// (entered, warned 14 days before, learned from the gateway), an address off Coupang's allow-list, Naver's
// token and every account's last complete sync in `account list`.
#include "cli/cli_runner.h"
#include "coupang_fixture.h"
#include "naver_fixture.h"

#include <QTemporaryDir>
#include <QTimeZone>

using namespace casebook::test;

namespace {

struct HealthStore {
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("h.sqlite"));
    Run run(const QStringList& args) const { return cli(QStringList{QStringLiteral("--db"), db} + args); }
    Run list() const { return run({QStringLiteral("account"), QStringLiteral("list")}); }
};

// Coupang counts a key's days in Korea.
QString koreaDay(int fromToday)
{
    return QDateTime::currentDateTimeUtc()
        .toTimeZone(QTimeZone(9 * 3600))
        .date()
        .addDays(fromToday)
        .toString(Qt::ISODate);
}

Run addShop(const HealthStore& s, const FakeMarketplace& server, const QStringList& extra = {})
{
    return s.run(QStringList{QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("coupang"),
                             QStringLiteral("shop"), QStringLiteral("--vendor-id"), QStringLiteral("A00012345"),
                             QStringLiteral("--access-key"), QStringLiteral("ak-test"), QStringLiteral("--wing-user"),
                             QStringLiteral("wing-kim"), QStringLiteral("--base-url"), server.baseUrl(),
                             QStringLiteral("--secret-command"), QStringLiteral("echo sk-test")} +
                 extra);
}

// The shop's fake Coupang with `fields` set in its config (allowed_ips, key_expired, …).
QJsonObject coupangWith(const QJsonObject& fields)
{
    QJsonObject config = coupangConfig();
    QJsonObject coupang = config[QStringLiteral("coupang")].toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it)
        coupang[it.key()] = it.value();
    config[QStringLiteral("coupang")] = coupang;
    return config;
}

} // namespace

TEST_CASE("CLI Coupang: the key's expiry is entered, warned 14 days before in account list and at sync, and "
          "changed with account set",
          "[cli][coupang][health]")
{
    FakeMarketplace server(coupangConfig());
    HealthStore s;
    const Run bad = addShop(s, server, {QStringLiteral("--key-expires"), QStringLiteral("2027-13-01")});
    CHECK(bad.code == 2);
    CHECK(bad.err.contains(QStringLiteral("yyyy-MM-dd")));

    const QString soon = koreaDay(10);
    REQUIRE(addShop(s, server, {QStringLiteral("--key-expires"), soon}).code == 0);
    Run listed = s.list();
    REQUIRE(listed.code == 0);
    CHECK(listed.out.contains(QStringLiteral("last sync never")));
    CHECK(listed.out.contains(QStringLiteral("key expires %1 (in 10 days)").arg(soon)));
    CHECK(listed.out.contains(QStringLiteral("expires on %1, in 10 days").arg(soon)));

    const Run synced = s.run({QStringLiteral("sync"), QStringLiteral("shop")});
    INFO(synced.err.toStdString());
    REQUIRE(synced.code == 0);
    CHECK(synced.err.contains(QStringLiteral("The Coupang key of \"shop\" expires on %1, in 10 days").arg(soon)));
    listed = s.list();
    CHECK_FALSE(listed.out.contains(QStringLiteral("last sync never")));
    CHECK(listed.out.contains(QStringLiteral("last sync 20")));

    // Renewed in Wing: the new date, and no more warning.
    const QString later = koreaDay(100);
    const Run set = s.run({QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("shop"),
                           QStringLiteral("--key-expires"), later});
    INFO(set.err.toStdString());
    REQUIRE(set.code == 0);
    listed = s.list();
    CHECK(listed.out.contains(QStringLiteral("key valid until %1").arg(later)));
    CHECK_FALSE(listed.out.contains(QStringLiteral("The Coupang key")));
    const Run quiet = s.run({QStringLiteral("sync"), QStringLiteral("shop")});
    REQUIRE(quiet.code == 0);
    CHECK_FALSE(quiet.err.contains(QStringLiteral("The Coupang key")));

    // JSON carries the same.
    const Run json = s.run({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")});
    const QJsonObject health =
        QJsonDocument::fromJson(json.out.toUtf8()).array().at(0)[QStringLiteral("health")].toObject();
    CHECK(health[QStringLiteral("key_expires")][QStringLiteral("days_left")].toInt() == 100);
    CHECK_FALSE(health[QStringLiteral("key_expires")][QStringLiteral("warn")].toBool());
    CHECK(health[QStringLiteral("last_sync")].isString());
    CHECK(server.violations().isEmpty());
}

TEST_CASE("CLI Coupang: an address off the key's allow-list is its own error, says what to do and shows the "
          "address, and is asked once",
          "[cli][coupang][health]")
{
    const bool named = GENERATE(true, false);
    FakeMarketplace server(coupangWith({{"allowed_ips", QJsonArray{QStringLiteral("198.51.100.20")}},
                                        {"public_address", QStringLiteral("203.0.113.7")},
                                        {"name_address", named}}));
    HealthStore s;
    REQUIRE(addShop(s, server).code == 0);
    const Run refused = s.run({QStringLiteral("sync"), QStringLiteral("shop")});
    INFO(refused.err.toStdString());
    CHECK(refused.code == 1);
    CHECK(refused.err.contains(named ? QStringLiteral("Add 203.0.113.7 in Wing")
                                     : QStringLiteral("Add this computer's public address in Wing")));
    CHECK(refused.err.contains(QStringLiteral("IP 주소")));
    // Not taken for the gateway's slow-down: one call, no retries that Coupang would count against us.
    const QJsonArray calls = server.state()[QStringLiteral("requests")].toArray();
    REQUIRE(calls.size() == 1);
    CHECK(calls[0][QStringLiteral("status")].toInt() == 403);
    CHECK(s.list().out.contains(QStringLiteral("last sync never")));
}

TEST_CASE("CLI Coupang: a refusal that names the key's expiry is kept and warned about", "[cli][coupang][health]")
{
    const QString expired = koreaDay(-1);
    FakeMarketplace server(coupangWith({{"key_expired", expired}}));
    HealthStore s;
    REQUIRE(addShop(s, server).code == 0);
    const Run refused = s.run({QStringLiteral("sync"), QStringLiteral("shop")});
    CHECK(refused.code == 1);
    const Run listed = s.list();
    CHECK(listed.out.contains(QStringLiteral("key EXPIRED %1").arg(expired)));
    CHECK(listed.out.contains(QStringLiteral("The Coupang key of \"shop\" expired on %1").arg(expired)));
}

TEST_CASE("CLI Naver: account list shows the token's state and the last complete sync", "[cli][naver][health]")
{
    FakeMarketplace server(naverConfig());
    HealthStore s;
    REQUIRE(s.run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("naver"), QStringLiteral("smart"),
                   QStringLiteral("--client-id"), QStringLiteral("naver-client"), QStringLiteral("--base-url"),
                   server.baseUrl(), QStringLiteral("--secret-command"),
                   QStringLiteral("echo '%1'").arg(kNaverSecret)})
                .code == 0);
    CHECK_FALSE(s.list().out.contains(QStringLiteral("token")));
    REQUIRE(s.run({QStringLiteral("sync"), QStringLiteral("smart")}).code == 0);
    const Run listed = s.list();
    CHECK(listed.out.contains(QStringLiteral("token valid until ")));
    CHECK(listed.out.contains(QStringLiteral("(renewed ")));
    const Run json = s.run({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")});
    const QJsonObject health =
        QJsonDocument::fromJson(json.out.toUtf8()).array().at(0)[QStringLiteral("health")].toObject();
    const QDateTime renewed = QDateTime::fromString(
        health[QStringLiteral("token")][QStringLiteral("renewed")].toString(), Qt::ISODate);
    const QDateTime until = QDateTime::fromString(
        health[QStringLiteral("token")][QStringLiteral("valid_until")].toString(), Qt::ISODate);
    REQUIRE(renewed.isValid());
    CHECK(renewed.secsTo(until) == 10800); // the fake's expires_in
    CHECK(health[QStringLiteral("last_sync")].isString());
}
