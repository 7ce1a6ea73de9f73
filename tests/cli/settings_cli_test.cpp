#include "cli/cli_runner.h"
#include "support/test_support.h"

#include <QFile>
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

TEST_CASE("settings set the clocks' counting, business hours, days off and holidays; imports follow them",
          "[cli][settings][hours]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("casebook.sqlite"));
    auto set = [&](const QString& name, const QString& value) {
        return cli({QStringLiteral("--db"), db, QStringLiteral("settings"), QStringLiteral("set"), name, value});
    };
    auto json = [&] {
        const Run r = cli({QStringLiteral("--db"), db, QStringLiteral("settings"), QStringLiteral("--json")});
        REQUIRE(r.code == 0);
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    };
    QJsonObject o = json();
    CHECK(o.value(QStringLiteral("due_mode.email")).toString() == QStringLiteral("calendar"));
    CHECK(o.value(QStringLiteral("business_hours.mon")).toString() == QStringLiteral("09:00-12:00,13:00-18:00"));
    CHECK(o.value(QStringLiteral("business_hours.sun")).toString() == QStringLiteral("off"));
    CHECK(o.value(QStringLiteral("public_holidays")).toString() == QStringLiteral("kr"));

    CHECK(set(QStringLiteral("due_mode.email"), QStringLiteral("business")).code == 0);
    CHECK(set(QStringLiteral("business_hours.fri"), QStringLiteral("10:00-17:00")).code == 0);
    CHECK(set(QStringLiteral("days_off"), QStringLiteral("2026-03-10, 2026-03-09")).code == 0);
    o = json();
    CHECK(o.value(QStringLiteral("due_mode.email")).toString() == QStringLiteral("business"));
    CHECK(o.value(QStringLiteral("business_hours.fri")).toString() == QStringLiteral("10:00-17:00"));
    CHECK(o.value(QStringLiteral("days_off")).toString() == QStringLiteral("2026-03-09,2026-03-10"));

    // Refused, changing nothing: Coupang on business hours, hours that make no sense, a bad date.
    for (const auto& [name, value] :
         {std::pair{QStringLiteral("due_mode.coupang"), QStringLiteral("business")},
          std::pair{QStringLiteral("due_mode.email"), QStringLiteral("weekdays")},
          std::pair{QStringLiteral("business_hours.mon"), QStringLiteral("18:00-09:00")},
          std::pair{QStringLiteral("days_off"), QStringLiteral("someday")},
          std::pair{QStringLiteral("public_holidays"), QStringLiteral("us")}}) {
        const Run r = set(name, value);
        INFO(name.toStdString());
        CHECK(r.code == 2);
        CHECK(r.out.isEmpty());
    }
    CHECK(json() == o);

    // A mail on Friday 2026-03-06 at 16:30 KST owes 24 working hours: Friday's half hour, Monday and Tuesday
    // off, Wednesday and Thursday 8h each, Friday 10-17 7h: the last half hour is Monday 2026-03-16 09:00-09:30.
    const QString mail = dir.filePath(QStringLiteral("m.eml"));
    {
        QFile f(mail);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("From: kim@x.example\nTo: help@shop.example\nSubject: hello\nDate: Fri, 06 Mar 2026 16:30:00 +0900\n"
                "Message-ID: <fri@x>\n\nWhere is my parcel\n");
    }
    REQUIRE(cli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("eml"), mail}).code == 0);
    const Run tickets = cli({QStringLiteral("--db"), db, QStringLiteral("tickets"), QStringLiteral("--json")});
    const QJsonArray list = QJsonDocument::fromJson(tickets.out.toUtf8()).array();
    REQUIRE(list.size() == 1);
    CHECK(list[0].toObject().value(QStringLiteral("due_at")).toString() == QStringLiteral("2026-03-16T00:30:00Z"));
}
