#include "cli/cli_runner.h"
#include "support/test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using casebook::test::cli;
using casebook::test::Run;

namespace {

QJsonObject jsonOf(const Run& r)
{
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    return QJsonDocument::fromJson(r.out.trimmed().toUtf8()).object();
}

} // namespace

TEST_CASE("settings set own_addresses: checked, shown, and used by import and rethread", "[cli][settings]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("o.sqlite"));
    auto set = [&](const QString& value) {
        return cli({QStringLiteral("--db"), db, QStringLiteral("settings"), QStringLiteral("set"),
                    QStringLiteral("own_addresses"), value});
    };
    CHECK(set(QStringLiteral("not-an-address")).code == 2);
    const Run ok = set(QStringLiteral("Help@Teashop.example, @teashop.example"));
    CHECK(ok.code == 0);
    CHECK(ok.err.contains(QStringLiteral("rethread")));
    const QJsonObject shown = jsonOf(cli({QStringLiteral("--db"), db, QStringLiteral("settings"), QStringLiteral("--json")}));
    CHECK(shown.value(QStringLiteral("own_addresses")).toString() ==
          QStringLiteral("help@teashop.example, @teashop.example"));
    const Run plain = cli({QStringLiteral("--db"), db, QStringLiteral("settings")});
    CHECK(plain.out.contains(QStringLiteral("help@teashop.example (setting)")));
}

TEST_CASE("import finds the seller's addresses in the mailbox and says so; again with --own points to "
          "rethread, which sorts the stored mail again",
          "[cli][import]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("o.sqlite"));
    const QString maildir = casebook::test::testData(QStringLiteral("own-addresses/teashop"));
    const Run first = cli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("maildir"), maildir,
                           QStringLiteral("--json")});
    CHECK(first.err.contains(QStringLiteral("own addresses: help@teashop.example (Sent folder)")));
    const QJsonObject report = jsonOf(first);
    CHECK(report.value(QStringLiteral("imported")).toInt() == 5);
    CHECK(report.value(QStringLiteral("tickets_created")).toInt() == 2);
    const QJsonArray own = report.value(QStringLiteral("own_addresses")).toArray();
    REQUIRE(own.size() == 1);
    CHECK(own[0].toObject().value(QStringLiteral("address")).toString() == QStringLiteral("help@teashop.example"));

    // The same mailbox again, with an address: nothing is read silently.
    const Run again = cli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("maildir"), maildir,
                           QStringLiteral("--own"), QStringLiteral("@teashop.example"), QStringLiteral("--json")});
    CHECK(jsonOf(again).value(QStringLiteral("imported")).toInt() == 0);
    CHECK(again.err.contains(QStringLiteral("stored already")));
    CHECK(again.err.contains(QStringLiteral("rethread")));

    const Run re = cli({QStringLiteral("--db"), db, QStringLiteral("rethread"), QStringLiteral("--json")});
    const QJsonObject r = jsonOf(re);
    CHECK(r.value(QStringLiteral("messages")).toInt() == 5);
    CHECK(r.value(QStringLiteral("directions_changed")).toInt() == 0); // the import knew the address already
    CHECK(r.value(QStringLiteral("tickets_created")).toInt() == 0);
    CHECK(re.err.contains(QStringLiteral("help@teashop.example")));
}

TEST_CASE("rethread --own after an import that did not know the address", "[cli][import]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("o.sqlite"));
    // An .eml import of the top folder only: no Sent folder, no way to tell whose mailbox it is... except
    // Delivered-To. Without it (the stray reply alone) nothing is found.
    const QString reply =
        casebook::test::testData(QStringLiteral("own-addresses/teashop/.Sent/cur/1767000005.M5P1.mail:2,S"));
    const Run first = cli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("eml"), reply,
                           QStringLiteral("--json")});
    CHECK(first.err.contains(QStringLiteral("own addresses: none")));
    CHECK(jsonOf(first).value(QStringLiteral("own_addresses")).toArray().isEmpty());
    const QJsonObject r = jsonOf(cli({QStringLiteral("--db"), db, QStringLiteral("rethread"), QStringLiteral("--own"),
                                      QStringLiteral("help@teashop.example"), QStringLiteral("--json")}));
    CHECK(r.value(QStringLiteral("directions_changed")).toInt() == 1);
    CHECK(r.value(QStringLiteral("own_identities_removed")).toInt() == 1);
}
