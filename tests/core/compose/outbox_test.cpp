#include "compose/outbox.h"
#include "inbox/ingestor.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <QJsonArray>
#include <QProcess>
#include <catch2/catch.hpp>

using namespace casebook;

namespace {

// A transport that answers from a script and remembers what it was given.
struct ScriptedTransport : OutboxTransport {
    QList<SendOutcome> answers;
    QList<qint64> seen;
    SendOutcome send(const OutboxItem& item) override
    {
        seen << item.id;
        return answers.isEmpty() ? SendOutcome::sent() : answers.takeFirst();
    }
};

struct Fixture {
    test::TempStore store;
    Outbox outbox{*store.db};
    qint64 ticketId = 0;

    Fixture()
    {
        Ingestor ingestor(*store.db, IngestOptions{{QStringLiteral("help@shop.example")}});
        const QByteArray raw = "From: Kim <kim@x.example>\nTo: help@shop.example\nSubject: 배송 문의\n"
                               "Date: Mon, 02 Mar 2026 09:00:00 +0900\nMessage-ID: <q1@x.example>\n"
                               "Content-Type: text/plain; charset=UTF-8\n\n언제 오나요?\n";
        auto r = ingestor.ingestMail(raw, QStringLiteral("test"), {});
        REQUIRE(r);
        ticketId = r->ticketId;
    }

    qint64 enqueue(const QString& body = QStringLiteral("안녕하세요, 확인 후 안내드리겠습니다."))
    {
        OutboxDraft d;
        d.ticketId = ticketId;
        d.channel = Channel::Email;
        d.subject = QStringLiteral("Re: 배송 문의 [#1]");
        d.body = body;
        d.raw = ("Subject: Re\n\n" + body).toUtf8();
        d.externalId = QStringLiteral("r1@shop.example");
        d.target = {{QStringLiteral("to"), QJsonArray{QStringLiteral("kim@x.example")}},
                    {QStringLiteral("in_reply_to"), QStringLiteral("q1@x.example")}};
        auto id = outbox.enqueue(d);
        REQUIRE(id);
        return id.value();
    }

    OutboxItem item(qint64 id)
    {
        auto it = outbox.item(id);
        REQUIRE(it);
        return it.value();
    }
    TicketSummary ticket()
    {
        const auto t = ticket_queries::ticketsByIds(store.db->reader(), {ticketId});
        REQUIRE(t.size() == 1);
        return t.front();
    }
};

} // namespace

TEST_CASE("a sent reply becomes an outgoing message and the ticket waits", "[outbox]")
{
    Fixture f;
    const qint64 id = f.enqueue();
    CHECK(f.item(id).state == OutboxState::Queued);
    CHECK(f.outbox.pendingCount().value() == 1);

    ScriptedTransport t;
    auto report = f.outbox.flush([&](const OutboxItem&) { return &t; });
    REQUIRE(report);
    CHECK(report->sent == 1);
    CHECK(t.seen == QList<qint64>{id});

    const OutboxItem sent = f.item(id);
    CHECK(sent.state == OutboxState::Sent);
    CHECK(sent.attempts == 1);
    REQUIRE(sent.messageId);
    CHECK(f.ticket().status == TicketStatus::Waiting);
    CHECK_FALSE(f.ticket().dueAt.isValid());
    const auto messages = ticket_queries::messagesOfTicket(f.store.db->reader(), f.ticketId);
    REQUIRE(messages.size() == 2);
    CHECK(messages.back().direction == Direction::Out);
    CHECK(messages.back().externalId == QStringLiteral("r1@shop.example"));
    CHECK(messages.back().text == sent.body);
    CHECK(f.outbox.pendingCount().value() == 0);
    // Nothing is left to send: a second flush sends nothing again.
    CHECK(f.outbox.flush([&](const OutboxItem&) { return &t; })->sent == 0);
    CHECK(t.seen.size() == 1);
}

TEST_CASE("a temporary failure stays queued with the server's words and backs off", "[outbox]")
{
    Fixture f;
    const qint64 id = f.enqueue();
    ScriptedTransport t;
    t.answers << SendOutcome::retry(QStringLiteral("451 4.3.0 Try again later"));
    auto report = f.outbox.flush([&](const OutboxItem&) { return &t; });
    REQUIRE(report);
    CHECK(report->retrying == 1);
    OutboxItem it = f.item(id);
    CHECK(it.state == OutboxState::Queued);
    CHECK(it.lastError == QStringLiteral("451 4.3.0 Try again later"));
    CHECK(it.nextAttemptAt == f.store.clock.now().addSecs(60));
    CHECK(f.ticket().status != TicketStatus::Waiting);

    // Not due yet: nothing is tried.
    CHECK(f.outbox.flush([&](const OutboxItem&) { return &t; })->sent == 0);
    CHECK(t.seen.size() == 1);
    // A second failure waits twice as long.
    f.store.clock.advanceSeconds(61);
    t.answers << SendOutcome::retry(QStringLiteral("451 again"));
    REQUIRE(f.outbox.flush([&](const OutboxItem&) { return &t; }));
    CHECK(f.item(id).nextAttemptAt == f.store.clock.now().addSecs(120));
    f.store.clock.advanceSeconds(121);
    CHECK(f.outbox.flush([&](const OutboxItem&) { return &t; })->sent == 1);
    CHECK(f.item(id).state == OutboxState::Sent);
    CHECK(f.item(id).attempts == 3);
}

TEST_CASE("backoff doubles from a minute up to an hour", "[outbox]")
{
    CHECK(Outbox::backoffSecs(1) == 60);
    CHECK(Outbox::backoffSecs(2) == 120);
    CHECK(Outbox::backoffSecs(6) == 1920);
    CHECK(Outbox::backoffSecs(7) == 3600);
    CHECK(Outbox::backoffSecs(50) == 3600);
}

TEST_CASE("a permanent refusal is failed, kept, and can be retried or discarded", "[outbox]")
{
    Fixture f;
    const qint64 id = f.enqueue();
    ScriptedTransport t;
    t.answers << SendOutcome::failed(QStringLiteral("554 5.7.1 rejected"));
    CHECK(f.outbox.flush([&](const OutboxItem&) { return &t; })->failed == 1);
    CHECK(f.item(id).state == OutboxState::Failed);
    CHECK(f.outbox.pendingCount().value() == 1);
    // Not retried by itself.
    CHECK(f.outbox.flush([&](const OutboxItem&) { return &t; })->sent == 0);
    REQUIRE(f.outbox.retryNow(id));
    CHECK(f.outbox.flush([&](const OutboxItem&) { return &t; })->sent == 1);

    const qint64 other = f.enqueue(QStringLiteral("두 번째"));
    t.answers << SendOutcome::failed(QStringLiteral("554"));
    REQUIRE(f.outbox.flush([&](const OutboxItem&) { return &t; }));
    REQUIRE(f.outbox.discard(other));
    CHECK_FALSE(f.outbox.item(other));
    // A sent item cannot be discarded.
    CHECK_FALSE(f.outbox.discard(id));
}

TEST_CASE("a crash while sending leaves the item unknown, never resent blindly", "[outbox]")
{
    Fixture f;
    const qint64 id = f.enqueue();
    // Another process claims it, gets the server's OK and dies before complete().
    QProcess sender;
    sender.start(QStringLiteral("sleep"), {QStringLiteral("30")});
    REQUIRE(sender.waitForStarted());
    const ClaimOwner owner = ClaimOwner::ofProcess(sender.processId());
    REQUIRE_FALSE(owner.id().isEmpty());
    auto claimed = Outbox(*f.store.db, owner).claimNext();
    REQUIRE(claimed);
    REQUIRE(claimed.value());
    CHECK(claimed.value()->state == OutboxState::Sending);
    sender.kill();
    REQUIRE(sender.waitForFinished());
    f.store.db.reset();
    auto reopened = Database::open(f.store.path(), f.store.clock);
    REQUIRE(reopened);
    f.store.db = std::move(reopened.value());
    Outbox outbox(*f.store.db);
    CHECK(outbox.recoverInterrupted().value() == 1);
    CHECK(outbox.item(id)->state == OutboxState::Unknown);
    CHECK(outbox.item(id)->lastError.contains(QStringLiteral("Sent folder")));

    ScriptedTransport t;
    CHECK(outbox.flush([&](const OutboxItem&) { return &t; })->sent == 0);
    CHECK(t.seen.isEmpty());
    // The seller found it in the Sent folder.
    REQUIRE(outbox.resolveUnknown(id, true));
    CHECK(outbox.item(id)->state == OutboxState::Sent);
    CHECK(ticket_queries::messagesOfTicket(f.store.db->reader(), f.ticketId).size() == 2);
    CHECK_FALSE(outbox.resolveUnknown(id, false));
}

TEST_CASE("an item with no transport stays queued with the reason", "[outbox]")
{
    Fixture f;
    const qint64 id = f.enqueue();
    auto report = f.outbox.flush([](const OutboxItem&) { return nullptr; });
    REQUIRE(report);
    CHECK(report->retrying == 1);
    CHECK(f.item(id).state == OutboxState::Queued);
    CHECK(f.item(id).lastError.contains(QStringLiteral("No account")));
}

TEST_CASE("an empty reply or a missing ticket is refused", "[outbox]")
{
    Fixture f;
    OutboxDraft d;
    d.ticketId = f.ticketId;
    CHECK_FALSE(f.outbox.enqueue(d));
    d.body = QStringLiteral("ok");
    d.ticketId = 9999;
    auto r = f.outbox.enqueue(d);
    REQUIRE_FALSE(r);
    CHECK(r.error().message.contains(QStringLiteral("no ticket")));
}

namespace {

struct Sleeper {
    QProcess process;
    Sleeper()
    {
        process.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        REQUIRE(process.waitForStarted());
    }
    ~Sleeper()
    {
        process.kill();
        process.waitForFinished();
    }
};

} // namespace

TEST_CASE("recovery leaves alone what another live process is sending", "[outbox]")
{
    Fixture f;
    const qint64 gui = f.enqueue(QStringLiteral("the GUI sends this one"));
    const qint64 crashed = f.enqueue(QStringLiteral("a crashed run sent this one"));
    Sleeper guiProcess;
    Sleeper crashedProcess;
    Outbox guiOutbox(*f.store.db, ClaimOwner::ofProcess(guiProcess.process.processId()));
    Outbox crashedOutbox(*f.store.db, ClaimOwner::ofProcess(crashedProcess.process.processId()));
    REQUIRE(guiOutbox.claimNext().value()->id == gui);
    REQUIRE(crashedOutbox.claimNext().value()->id == crashed);
    crashedProcess.process.kill();
    REQUIRE(crashedProcess.process.waitForFinished());

    // The CLI's `outbox flush` starts by recovering: only the dead process's claim becomes unknown.
    Outbox cli(*f.store.db);
    CHECK(cli.recoverInterrupted().value() == 1);
    CHECK(f.item(gui).state == OutboxState::Sending);
    CHECK(f.item(crashed).state == OutboxState::Unknown);
    ScriptedTransport t;
    CHECK(cli.flush([&](const OutboxItem&) { return &t; })->sent == 0);
    CHECK(t.seen.isEmpty());

    // The GUI finishes its send; had it died instead, the next recovery would have caught it.
    REQUIRE(guiOutbox.complete(gui, SendOutcome::sent()));
    CHECK(f.item(gui).state == OutboxState::Sent);
    CHECK(cli.recoverInterrupted().value() == 0);
}

TEST_CASE("a claim owner is its process, not a pid a new process reuses", "[outbox]")
{
    const ClaimOwner& self = ClaimOwner::thisProcess();
    CHECK(ClaimOwner::isAlive(self.id()));
    // Same machine and pid, another start time: the pid was handed to a new process.
    const QString recycled = self.id().section(QLatin1Char(':'), 0, -2) + QStringLiteral(":1");
    CHECK_FALSE(ClaimOwner::isAlive(recycled));
    // A restarted machine: every claim of the old boot is gone.
    const QString host = self.id().section(QLatin1Char('/'), 0, 0);
    CHECK_FALSE(
        ClaimOwner::isAlive(host + QStringLiteral("/old-boot:") + self.id().section(QLatin1Char(':'), -2)));
    // A claim from before owners were recorded, and one from another machine (cannot be checked).
    CHECK_FALSE(ClaimOwner::isAlive(QString()));
    CHECK(ClaimOwner::isAlive(QStringLiteral("other-host.example/boot:123:456")));

    Fixture f;
    const qint64 id = f.enqueue();
    REQUIRE(Outbox(*f.store.db, ClaimOwner(recycled)).claimNext().value()->id == id);
    CHECK(f.outbox.recoverInterrupted().value() == 1);
    CHECK(f.item(id).state == OutboxState::Unknown);
}
