#include "accounts/account_store.h"
#include "accounts/secret_store.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace casebook;

TEST_CASE("accounts are added, listed, changed and removed by name", "[accounts]")
{
    test::TempStore s;
    AccountStore accounts(*s.db);
    Account a;
    a.name = QStringLiteral("shop-mail");
    a.kind = AccountKind::Email;
    a.settings = {{QStringLiteral("address"), QStringLiteral("help@shop.example")},
                  {QStringLiteral("imap_host"), QStringLiteral("127.0.0.1")}};
    auto id = accounts.add(a);
    REQUIRE(id);
    CHECK_FALSE(accounts.add(a)); // the name is taken

    auto read = accounts.byName(QStringLiteral("shop-mail"));
    REQUIRE(read);
    CHECK(read->id == id.value());
    CHECK(read->kind == AccountKind::Email);
    CHECK(read->setting(QStringLiteral("address")) == QStringLiteral("help@shop.example"));
    CHECK(read->createdAt == s.clock.now());

    QJsonObject changed = read->settings;
    changed[QStringLiteral("imap_host")] = QStringLiteral("imap.shop.example");
    REQUIRE(accounts.updateSettings(QStringLiteral("shop-mail"), changed));
    CHECK(accounts.byId(id.value())->setting(QStringLiteral("imap_host")) ==
          QStringLiteral("imap.shop.example"));
    CHECK(accounts.list()->size() == 1);

    REQUIRE(accounts.remove(QStringLiteral("shop-mail")));
    CHECK(accounts.list()->isEmpty());
    CHECK_FALSE(accounts.remove(QStringLiteral("shop-mail")));
}

TEST_CASE("a secret is refused as an account setting", "[accounts]")
{
    test::TempStore s;
    AccountStore accounts(*s.db);
    Account a;
    a.name = QStringLiteral("coupang");
    a.kind = AccountKind::Coupang;
    a.settings = {{QStringLiteral("secret_key"), QStringLiteral("canary-secret")}};
    auto r = accounts.add(a);
    REQUIRE_FALSE(r);
    CHECK(r.error().message.contains(QStringLiteral("keychain")));
    CHECK(accounts.list()->isEmpty());
}

TEST_CASE("account names are checked", "[accounts]")
{
    CHECK(AccountStore::validateName(QStringLiteral("쿠팡 본점")));
    CHECK_FALSE(AccountStore::validateName(QString()));
    CHECK_FALSE(AccountStore::validateName(QStringLiteral(" padded")));
    CHECK_FALSE(AccountStore::validateName(QStringLiteral("a/b")));
    CHECK_FALSE(AccountStore::validateName(QString(65, QLatin1Char('x'))));
}

TEST_CASE("a secret command's first line is the secret; failures name the command only", "[accounts]")
{
    auto ok = runSecretCommand(QStringLiteral("printf 'hunter2\\nignored\\n'"));
    REQUIRE(ok);
    CHECK(ok.value() == QStringLiteral("hunter2"));

    auto failed = runSecretCommand(QStringLiteral("echo canary | tr a-z A-Z; exit 3"));
    REQUIRE_FALSE(failed);
    CHECK(failed.error().message.contains(QStringLiteral("exit 3")));
    CHECK_FALSE(failed.error().message.contains(QStringLiteral("CANARY")));

    CHECK_FALSE(runSecretCommand(QStringLiteral("true")));

    Account a;
    a.name = QStringLiteral("x");
    a.settings = {{QStringLiteral("secret_command"), QStringLiteral("echo from-command")}};
    KeychainSecretStore keychain(QStringLiteral("io.github.casebook.Casebook.test"));
    CHECK(secretFor(a, keychain).value() == QStringLiteral("from-command"));
}
