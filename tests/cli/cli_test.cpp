#include "cli/cli_runner.h"
#include "inbox/ingestor.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <array>
#include <catch2/catch.hpp>
#include <unistd.h>

using casebook::test::cli;
using casebook::test::Run;

namespace {

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
    CHECK(missing.code == 3); // not found
    CHECK(missing.out.isEmpty());
    CHECK(missing.err.contains(QStringLiteral("#4242")));
}

TEST_CASE("stats --json on a new database, chosen by --db or CASEBOOK_DB", "[cli]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("new.sqlite"));
    const Run r = cli({QStringLiteral("--db"), db, QStringLiteral("stats"), QStringLiteral("--json")});
    REQUIRE(r.code == 0);
    const QJsonObject o = lastJsonLine(r.out).object();
    CHECK(o == QJsonObject{{QStringLiteral("messages"), 0},
                           {QStringLiteral("tickets"), 0},
                           {QStringLiteral("customers"), 0},
                           {QStringLiteral("quarantined"), 0}});
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

    const Run tickets =
        cli({QStringLiteral("--demo"), QStringLiteral("tickets"), QStringLiteral("--json")}, env);
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
            CHECK(
                (dir == QLatin1String("in") || dir == QLatin1String("out") || dir == QLatin1String("note")));
        }
    }
    CHECK(messages == s.value(QStringLiteral("messages")).toInt());

    const int number = list.first().toObject().value(QStringLiteral("number")).toInt();
    const Run show = cli({QStringLiteral("--demo"), QStringLiteral("show"), QString::number(number)}, env);
    CHECK(show.code == 0);
    CHECK(show.out.startsWith(QStringLiteral("#%1").arg(number)));
}

namespace {

Run cliWithInput(const QStringList& args, const QByteArray& input)
{
    QProcess p;
    p.start(QStringLiteral(CASEBOOK_CLI), args);
    REQUIRE(p.waitForStarted());
    p.write(input);
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(120000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

TEST_CASE("templates list, show and render from the CLI", "[cli][templates]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("t.sqlite"));
    const Run listed = cli({QStringLiteral("--db"), db, QStringLiteral("templates"), QStringLiteral("list"),
                            QStringLiteral("--lang"), QStringLiteral("ko"), QStringLiteral("--json")});
    REQUIRE(listed.code == 0);
    const QJsonArray ko = lastJsonLine(listed.out).array();
    CHECK(ko.size() >= 16);
    for (const QJsonValue& v : ko)
        CHECK(v.toObject().value(QStringLiteral("language")).toString() == QStringLiteral("ko"));

    const Run shown = cli({QStringLiteral("--db"), db, QStringLiteral("templates"), QStringLiteral("show"),
                           QStringLiteral("en.damaged_defective")});
    CHECK(shown.code == 0);
    CHECK(shown.out.contains(QStringLiteral("{{product}}")));

    const QStringList render{QStringLiteral("--db"),
                             db,
                             QStringLiteral("templates"),
                             QStringLiteral("render"),
                             QStringLiteral("en.damaged_defective"),
                             QStringLiteral("--set"),
                             QStringLiteral("customer_name=Alex Kim")};
    const Run blocked = cli(render);
    CHECK(blocked.code == 1);
    CHECK(blocked.out.isEmpty());
    CHECK(blocked.err.contains(QStringLiteral("{{product}}")));
    CHECK(blocked.err.contains(QStringLiteral("{{seller_name}}")));
    CHECK_FALSE(blocked.err.contains(QStringLiteral("{{customer_name}}")));

    const Run done =
        cli(render + QStringList{QStringLiteral("--set"), QStringLiteral("product=Desk Lamp"),
                                 QStringLiteral("--set"), QStringLiteral("seller_name=Maple Goods")});
    REQUIRE(done.code == 0);
    CHECK(done.out.startsWith(QStringLiteral("Hi Alex Kim,")));
    CHECK(done.out.contains(QStringLiteral("your Desk Lamp arrived")));
    CHECK(done.out.contains(QStringLiteral("Maple Goods")));
    CHECK_FALSE(done.out.contains(QStringLiteral("{{")));

    const Run noTicket = cli(render + QStringList{QStringLiteral("--ticket"), QStringLiteral("4242")});
    CHECK(noTicket.code == 3);
    CHECK(noTicket.err.contains(QStringLiteral("#4242")));
    const Run unknown = cli({QStringLiteral("--db"), db, QStringLiteral("templates"), QStringLiteral("show"),
                             QStringLiteral("nope")});
    CHECK(unknown.code == 3);
    CHECK(unknown.err.contains(QStringLiteral("nope")));
}

TEST_CASE("templates render --ticket fills placeholders from the ticket", "[cli][templates]")
{
    using namespace casebook;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.sqlite"));
    int number = 0;
    {
        // A marketplace inquiry written through the real ingest path, then the database is closed.
        FixedClock clock(QDateTime(QDate(2026, 11, 23), QTime(9, 0), QTimeZone::utc()));
        auto db = Database::open(path, clock);
        REQUIRE(db.ok());
        Ingestor ingestor(*db.value(), {});
        InboundMessage m;
        m.channel = Channel::Naver;
        m.raw = "{\"inquiryNo\": 5}";
        m.rawSha256 = QStringLiteral("b").repeated(64);
        m.externalId = QStringLiteral("naver:inquiry:5");
        m.threadKey = m.externalId;
        m.fromName = QStringLiteral("이서준");
        m.customerName = m.fromName;
        m.subject = QStringLiteral("사은품 문의");
        m.text = QStringLiteral("사은품은 언제 오나요?");
        m.date = clock.now();
        m.orderNumbers = {QStringLiteral("2026112355501")};
        m.customer = Identity{QStringLiteral("naver"), QStringLiteral("seojun")};
        auto in = ingestor.ingest(m);
        REQUIRE(in.ok());
        number = ticket_queries::ticketsByIds(db.value()->reader(), {in->ticketId}).first().number;
    }
    const Run r =
        cli({QStringLiteral("--db"), path, QStringLiteral("templates"), QStringLiteral("render"),
             QStringLiteral("ko.free_gift_declined"), QStringLiteral("--ticket"), QString::number(number),
             QStringLiteral("--set"), QStringLiteral("seller_name=데모상점"), QStringLiteral("--set"),
             QStringLiteral("promotion=11월 첫 주 행사"), QStringLiteral("--plain")});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    CHECK(r.out.startsWith(QStringLiteral("안녕하세요, 이서준 고객님. 데모상점입니다.")));
    CHECK(r.out.contains(QStringLiteral("11월 첫 주 행사 기간")));
    CHECK_FALSE(r.out.contains(QStringLiteral("드림"))); // the board variant has no signature

    const Run order = cli({QStringLiteral("--db"), path, QStringLiteral("templates"),
                           QStringLiteral("render"), QStringLiteral("en.acknowledgement"),
                           QStringLiteral("--ticket"), QStringLiteral("#") + QString::number(number),
                           QStringLiteral("--set"), QStringLiteral("seller_name=Demo Shop")});
    REQUIRE(order.code == 0);
    CHECK(order.out.contains(QStringLiteral("order 2026112355501")));
}

TEST_CASE("templates export, import, delete and restore through the CLI", "[cli][templates]")
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.sqlite"));
    const QString b = dir.filePath(QStringLiteral("b.sqlite"));
    const QString file = dir.filePath(QStringLiteral("mine.json"));
    const Run dup = cli({QStringLiteral("--db"), a, QStringLiteral("templates"), QStringLiteral("duplicate"),
                         QStringLiteral("en.acknowledgement"), QStringLiteral("my-ack")});
    REQUIRE(dup.code == 0);
    CHECK(cli({QStringLiteral("--db"), a, QStringLiteral("templates"), QStringLiteral("export"), file,
               QStringLiteral("my-ack")})
              .code == 0);
    const Run imported =
        cli({QStringLiteral("--db"), b, QStringLiteral("templates"), QStringLiteral("import"), file});
    CHECK(imported.code == 0);
    CHECK(cli({QStringLiteral("--db"), b, QStringLiteral("templates"), QStringLiteral("show"),
               QStringLiteral("my-ack")})
              .code == 0);
    CHECK(cli({QStringLiteral("--db"), b, QStringLiteral("templates"), QStringLiteral("delete"),
               QStringLiteral("en.size_fit")})
              .code == 0);
    CHECK(cli({QStringLiteral("--db"), b, QStringLiteral("templates"), QStringLiteral("show"),
               QStringLiteral("en.size_fit")})
              .code == 3);
    CHECK(cli({QStringLiteral("--db"), b, QStringLiteral("templates"), QStringLiteral("restore")}).code == 0);
    CHECK(cli({QStringLiteral("--db"), b, QStringLiteral("templates"), QStringLiteral("show"),
               QStringLiteral("en.size_fit")})
              .code == 0);
}

TEST_CASE("tone-check --json reports spans in code points", "[cli][tone]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("reply.txt"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("🙂 고객님 잘못입니다. 내일 무조건 도착합니다.").toUtf8());
    f.close();
    const Run r = cli({QStringLiteral("tone-check"), QStringLiteral("--lang"), QStringLiteral("auto"),
                       QStringLiteral("--json"), path});
    REQUIRE(r.code == 1); // found something: 1, as linters do
    const QJsonArray findings = lastJsonLine(r.out).object().value(QStringLiteral("findings")).toArray();
    REQUIRE(findings.size() == 2);
    const QJsonObject blame = findings.at(0).toObject();
    CHECK(blame.value(QStringLiteral("category")).toString() == QStringLiteral("blame"));
    CHECK(blame.value(QStringLiteral("start")).toInt() == 2);
    CHECK(blame.value(QStringLiteral("text")).toString() == QStringLiteral("고객님 잘못"));
    CHECK(blame.value(QStringLiteral("end")).toInt() == 8);
    for (const char* key : {"reason", "suggestion", "rewrite"})
        CHECK_FALSE(blame.value(QLatin1String(key)).toString().isEmpty());
    CHECK(blame.value(QStringLiteral("sentence_start")).toInt() == 0); // the emoji opens the sentence
    CHECK(findings.at(1).toObject().value(QStringLiteral("category")).toString() ==
          QStringLiteral("date_promise"));

    const Run clean =
        cliWithInput({QStringLiteral("tone-check"), QStringLiteral("--json"), QStringLiteral("-")},
                     "Thank you for your patience; we'll reply by 5 pm today.");
    REQUIRE(clean.code == 0);
    CHECK(lastJsonLine(clean.out).object().value(QStringLiteral("findings")).toArray().isEmpty());
    // The text output gates the same way.
    CHECK(cli({QStringLiteral("tone-check"), path}).code == 1);
    CHECK(cliWithInput({QStringLiteral("tone-check"), QStringLiteral("-")}, "Thank you for waiting.").code == 0);
    CHECK(cli({QStringLiteral("tone-check"), QStringLiteral("--lang"), QStringLiteral("fr"), path}).code ==
          2);
    CHECK(cli({QStringLiteral("tone-check"), QStringLiteral("--ticket"), QStringLiteral("1"), path}).code ==
          2);
}

TEST_CASE("tone-check --jsonl answers one line per input line, in order", "[cli][tone]")
{
    const QByteArray input = "{\"text\":\"Leave a 5-star review and get a $5 coupon.\",\"lang\":\"en\"}\n"
                             "{\"text\":\"감사합니다. 오늘 보내 드리겠습니다.\",\"lang\":\"ko\"}\n"
                             "not json\n"
                             "{\"text\":\"ㅋㅋ 몰랐어\"}\n";
    const Run r = cliWithInput({QStringLiteral("tone-check"), QStringLiteral("--jsonl")}, input);
    REQUIRE(r.code == 0);
    const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
    REQUIRE(lines.size() == 4);
    auto categories = [&](int i) {
        QStringList out;
        const QJsonObject o = QJsonDocument::fromJson(lines.at(i).toUtf8()).object();
        for (const QJsonValue& f : o.value(QStringLiteral("findings")).toArray())
            out << f.toObject().value(QStringLiteral("category")).toString();
        return out;
    };
    CHECK(categories(0) == QStringList{QStringLiteral("policy")});
    CHECK(categories(1).isEmpty());
    CHECK(QJsonDocument::fromJson(lines.at(2).toUtf8()).object().contains(QStringLiteral("error")));
    CHECK(categories(3) == QStringList{QStringLiteral("informal"), QStringLiteral("informal")});
}

// Under cron, a service or a container XDG_RUNTIME_DIR is unset, and Qt's platform start-up then warned on
// stderr before every command's own output; scripts that read stderr took it for an error.
TEST_CASE("without XDG_RUNTIME_DIR the CLI writes nothing to stderr but its own words", "[cli]")
{
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // as cron starts it: the CLI picks its platform itself
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("TMPDIR"), home.path()); // the private runtime folder lands here
    const QString db = home.filePath(QStringLiteral("x.sqlite"));
    // stats and templates start the GUI application object (--demo as well); search runs without Qt.
    for (const QStringList& args :
         {QStringList{QStringLiteral("--demo"), QStringLiteral("stats"), QStringLiteral("--json")},
          QStringList{QStringLiteral("--db"), db, QStringLiteral("stats")},
          QStringList{QStringLiteral("--db"), db, QStringLiteral("templates"), QStringLiteral("list")},
          QStringList{QStringLiteral("--db"), db, QStringLiteral("quarantine")},
          QStringList{QStringLiteral("--db"), db, QStringLiteral("search"), QStringLiteral("환불")}}) {
        INFO(args.join(QLatin1Char(' ')).toStdString());
        const Run r = cli(args, env);
        CHECK(r.code == 0);
        CHECK(r.err.toStdString() == "");
    }
    // The folder it made is private to this user.
    const QString runtime = home.filePath(QStringLiteral("casebook-runtime-%1").arg(::getuid()));
    REQUIRE(QFileInfo(runtime).isDir());
    CHECK(QFileInfo(runtime).permissions() == (QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                               QFile::ReadUser | QFile::WriteUser | QFile::ExeUser));
    // An XDG_RUNTIME_DIR that is set is left as it is.
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("given")));
    QDir().mkpath(home.filePath(QStringLiteral("given")));
    QFile::setPermissions(home.filePath(QStringLiteral("given")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QDir(runtime).removeRecursively();
    const Run given = cli({QStringLiteral("--db"), db, QStringLiteral("stats")}, env);
    CHECK(given.code == 0);
    CHECK(given.err.toStdString() == "");
    CHECK_FALSE(QFileInfo::exists(runtime));
}

// Two or three processes opening one new database at once: setting up the schema (user_version read in the
// write transaction) and switching the new file to WAL (SQLite answers one of them "database is locked" at
// once, without waiting: store/database.cpp waits for the other) must both hold.
TEST_CASE("two processes opening one new database at once both succeed", "[cli][store][hostile]")
{
    for (int round = 0; round < 10; ++round) {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("new.sqlite"));
        const QStringList args{QStringLiteral("--db"), db, QStringLiteral("stats")};
        std::array<QProcess, 3> processes;
        const int count = round % 2 == 0 ? 2 : 3;
        for (int i = 0; i < count; ++i)
            processes[i].start(QStringLiteral(CASEBOOK_CLI_FULL), args);
        for (int i = 0; i < count; ++i) {
            REQUIRE(processes[i].waitForFinished(60000));
            INFO("round " << round << ", process " << i << ": "
                          << processes[i].readAllStandardError().toStdString());
            CHECK(processes[i].exitCode() == 0);
        }
    }
}
