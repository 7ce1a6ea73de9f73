#include "accounts/account_store.h"
#include "connectors/connector_factory.h"
#include "inbox/ingestor.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace casebook;
using namespace casebook::test;

namespace {

QByteArray mail(int n)
{
    return "From: kim" + QByteArray::number(n) + "@example.test\r\nTo: help@shop.example\r\nSubject: q" +
           QByteArray::number(n) + "\r\nMessage-ID: <aft" + QByteArray::number(n) +
           "@example.test>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0900\r\n\r\nbody\r\n";
}

qint64 addAccount(Database& db, const QString& name, AccountKind kind)
{
    Account a;
    a.name = name;
    a.kind = kind;
    a.settings = QJsonObject{{QStringLiteral("address"), QStringLiteral("help@shop.example")}};
    auto id = AccountStore(db).add(a);
    REQUIRE(id);
    return *id;
}

} // namespace

TEST_CASE("The account that answers a ticket: the one that synced it, else the only one of its kind",
          "[connectors]")
{
    TempStore s;
    Ingestor ingestor(*s.db, IngestOptions{});
    const qint64 synced =
        ingestor.ingestMail(mail(1), QStringLiteral("imap:second"), QStringLiteral("INBOX uid 1"))->ticketId;
    const qint64 imported =
        ingestor.ingestMail(mail(2), QStringLiteral("maildir:/x"), QStringLiteral("a"))->ticketId;

    auto none = accountForTicket(*s.db, imported);
    REQUIRE_FALSE(none);
    CHECK(none.error().message.contains(QStringLiteral("No email account")));

    addAccount(*s.db, QStringLiteral("first"), AccountKind::Email);
    addAccount(*s.db, QStringLiteral("market"), AccountKind::Coupang);
    auto only = accountForTicket(*s.db, imported);
    REQUIRE(only);
    CHECK(only->name == QStringLiteral("first"));

    const qint64 second = addAccount(*s.db, QStringLiteral("second"), AccountKind::Email);
    auto bySource = accountForTicket(*s.db, synced);
    REQUIRE(bySource);
    CHECK(bySource->id == second);
    auto ambiguous = accountForTicket(*s.db, imported);
    REQUIRE_FALSE(ambiguous);
    CHECK(ambiguous.error().message.contains(QStringLiteral("Several email accounts")));
}
