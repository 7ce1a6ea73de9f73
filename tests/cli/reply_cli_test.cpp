// `reply` through the reply service, as a seller would run it against the fake Coupang: what the window
// stops, the CLI refuses (findings named, exit 1, nothing queued) unless --override-tone says why.
#include "cli/cli_runner.h"
#include "coupang_fixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

using namespace casebook::test;

namespace {

const QString kThreat = QStringLiteral("리뷰 당장 삭제하세요. 안 지우시면 고소하겠습니다.");
const QString kPolite = QStringLiteral("문의 주셔서 감사합니다. 해당 상품은 현재 재고가 있습니다.");

struct ReplyShop {
    FakeMarketplace server{coupangConfig()};
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("r.sqlite"));
    QHash<QString, int> tickets; // message id → ticket number

    ReplyShop()
    {
        const Run added =
            run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("coupang"),
                 QStringLiteral("shop"), QStringLiteral("--vendor-id"), QStringLiteral("A00012345"),
                 QStringLiteral("--access-key"), QStringLiteral("ak-test"), QStringLiteral("--wing-user"),
                 QStringLiteral("wing-kim"), QStringLiteral("--base-url"), server.baseUrl(),
                 QStringLiteral("--secret-command"), QStringLiteral("echo sk-test")});
        REQUIRE(added.code == 0);
        const Run synced = run({QStringLiteral("sync"), QStringLiteral("shop")});
        INFO(synced.err.toStdString());
        REQUIRE(synced.code == 0);
        const Run list = run({QStringLiteral("tickets"), QStringLiteral("--json")});
        REQUIRE(list.code == 0);
        for (const QJsonValue& t : QJsonDocument::fromJson(list.out.toUtf8()).array())
            for (const QJsonValue& m : t[QStringLiteral("messages")].toArray())
                tickets.insert(m[QStringLiteral("message_id")].toString(),
                               t[QStringLiteral("number")].toInt());
    }

    Run run(const QStringList& args) const { return cli(QStringList{QStringLiteral("--db"), db} + args); }

    QString file(const QString& text) const
    {
        static int n = 0;
        const QString path = dir.filePath(QStringLiteral("reply-%1.txt").arg(++n));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(text.toUtf8());
        return path;
    }

    Run reply(const QString& inquiry, const QString& text, const QStringList& extra = {}) const
    {
        const int number = tickets.value(inquiry);
        REQUIRE(number > 0);
        return run(QStringList{QStringLiteral("reply"), QString::number(number),
                               QStringLiteral("--text-file"), file(text)} +
                   extra);
    }

    QJsonArray outbox() const
    {
        const Run r = run({QStringLiteral("outbox"), QStringLiteral("--json")});
        REQUIRE(r.code == 0);
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }
};

} // namespace

TEST_CASE("CLI reply: the threatening reply is refused with its findings and nothing queued; a polite one "
          "is queued",
          "[cli][reply][coupang]")
{
    ReplyShop s;
    const Run refused = s.reply(QStringLiteral("coupang:online:1000"), kThreat, {QStringLiteral("--send")});
    INFO(refused.out.toStdString() << refused.err.toStdString());
    CHECK(refused.code == 1);
    CHECK(refused.out.isEmpty());
    // Each finding named: category, span in code points, passage, reason, suggestion.
    CHECK(refused.err.contains(QStringLiteral("threat [")));
    CHECK(refused.err.contains(QStringLiteral("policy [")));
    CHECK(refused.err.contains(QStringLiteral("Instead:")));
    CHECK(refused.err.contains(QStringLiteral("--override-tone")));
    CHECK(s.outbox().isEmpty());
    CHECK(s.server.posted().isEmpty());

    const Run queued = s.reply(QStringLiteral("coupang:online:1000"), kPolite);
    INFO(queued.err.toStdString());
    REQUIRE(queued.code == 0);
    CHECK(queued.out.contains(QStringLiteral("queued reply")));
    CHECK(queued.out.contains(QStringLiteral("via shop")));
    const QJsonArray items = s.outbox();
    REQUIRE(items.size() == 1);
    CHECK(items[0][QStringLiteral("state")].toString() == QStringLiteral("queued"));
    CHECK(items[0][QStringLiteral("channel")].toString() == QStringLiteral("coupang"));
}

TEST_CASE("CLI reply --dry-run prints the check, as text or JSON, and queues nothing",
          "[cli][reply][coupang]")
{
    ReplyShop s;
    const Run text = s.reply(QStringLiteral("coupang:online:1001"), kThreat, {QStringLiteral("--dry-run")});
    CHECK(text.code == 1); // it would not be queued
    CHECK(text.out.contains(QStringLiteral("verdict: blocked")));
    CHECK(text.out.contains(QStringLiteral("answered by account shop")));
    CHECK(text.out.contains(QStringLiteral("would not queue")));
    CHECK(text.out.contains(kThreat));

    const Run json = s.reply(QStringLiteral("coupang:online:1001"), kThreat,
                             {QStringLiteral("--dry-run"), QStringLiteral("--json")});
    CHECK(json.code == 1);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    CHECK(o.value(QStringLiteral("verdict")).toString() == QStringLiteral("blocked"));
    CHECK(o.value(QStringLiteral("channel")).toString() == QStringLiteral("coupang"));
    CHECK(o.value(QStringLiteral("account")).toString() == QStringLiteral("shop"));
    CHECK(o.value(QStringLiteral("length")).toInt() == int(kThreat.toUcs4().size()));
    CHECK(o.value(QStringLiteral("max_length")).toInt() == 1000);
    CHECK(o.value(QStringLiteral("length_unit")).toString() == QStringLiteral("code_points"));
    CHECK_FALSE(o.value(QStringLiteral("would_queue")).toBool());
    const QJsonArray findings = o.value(QStringLiteral("findings")).toArray();
    REQUIRE_FALSE(findings.isEmpty());
    for (const QJsonValue& f : findings) {
        for (const char* key : {"category", "text", "reason"})
            CHECK_FALSE(f[QLatin1String(key)].toString().isEmpty());
        CHECK(f[QStringLiteral("end")].toInt() > f[QStringLiteral("start")].toInt());
    }

    const Run clean = s.reply(QStringLiteral("coupang:online:1001"), kPolite,
                              {QStringLiteral("--dry-run"), QStringLiteral("--json")});
    CHECK(clean.code == 0);
    const QJsonObject c = QJsonDocument::fromJson(clean.out.toUtf8()).object();
    CHECK(c.value(QStringLiteral("verdict")).toString() == QStringLiteral("send"));
    CHECK(c.value(QStringLiteral("would_queue")).toBool());
    CHECK(s.outbox().isEmpty());
}

TEST_CASE("CLI reply --override-tone queues the flagged reply and keeps the reason in the ticket's history",
          "[cli][reply][coupang]")
{
    ReplyShop s;
    const QString reason = QStringLiteral("The buyer asked us to state our legal position.");
    const Run blank = s.reply(QStringLiteral("coupang:online:1002"), kThreat,
                              {QStringLiteral("--override-tone"), QString()});
    CHECK(blank.code != 0);
    CHECK(s.outbox().isEmpty());

    const Run sent = s.reply(QStringLiteral("coupang:online:1002"), kThreat,
                             {QStringLiteral("--override-tone"), reason, QStringLiteral("--send")});
    INFO(sent.out.toStdString() << sent.err.toStdString());
    REQUIRE(sent.code == 0);
    CHECK(sent.out.contains(QStringLiteral("sent 1")));
    CHECK(sent.err.contains(QStringLiteral("history")));
    REQUIRE(s.server.posted().size() == 1);

    SQLite::Database db(s.db.toStdString(), SQLite::OPEN_READONLY);
    SQLite::Statement st(db, "SELECT e.detail FROM events e JOIN tickets t ON t.id = e.ticket_id "
                             "WHERE t.number = ? AND e.kind = 'tone_override'");
    st.bind(1, s.tickets.value(QStringLiteral("coupang:online:1002")));
    REQUIRE(st.executeStep());
    const QJsonObject detail =
        QJsonDocument::fromJson(QByteArray::fromStdString(st.getColumn(0).getString())).object();
    CHECK(detail.value(QStringLiteral("reason")).toString() == reason);
    CHECK(detail.value(QStringLiteral("verdict")).toString() == QStringLiteral("blocked"));
    CHECK_FALSE(detail.value(QStringLiteral("findings")).toArray().isEmpty());
}

// Four answers of the same words: their stored copies differ (each names its inquiry), and a send the kill
// interrupted is settled by asking Coupang whether it holds the answer, so the last flush sends the rest.
TEST_CASE("kill -9 during outbox flush: the database stays whole, no reply reaches the marketplace twice, and "
          "the next flush sends the rest",
          "[cli][reply][coupang][kill]")
{
    ReplyShop s;
    const QStringList inquiries{QStringLiteral("coupang:online:1001"), QStringLiteral("coupang:online:1003"),
                                QStringLiteral("coupang:online:1004"), QStringLiteral("coupang:online:1005")};
    for (const QString& inquiry : inquiries)
        REQUIRE(s.reply(inquiry, kPolite).code == 0);
    REQUIRE(s.outbox().size() == inquiries.size());

    // How often each inquiry was answered on the marketplace.
    const auto answers = [&s] {
        QHash<QString, int> n;
        for (const QJsonValue& p : s.server.posted())
            ++n[p[QStringLiteral("path")].toString()];
        return n;
    };
    // Killed at delays from before the database is open to after the last post; every check holds at
    // whatever point the kill lands.
    for (int point : {0, 5, 15, 30, 60, 120, 250}) {
        INFO("killed after " << point << " ms");
        killAfter({QStringLiteral("--db"), s.db, QStringLiteral("outbox"), QStringLiteral("flush")}, point);
        SQLite::Database db(s.db.toStdString(), SQLite::OPEN_READONLY);
        CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
        const QHash<QString, int> sent = answers();
        for (auto it = sent.begin(); it != sent.end(); ++it) {
            INFO(it.key().toStdString());
            CHECK(it.value() == 1);
        }
    }
    const Run flushed = s.run({QStringLiteral("outbox"), QStringLiteral("flush")});
    INFO(flushed.out.toStdString() << flushed.err.toStdString());
    CHECK(flushed.code == 0);
    const QHash<QString, int> sent = answers();
    CHECK(sent.size() == inquiries.size());
    for (auto it = sent.begin(); it != sent.end(); ++it) {
        INFO(it.key().toStdString());
        CHECK(it.value() == 1);
    }
}
