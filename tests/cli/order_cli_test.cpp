// `casebook-cli order NUMBER` against the fake Coupang and Naver: the order beside a ticket in text and
// JSON, kept for --cached, and the exit code of an order the market does not know.
#include "cli/cli_runner.h"
#include "order_fixture.h"

#include <QTemporaryDir>

using namespace casebook::test;

namespace {

struct OrderCli {
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("o.sqlite"));

    Run run(const QStringList& args) const { return cli(QStringList{QStringLiteral("--db"), db} + args); }

    // The ticket that holds a message, from `tickets --json`.
    int ticketOf(const QString& messageId) const
    {
        const Run r = run({QStringLiteral("tickets"), QStringLiteral("--json")});
        REQUIRE(r.code == 0);
        for (const QJsonValue& t : QJsonDocument::fromJson(r.out.toUtf8()).array())
            for (const QJsonValue& m : t[QStringLiteral("messages")].toArray())
                if (m[QStringLiteral("message_id")].toString() == messageId)
                    return t[QStringLiteral("number")].toInt();
        FAIL("no ticket holds " << messageId.toStdString());
        return 0;
    }
};

} // namespace

TEST_CASE("CLI order: a Coupang ticket's order in text and JSON, --cached, unknown orders", "[cli][orders]")
{
    FakeMarketplace server(coupangOrderConfig());
    OrderCli s;
    REQUIRE(s.run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("coupang"), QStringLiteral("shop"),
                   QStringLiteral("--vendor-id"), QStringLiteral("A00012345"), QStringLiteral("--access-key"),
                   QStringLiteral("ak-test"), QStringLiteral("--wing-user"), QStringLiteral("wing-kim"),
                   QStringLiteral("--base-url"), server.baseUrl(), QStringLiteral("--secret-command"),
                   QStringLiteral("echo sk-test")})
                .code == 0);
    REQUIRE(s.run({QStringLiteral("sync"), QStringLiteral("shop")}).code == 0);
    const QString number = QString::number(s.ticketOf(QStringLiteral("coupang:online:2001")));

    // Nothing fetched yet: --cached has nothing to show.
    const Run before = s.run({QStringLiteral("order"), number, QStringLiteral("--cached")});
    CHECK(before.code == 3);

    const Run text = s.run({QStringLiteral("order"), number});
    INFO(text.err.toStdString());
    REQUIRE(text.code == 0);
    CHECK(text.out.startsWith(QStringLiteral("Order 2000000007 (coupang)  FINAL_DELIVERY\n")));
    CHECK(text.out.contains(QStringLiteral("[달빛] 린넨 셔츠 / 화이트 L  x2  38,000")));
    CHECK(text.out.contains(QStringLiteral("Carrier: CJ 대한통운\n")));
    CHECK(text.out.contains(QStringLiteral("Tracking number: 337398446274\n")));
    CHECK(text.out.contains(QStringLiteral("Return 365937: RETURNS_UNCHECKED (반품)")));
    CHECK(text.out.contains(QStringLiteral("Exchange 88001: SUCCESS")));

    const Run json = s.run({QStringLiteral("order"), QStringLiteral("#") + number, QStringLiteral("--cached"),
                            QStringLiteral("--json")});
    REQUIRE(json.code == 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    CHECK(o[QStringLiteral("order_id")].toString() == QStringLiteral("2000000007"));
    CHECK(o[QStringLiteral("channel")].toString() == QStringLiteral("coupang"));
    CHECK(o[QStringLiteral("product")].toString() == QStringLiteral("[달빛] 린넨 셔츠"));
    CHECK(o[QStringLiteral("option")].toString() == QStringLiteral("화이트 L"));
    CHECK(o[QStringLiteral("quantity")].toInt() == 2);
    CHECK(o[QStringLiteral("amount")].toInteger() == 38000);
    CHECK(o[QStringLiteral("carrier")].toString() == QStringLiteral("CJ 대한통운"));
    CHECK(o[QStringLiteral("tracking_number")].toString() == QStringLiteral("337398446274"));
    CHECK(o[QStringLiteral("claims")].toArray().size() == 2);
    CHECK(o[QStringLiteral("delivered_at")].isString());

    // Order 3100000000 (call-center inquiry 3000) is not the shop's: exit 3, the number named.
    const Run unknown =
        s.run({QStringLiteral("order"), QString::number(s.ticketOf(QStringLiteral("coupang:call:3000")))});
    CHECK(unknown.code == 3);
    CHECK(unknown.err.contains(QStringLiteral("3100000000")));
    CHECK(unknown.out.isEmpty());
    CHECK(s.run({QStringLiteral("order")}).code == 2);
    CHECK(s.run({QStringLiteral("order"), QStringLiteral("99999")}).code == 3);
    CHECK(server.violations().isEmpty());
}

TEST_CASE("CLI order: a Naver ticket's order", "[cli][orders]")
{
    FakeMarketplace server(naverOrderConfig());
    OrderCli s;
    REQUIRE(s.run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("naver"), QStringLiteral("smart"),
                   QStringLiteral("--client-id"), QStringLiteral("naver-client"), QStringLiteral("--base-url"),
                   server.baseUrl(), QStringLiteral("--secret-command"), QStringLiteral("echo '%1'").arg(kNaverSecret)})
                .code == 0);
    REQUIRE(s.run({QStringLiteral("sync"), QStringLiteral("smart")}).code == 0);
    const Run r = s.run({QStringLiteral("order"), QString::number(s.ticketOf(QStringLiteral("naver:inquiry:7000"))),
                         QStringLiteral("--json")});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    CHECK(o[QStringLiteral("order_id")].toString() == QStringLiteral("202611200"));
    CHECK(o[QStringLiteral("carrier")].toString() == QStringLiteral("CJ대한통운"));
    CHECK(o[QStringLiteral("claims")].toArray().at(0)[QStringLiteral("state")].toString() ==
          QStringLiteral("RETURN_REQUEST"));
    CHECK(server.violations().isEmpty());
}
