#include "cli/cli_runner.h"
#include "support/test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using casebook::test::cli;
using casebook::test::Run;

TEST_CASE("settings from the CLI: the seller name templates use and the answer-due hours", "[cli][settings]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("casebook.sqlite"));
    auto json = [&] {
        const Run r = cli({QStringLiteral("--db"), db, QStringLiteral("settings"), QStringLiteral("--json")});
        REQUIRE(r.code == 0);
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    };
    CHECK(json().value(QStringLiteral("seller_name")).toString().isEmpty());
    CHECK(json().value(QStringLiteral("due_hours.coupang")).toDouble() == 24);

    auto set = [&](const QString& name, const QString& value) {
        return cli(
            {QStringLiteral("--db"), db, QStringLiteral("settings"), QStringLiteral("set"), name, value});
    };
    CHECK(set(QStringLiteral("seller_name"), QStringLiteral("달빛도예")).code == 0);
    CHECK(set(QStringLiteral("due_hours.coupang"), QStringLiteral("12")).code == 0);
    const QJsonObject now = json();
    CHECK(now.value(QStringLiteral("seller_name")).toString() == QStringLiteral("달빛도예"));
    CHECK(now.value(QStringLiteral("due_hours.coupang")).toDouble() == 12);
    CHECK(now.value(QStringLiteral("due_hours.email")).toDouble() == 24);

    const Run plain = cli({QStringLiteral("--db"), db, QStringLiteral("settings")});
    CHECK(plain.out.contains(QStringLiteral("seller_name = 달빛도예")));

    const Run unknown = set(QStringLiteral("shop"), QStringLiteral("x"));
    CHECK(unknown.code == 2);
    CHECK(unknown.err.contains(QStringLiteral("seller_name")));
    const Run zero = set(QStringLiteral("due_hours.naver"), QStringLiteral("0"));
    CHECK(zero.code == 2);
    CHECK(json().value(QStringLiteral("due_hours.naver")).toDouble() == 24);

    // A template rendered for a ticket signs with the stored name: it is no longer a missing placeholder.
    const Run imported = cli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("eml"),
                              casebook::test::testData(QStringLiteral("mail/utf8-base64.eml"))});
    REQUIRE(imported.code == 0);
    const Run tickets =
        cli({QStringLiteral("--db"), db, QStringLiteral("tickets"), QStringLiteral("--json")});
    const QJsonArray list = QJsonDocument::fromJson(tickets.out.toUtf8()).array();
    REQUIRE(list.size() == 1);
    const QString number = QString::number(list.first().toObject().value(QStringLiteral("number")).toInt());
    const Run rendered =
        cli({QStringLiteral("--db"), db, QStringLiteral("templates"), QStringLiteral("render"),
             QStringLiteral("en.damaged_defective"), QStringLiteral("--ticket"), number});
    INFO(rendered.err.toStdString());
    CHECK(rendered.err.contains(QStringLiteral("{{product}}")));
    CHECK_FALSE(rendered.err.contains(QStringLiteral("{{seller_name}}")));
}
