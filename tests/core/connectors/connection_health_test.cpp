#include "connectors/connection_health.h"
#include "connectors/coupang_connector.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace casebook;
using namespace casebook::test;

namespace {

Account coupangWithKey(const QString& expires)
{
    Account a;
    a.name = QStringLiteral("shop");
    a.kind = AccountKind::Coupang;
    a.settings = {{QStringLiteral("key_expires"), expires}};
    return a;
}

} // namespace

TEST_CASE("Key expiry: warned from 14 days before the day it expires, counted in Korea days", "[health]")
{
    // 2026-12-06 15:30 UTC is already 2026-12-07 in Korea.
    const QDateTime now(QDate(2026, 12, 6), QTime(15, 30), QTimeZone::utc());
    const auto far = keyExpiryOf(coupangWithKey(QStringLiteral("2026-12-22")), now);
    REQUIRE(far);
    CHECK(far->daysLeft == 15);
    CHECK_FALSE(far->warn());
    CHECK(keyExpiryWarning(coupangWithKey(QStringLiteral("2026-12-22")), *far).isEmpty());

    const auto edge = keyExpiryOf(coupangWithKey(QStringLiteral("2026-12-21")), now);
    CHECK(edge->daysLeft == kKeyWarningDays);
    CHECK(edge->warn());
    CHECK_FALSE(edge->expired());
    CHECK(keyExpiryWarning(coupangWithKey(QStringLiteral("2026-12-21")), *edge)
              .contains(QStringLiteral("expires on 2026-12-21, in 14 days")));

    const auto today = keyExpiryOf(coupangWithKey(QStringLiteral("2026-12-07")), now);
    CHECK(today->daysLeft == 0);
    CHECK(keyExpiryWarning(coupangWithKey(QStringLiteral("2026-12-07")), *today).contains(QStringLiteral("today")));

    const auto past = keyExpiryOf(coupangWithKey(QStringLiteral("2026-12-06")), now);
    CHECK(past->expired());
    CHECK(keyExpiryWarning(coupangWithKey(QStringLiteral("2026-12-06")), *past)
              .contains(QStringLiteral("expired on 2026-12-06")));

    CHECK_FALSE(keyExpiryOf(coupangWithKey(QString()), now));
    CHECK_FALSE(keyExpiryOf(coupangWithKey(QStringLiteral("next spring")), now));
}

TEST_CASE("Key expiry: the date field is checked as a date; a refusal's words give a date only when about expiry",
          "[health]")
{
    const AccountField& expires = kCoupangFields[3];
    REQUIRE(expires.key == "key_expires");
    CHECK(accountFieldValueOk(expires, QStringLiteral("2027-06-01")));
    CHECK(accountFieldValueOk(expires, QString()));
    CHECK_FALSE(accountFieldValueOk(expires, QStringLiteral("2027-13-01")));
    CHECK(accountFieldValueOk(kCoupangFields[0], QStringLiteral("A0001")));

    CHECK(expiryNamedIn(QStringLiteral("The access key expired on 2026-11-30.")) == QDate(2026, 11, 30));
    CHECK(expiryNamedIn(QStringLiteral("키 유효기간이 2026-11-30 만료되었습니다")) == QDate(2026, 11, 30));
    CHECK_FALSE(expiryNamedIn(QStringLiteral("Specified signature is expired.")));
    CHECK_FALSE(expiryNamedIn(QStringLiteral("order 2026-11-30 not found")));
}

TEST_CASE("Coupang's refusal of an address off the allow-list: recognised, with the address it names", "[health]")
{
    HttpReply named;
    named.status = 403;
    named.body = R"json({"code":"FORBIDDEN","message":"[FORBIDDEN] Not allowed IP (203.0.113.7)"})json";
    const auto r = coupangAddressRefusal(named);
    REQUIRE(r);
    CHECK(r->address == QStringLiteral("203.0.113.7"));
    CHECK(coupangAddressAdvice(*r).contains(QStringLiteral("Add 203.0.113.7 in Wing")));

    HttpReply v6 = named;
    v6.body = "Not allowed IP: 2001:db8::17";
    CHECK(coupangAddressRefusal(v6)->address == QStringLiteral("2001:db8::17"));

    HttpReply bare = named;
    bare.body = "403 [FORBIDDEN] Not allowed IP";
    REQUIRE(coupangAddressRefusal(bare));
    CHECK(coupangAddressRefusal(bare)->address.isEmpty());
    CHECK(coupangAddressAdvice(*coupangAddressRefusal(bare)).contains(QStringLiteral("this computer's public address")));

    // The gateway's slow-down page (403 Access Denied) is not it, nor a 401.
    HttpReply slow = named;
    slow.body = "<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD></HTML>";
    CHECK_FALSE(coupangAddressRefusal(slow));
    HttpReply other = named;
    other.status = 401;
    CHECK_FALSE(coupangAddressRefusal(other));
}

TEST_CASE("Account health: the last complete sync and Naver's token as stored", "[health]")
{
    TempStore s;
    s.clock.set(QDateTime(QDate(2026, 12, 7), QTime(5, 0), QTimeZone::utc()));
    Account naver;
    naver.name = QStringLiteral("smart");
    naver.kind = AccountKind::Naver;
    CHECK_FALSE(accountHealth(*s.db, naver).lastSync.isValid());
    CHECK_FALSE(accountHealth(*s.db, naver).token);
    CHECK(sourceOfAccount(naver) == QStringLiteral("naver:smart"));

    REQUIRE(s.db->write([&](SQLite::Database& w) -> Result<void> {
        saveLastSync(w, sourceOfAccount(naver), s.clock.now());
        return {};
    }));
    const QDateTime renewed(QDate(2026, 12, 7), QTime(4, 0), QTimeZone::utc());
    REQUIRE(saveTokenState(*s.db, sourceOfAccount(naver), {renewed, renewed.addSecs(10800)}));
    const AccountHealth h = accountHealth(*s.db, naver);
    CHECK(h.lastSync == s.clock.now());
    REQUIRE(h.token);
    CHECK(h.token->renewedAt == renewed);
    CHECK(h.token->validUntil == renewed.addSecs(10800));
    CHECK_FALSE(h.key);
}
