#include "support/test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run cli(const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CASEBOOK_CLI), args);
    REQUIRE(p.waitForFinished(120000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QJsonDocument lastJsonLine(const QString& out)
{
    const QStringList lines = out.trimmed().split(QLatin1Char('\n'));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(lines.last().toUtf8(), &err);
    INFO(out.toStdString());
    REQUIRE(err.error == QJsonParseError::NoError);
    return doc;
}

} // namespace

TEST_CASE("the CLI prints its version and its help", "[cli]")
{
    const Run v = cli({QStringLiteral("--version")});
    CHECK(v.code == 0);
    CHECK(v.out.startsWith(QStringLiteral("casebook-cli ")));
    CHECK(v.out.contains(QStringLiteral(CASEBOOK_VERSION)));
    const Run h = cli({QStringLiteral("--help")});
    CHECK(h.code == 0);
    for (const char* word : {"stats", "tickets", "show", "--db"})
        CHECK(h.out.contains(QLatin1String(word)));
}

TEST_CASE("usage errors go to stderr with a non-zero exit", "[cli]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("x.sqlite"));
    const Run none = cli({QStringLiteral("--db"), db});
    CHECK(none.code == 2);
    CHECK(none.out.isEmpty());
    CHECK(none.err.contains(QStringLiteral("no command")));
    const Run unknown = cli({QStringLiteral("--db"), db, QStringLiteral("frobnicate")});
    CHECK(unknown.code == 2);
    CHECK(unknown.err.contains(QStringLiteral("frobnicate")));
    const Run missing = cli({QStringLiteral("--db"), db, QStringLiteral("show"), QStringLiteral("4242")});
    CHECK(missing.code == 1);
    CHECK(missing.err.contains(QStringLiteral("#4242")));
}

TEST_CASE("stats --json on a new database, chosen by --db or CASEBOOK_DB", "[cli]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("new.sqlite"));
    const Run r = cli({QStringLiteral("--db"), db, QStringLiteral("stats"), QStringLiteral("--json")});
    REQUIRE(r.code == 0);
    const QJsonObject o = lastJsonLine(r.out).object();
    CHECK(o == QJsonObject{{QStringLiteral("messages"), 0}, {QStringLiteral("tickets"), 0},
                           {QStringLiteral("customers"), 0}, {QStringLiteral("quarantined"), 0}});
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString viaEnv = dir.filePath(QStringLiteral("env.sqlite"));
    env.insert(QStringLiteral("CASEBOOK_DB"), viaEnv);
    CHECK(cli({QStringLiteral("stats")}, env).code == 0);
    CHECK(QFile::exists(viaEnv));
}

TEST_CASE("the demo inbox from the CLI: stats, tickets --json and show", "[cli]")
{
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    const Run stats = cli({QStringLiteral("--demo"), QStringLiteral("stats"), QStringLiteral("--json")}, env);
    REQUIRE(stats.code == 0);
    const QJsonObject s = lastJsonLine(stats.out).object();
    CHECK(s.value(QStringLiteral("tickets")).toInt() >= 40);
    CHECK(s.value(QStringLiteral("messages")).toInt() > s.value(QStringLiteral("tickets")).toInt());
    CHECK(s.value(QStringLiteral("quarantined")).toInt() == 0);

    const Run tickets = cli({QStringLiteral("--demo"), QStringLiteral("tickets"), QStringLiteral("--json")}, env);
    REQUIRE(tickets.code == 0);
    const QJsonArray list = lastJsonLine(tickets.out).array();
    CHECK(list.size() == s.value(QStringLiteral("tickets")).toInt());
    int messages = 0;
    for (const QJsonValue& v : list) {
        const QJsonObject t = v.toObject();
        CHECK(t.value(QStringLiteral("number")).toInt() > 1000);
        CHECK(t.contains(QStringLiteral("subject")));
        CHECK(t.contains(QStringLiteral("customer")));
        CHECK_FALSE(t.value(QStringLiteral("channels")).toArray().isEmpty());
        for (const QJsonValue& mv : t.value(QStringLiteral("messages")).toArray()) {
            const QJsonObject m = mv.toObject();
            ++messages;
            CHECK(m.value(QStringLiteral("sha256")).toString().size() == 64);
            CHECK(QDateTime::fromString(m.value(QStringLiteral("date")).toString(), Qt::ISODate).isValid());
            const QString dir = m.value(QStringLiteral("direction")).toString();
            CHECK((dir == QLatin1String("in") || dir == QLatin1String("out") || dir == QLatin1String("note")));
        }
    }
    CHECK(messages == s.value(QStringLiteral("messages")).toInt());

    const int number = list.first().toObject().value(QStringLiteral("number")).toInt();
    const Run show = cli({QStringLiteral("--demo"), QStringLiteral("show"), QString::number(number)}, env);
    CHECK(show.code == 0);
    CHECK(show.out.startsWith(QStringLiteral("#%1").arg(number)));
}
