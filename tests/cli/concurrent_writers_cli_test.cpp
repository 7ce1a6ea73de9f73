// The window and casebook-cli writing one database at once (issue 19, "Faults"). The window's side is the
// core code its panes and workers call, on a Database held open for the whole test as the window holds it:
// notes (composer), status and priority (ticket actions), evidence (evidence pane), replies queued (the
// reply service) and flushed (the outbox worker's sender). The CLI's side is real processes, several at
// a time: a Coupang sync, two imports of one Maildir, evidence add, ticket changes, replies, outbox
// flushes. Nothing may fail for the lock (the busy timeout waits for the other writer), nothing is lost or
// doubled, every inquiry is answered exactly once, and the window reads what the CLI wrote.
#include "cli/cli_runner.h"
#include "compose/note_writer.h"
#include "compose/reply_service.h"
#include "connectors/outbox_sender.h"
#include "coupang_fixture.h"
#include "evidence/evidence_locker.h"
#include "inbox/ingestor.h"
#include "inbox/ticket_actions.h"
#include "store/ticket_queries.h"
#include "support/memory_secrets.h"
#include "support/test_support.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <SQLiteCpp/Database.h>

#include <deque>
#include <memory>

using namespace casebook;
using namespace casebook::test;

namespace {

const QString kAnswer = QStringLiteral("문의 주셔서 감사합니다. 해당 상품은 현재 재고가 있습니다. (%1)");

// CLI commands run at most `parallel` at a time, each started as the one before ends, while the test
// thread does the window's work between polls.
class CliRunner {
public:
    CliRunner(QString db, int parallel) : m_db(std::move(db)), m_parallel(parallel) {}
    void add(const QStringList& args) { m_waiting.push_back(args); }
    // Starts what may start; false once everything has run.
    bool poll()
    {
        QCoreApplication::processEvents();
        for (auto it = m_running.begin(); it != m_running.end();) {
            QProcess& p = *it->first;
            if (p.state() == QProcess::NotRunning) {
                p.waitForFinished(0);
                m_done.push_back({it->second, {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                                               QString::fromUtf8(p.readAllStandardOutput()),
                                               QString::fromUtf8(p.readAllStandardError())}});
                it = m_running.erase(it);
            } else {
                ++it;
            }
        }
        while (static_cast<int>(m_running.size()) < m_parallel && !m_waiting.empty()) {
            auto p = std::make_unique<QProcess>();
            p->start(QStringLiteral(CASEBOOK_CLI), QStringList{QStringLiteral("--db"), m_db} + m_waiting.front());
            REQUIRE(p->waitForStarted());
            m_running.emplace_back(std::move(p), m_waiting.front());
            m_waiting.pop_front();
        }
        return !m_running.empty() || !m_waiting.empty();
    }
    // Every command's exit 0, with nothing said about a lock.
    void checkAllSucceeded() const
    {
        for (const auto& [args, run] : m_done) {
            INFO(args.join(QLatin1Char(' ')).toStdString() << ": " << run.out.toStdString()
                                                           << run.err.toStdString());
            CHECK(run.code == 0);
            CHECK_FALSE(run.err.contains(QStringLiteral("locked"), Qt::CaseInsensitive));
            CHECK_FALSE(run.err.contains(QStringLiteral("busy"), Qt::CaseInsensitive));
        }
    }
    // The last JSON line of each finished run of a command starting with `first`, `second`.
    QList<QJsonObject> json(const QString& first, const QString& second) const
    {
        QList<QJsonObject> out;
        for (const auto& [args, run] : m_done)
            if (args.value(0) == first && args.value(1) == second)
                out << QJsonDocument::fromJson(run.out.trimmed().split(QLatin1Char('\n')).last().toUtf8()).object();
        return out;
    }
    int finished() const { return static_cast<int>(m_done.size()); }

private:
    QString m_db;
    int m_parallel;
    std::deque<QStringList> m_waiting;
    std::vector<std::pair<std::unique_ptr<QProcess>, QStringList>> m_running;
    std::vector<std::pair<QStringList, Run>> m_done;
};

// 200 customer mails in a Maildir's cur/.
QString writeMaildir(const QTemporaryDir& dir)
{
    const QString root = dir.filePath(QStringLiteral("Maildir"));
    for (const char* sub : {"cur", "new", "tmp"})
        REQUIRE(QDir().mkpath(root + QLatin1Char('/') + QLatin1String(sub)));
    for (int i = 0; i < 200; ++i) {
        QFile f(root + QStringLiteral("/cur/1700000000.M%1P1.test:2,").arg(i));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("From: buyer" + QByteArray::number(i % 40) + "@example.test\r\nTo: help@dalbit-shop.example\r\n"
                "Subject: parcel " + QByteArray::number(i) + "\r\nMessage-ID: <conc" + QByteArray::number(i) +
                "@example.test>\r\nDate: Tue, 3 Mar 2026 09:00:00 +0900\r\n\r\n" +
                QByteArray("Has my parcel left? ").repeated(100) + "\r\n");
    }
    return root;
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

} // namespace

TEST_CASE("the window and casebook-cli write one database at once: nothing fails for the lock, nothing is lost "
          "or doubled, each inquiry is answered once, and the window sees the CLI's changes",
          "[cli][concurrent][coupang]")
{
    FakeMarketplace server(coupangConfig());
    QTemporaryDir dir;
    const QString dbPath = dir.filePath(QStringLiteral("casebook.sqlite"));
    const QString maildir = writeMaildir(dir);

    // The window: the database open from start to end, one mail in it.
    SystemClock clock;
    auto opened = Database::open(dbPath, clock);
    REQUIRE(opened);
    Database& db = *opened.value();
    Ingestor ingestor(db, IngestOptions{{QStringLiteral("help@dalbit-shop.example")}});
    REQUIRE(ingestor.ingestMail(readFile(testData(QStringLiteral("mail/utf8-base64.eml"))), QStringLiteral("test"),
                                {}));
    const qint64 seed = db.reader().execAndGet("SELECT id FROM tickets").getInt64();
    const QString seedNumber =
        QString::number(db.reader().execAndGet("SELECT number FROM tickets").getInt());
    MemorySecrets secrets;
    REQUIRE(cli({QStringLiteral("--db"), dbPath, QStringLiteral("account"), QStringLiteral("add"),
                 QStringLiteral("coupang"), QStringLiteral("shop"), QStringLiteral("--vendor-id"),
                 QStringLiteral("A00012345"), QStringLiteral("--access-key"), QStringLiteral("ak-test"),
                 QStringLiteral("--wing-user"), QStringLiteral("wing-kim"), QStringLiteral("--base-url"),
                 server.baseUrl(), QStringLiteral("--secret-command"), QStringLiteral("echo sk-test")})
                .code == 0);

    // What the window does between polls, round by round; each of its writes must succeed.
    int notes = 0;
    int evidence = 0;
    QStringList windowErrors;
    const auto windowRound = [&](int round) {
        const auto record = [&](const Error& e) { windowErrors << e.message; };
        switch (round % 4) {
        case 0:
            if (auto n = NoteWriter(db).add(seed, QStringLiteral("window note %1").arg(round)); n)
                ++notes;
            else
                record(n.error());
            break;
        case 1:
            if (auto r = TicketActions(db).setPriority(seed, round % 3); !r)
                record(r.error());
            break;
        case 2:
            if (auto r = TicketActions(db).setStatus(seed, round % 8 == 2 ? TicketStatus::Open
                                                                          : TicketStatus::Waiting);
                !r)
                record(r.error());
            break;
        default:
            if (evidence < 8) {
                const QString file = writeFile(dir, QStringLiteral("photo-%1.jpg").arg(round),
                                               "window evidence " + QByteArray::number(round));
                if (auto e = EvidenceLocker(db).add({seed, file, {}, {}, QStringLiteral("file")}); e)
                    ++evidence;
                else
                    record(e.error());
            }
        }
        // The list the window shows, read on its own connection while the CLI writes.
        CHECK_FALSE(ticket_queries::tickets(db.reader(), {}).isEmpty());
    };

    // Phase 1: the CLI syncs Coupang, imports one Maildir twice at once, adds evidence and changes the
    // seed ticket, while the window writes notes, status, priority and evidence.
    const QString cliEvidence = writeFile(dir, QStringLiteral("receipt.pdf"), "cli evidence");
    CliRunner first(dbPath, 3);
    first.add({QStringLiteral("sync"), QStringLiteral("shop"), QStringLiteral("--json")});
    first.add({QStringLiteral("import"), QStringLiteral("maildir"), maildir, QStringLiteral("--json")});
    first.add({QStringLiteral("import"), QStringLiteral("maildir"), maildir, QStringLiteral("--json")});
    first.add({QStringLiteral("evidence"), QStringLiteral("add"), seedNumber, cliEvidence});
    first.add({QStringLiteral("ticket"), seedNumber, QStringLiteral("--summary"), QStringLiteral("CLI summary"),
               QStringLiteral("--category"), QStringLiteral("shipping")});
    int round = 0;
    while (first.poll()) {
        windowRound(round++);
        QThread::msleep(10);
    }
    first.checkAllSucceeded();
    CHECK(windowErrors.isEmpty());
    CHECK(notes > 0); // the window wrote while the CLI did
    CHECK(evidence > 0);
    INFO(windowErrors.join(QLatin1Char('\n')).toStdString());

    const QList<QJsonObject> imports = first.json(QStringLiteral("import"), QStringLiteral("maildir"));
    REQUIRE(imports.size() == 2);
    CHECK(imports[0][QStringLiteral("imported")].toInt() + imports[1][QStringLiteral("imported")].toInt() == 200);
    const QList<QJsonObject> synced = first.json(QStringLiteral("sync"), QStringLiteral("shop"));
    REQUIRE(synced.size() == 1);
    const int coupang = synced[0][QStringLiteral("imported")].toInt();
    CHECK(coupang > 90);

    // The window reads what the CLI wrote, on the connection it has had open all along.
    SQLite::Database& reader = db.reader();
    // Every mail and inquiry once (the sync's count holds the two answers Coupang already had).
    CHECK(reader.execAndGet("SELECT count(*) FROM messages WHERE direction <> 'note'").getInt() ==
          1 + 200 + coupang);
    CHECK(reader.execAndGet("SELECT count(*) - count(DISTINCT external_id) FROM messages "
                            "WHERE direction <> 'note'")
              .getInt() == 0);
    CHECK(reader.execAndGet("SELECT count(*) FROM messages WHERE direction = 'note'").getInt() == notes);
    CHECK(reader.execAndGet("SELECT count(*) FROM evidence").getInt() == evidence + 1);
    CHECK(reader.execAndGet("SELECT count(*) FROM custody_log WHERE action = 'added'").getInt() == evidence + 1);
    const auto seedSummary = ticket_queries::ticketByNumber(reader, seedNumber.toInt());
    REQUIRE(seedSummary);
    CHECK(seedSummary->category == Category::Shipping);
    CHECK(ticket_queries::tickets(reader, {}).size() ==
          QJsonDocument::fromJson(cli({QStringLiteral("--db"), dbPath, QStringLiteral("tickets"),
                                       QStringLiteral("--json")})
                                      .out.toUtf8())
              .array()
              .size());

    // Phase 2: six inquiries answered from the CLI, six from the window; the CLI flushes and resolves
    // tickets while the window queues and flushes through its own sender.
    const auto numberOf = [&](int inquiry) {
        const auto id = ticket_queries::ticketOfExternalId(reader, QStringLiteral("coupang:online:%1").arg(inquiry));
        REQUIRE(id);
        return *id;
    };
    CliRunner second(dbPath, 3);
    QList<int> resolvedByCli;
    for (int i = 0; i < 6; ++i) {
        const qint64 ticket = numberOf(1001 + i);
        const int number = reader.execAndGet("SELECT number FROM tickets WHERE id = " + std::to_string(ticket)).getInt();
        second.add({QStringLiteral("reply"), QString::number(number), QStringLiteral("--text-file"),
                    writeFile(dir, QStringLiteral("cli-answer-%1.txt").arg(i), kAnswer.arg(i).toUtf8())});
        if (i % 2 == 1)
            second.add({QStringLiteral("outbox"), QStringLiteral("flush")});
        const qint64 other = numberOf(1020 + i);
        const int otherNumber =
            reader.execAndGet("SELECT number FROM tickets WHERE id = " + std::to_string(other)).getInt();
        second.add({QStringLiteral("ticket"), QString::number(otherNumber), QStringLiteral("--status"),
                    QStringLiteral("resolved")});
        resolvedByCli << otherNumber;
    }
    ReplyService replies(db, ReplyService::connectorsFrom(db, secrets));
    int queuedByWindow = 0;
    round = 0;
    while (second.poll()) {
        if (queuedByWindow < 6) {
            auto q = replies.queue({numberOf(1010 + queuedByWindow), kAnswer.arg(10 + queuedByWindow)});
            if (q && q->queued())
                ++queuedByWindow;
            else
                windowErrors << (q ? QStringLiteral("not queued") : q.error().message);
        } else if (round % 3 == 0) {
            // The outbox worker's flush, as the window runs it on its worker thread.
            if (auto f = OutboxSender(db, secrets).flush(); !f)
                windowErrors << f.error().message;
        } else {
            windowRound(round);
        }
        ++round;
        QThread::msleep(10);
    }
    second.checkAllSucceeded();
    CHECK(windowErrors.isEmpty());
    CHECK(queuedByWindow == 6);

    // What is left goes out with one more flush; each inquiry was answered exactly once.
    const Run last = cli({QStringLiteral("--db"), dbPath, QStringLiteral("outbox"), QStringLiteral("flush")});
    INFO(last.out.toStdString() << last.err.toStdString());
    CHECK(last.code == 0);
    QHash<QString, int> answers;
    for (const QJsonValue& p : server.posted())
        ++answers[p[QStringLiteral("path")].toString()];
    CHECK(answers.size() == 12);
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        INFO(it.key().toStdString());
        CHECK(it.value() == 1);
    }
    CHECK(server.violations().isEmpty());
    CHECK(reader.execAndGet("SELECT count(*) FROM outbox WHERE state = 'sent'").getInt() == 12);
    CHECK(reader.execAndGet("SELECT count(*) FROM outbox").getInt() == 12);
    for (int number : resolvedByCli) {
        const auto t = ticket_queries::ticketByNumber(reader, number);
        REQUIRE(t);
        CHECK(t->status == TicketStatus::Resolved);
    }
    CHECK(reader.execAndGet("SELECT count(*) FROM messages WHERE direction = 'note'").getInt() == notes);
    CHECK(reader.execAndGet("PRAGMA integrity_check").getString() == "ok");
}
