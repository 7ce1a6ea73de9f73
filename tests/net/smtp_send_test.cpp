#include "compose/outbox.h"
#include "connectors/outbox_sender.h"
#include "inbox/ingestor.h"
#include "mail/mime_parser.h"
#include "net_test_helpers.h"

using namespace casebook;
using namespace casebook::test;

namespace {

const QString kPassword = QStringLiteral("canary-Smtp-91c2");
const QString kReply = QStringLiteral("안녕하세요 고객님, 주문하신 상품은 내일 도착합니다.\n감사합니다.");

#define SKIP_WITHOUT_AIOSMTPD()                                                                              \
    if (const QString missing = aiosmtpdMissing(); !missing.isEmpty()) {                                     \
        WARN("skipped: " << missing.toStdString());                                                          \
        return;                                                                                              \
    }

// A ticket brought in by the account's sync, and a reply to it in the outbox.
struct Scenario {
    TempStore store;
    MemorySecrets secrets;
    std::unique_ptr<EmailConnector> email;
    qint64 ticketId = 0;
    qint64 itemId = 0;

    explicit Scenario(Account account)
    {
        email = connector(*store.db, account, kPassword);
        secrets.secrets.insert(account.name, kPassword);
        Ingestor ingestor(*store.db, IngestOptions{});
        auto in = ingestor.ingestMail(inquiry(7), QStringLiteral("imap:shop"), QStringLiteral("INBOX uid 7"));
        REQUIRE(in);
        ticketId = in->ticketId;
        auto draft = email->draftReply(ticketId, kReply);
        REQUIRE(draft);
        auto id = Outbox(*store.db).enqueue(*draft);
        REQUIRE(id);
        itemId = *id;
    }
    OutboxItem item() { return Outbox(*store.db).item(itemId).value(); }
    Result<Outbox::FlushReport> flush() { return OutboxSender(*store.db, secrets).flush(); }
};

void checkReceived(const QByteArray& raw)
{
    auto parsed = parseMessage(raw);
    REQUIRE(parsed);
    CHECK(parsed->inReplyTo == QStringLiteral("inq7@example.test"));
    CHECK(parsed->references.contains(QStringLiteral("inq7@example.test")));
    CHECK(parsed->subject.startsWith(QStringLiteral("Re: 배송 문의 7 [#")));
    CHECK(parsed->subject.endsWith(QLatin1Char(']')));
    CHECK(parsed->text.contains(kReply));
    CHECK(parsed->text.contains(QStringLiteral("행복상점 고객센터")));
    CHECK(parsed->to == QStringList{QStringLiteral("kim7@example.test")});
}

} // namespace

TEST_CASE("SMTP on loopback with AUTH: the reply threads and reads back in Korean - the ticket waits",
          "[net][smtp]")
{
    SKIP_WITHOUT_AIOSMTPD();
    SmtpServer server({false, QStringLiteral("seller@example.test"), kPassword});
    REQUIRE(server.start());
    Scenario s(emailAccount(1, server.port()));
    auto flushed = s.flush();
    REQUIRE(flushed);
    CHECK(flushed->sent == 1);
    CHECK(s.item().state == OutboxState::Sent);
    REQUIRE(server.received().size() == 1);
    checkReceived(server.received().first());
    CHECK(count(*s.store.db, "SELECT count(*) FROM messages WHERE direction = 'out'") == 1);
    CHECK(count(*s.store.db, "SELECT count(*) FROM tickets WHERE status = 'waiting'") == 1);
}

TEST_CASE("SMTP STARTTLS with a throw-away CA, then AUTH", "[net][smtp][tls]")
{
    SKIP_WITHOUT_AIOSMTPD();
    SmtpServer server({true, QStringLiteral("seller@example.test"), kPassword});
    REQUIRE(server.start());
    Account a = emailAccount(1, server.port(), QStringLiteral("starttls"));
    a.settings[QStringLiteral("ca_file")] = server.ca().caCert;
    Scenario s(a);
    auto flushed = s.flush();
    REQUIRE(flushed);
    INFO(flushed->errors.join(QLatin1Char('\n')).toStdString());
    CHECK(flushed->sent == 1);
    REQUIRE(server.received().size() == 1);
    checkReceived(server.received().first());
}

TEST_CASE("SMTP STARTTLS: an untrusted certificate fails the item before AUTH - nothing is delivered",
          "[net][smtp][tls]")
{
    SKIP_WITHOUT_AIOSMTPD();
    SmtpServer server({true, QStringLiteral("seller@example.test"), kPassword});
    REQUIRE(server.start());
    TcpProxy proxy(server.port());
    Scenario s(emailAccount(1, proxy.port(), QStringLiteral("starttls")));
    auto flushed = s.flush();
    REQUIRE(flushed);
    CHECK(flushed->sent == 0);
    CHECK(s.item().state != OutboxState::Sent);
    CHECK(s.item().lastError.contains(QStringLiteral("not trusted")));
    CHECK(server.received().isEmpty());
    CHECK(proxy.clientBytes().contains("STARTTLS"));
    CHECK_FALSE(proxy.clientBytes().contains("AUTH"));
}

TEST_CASE("SMTP: a 451 leaves the reply queued with the server's words - it goes on the next try",
          "[net][smtp]")
{
    SKIP_WITHOUT_AIOSMTPD();
    SmtpServer server({false, {}, {}});
    REQUIRE(server.start());
    server.setRefuse(true);
    Scenario s(emailAccount(1, server.port()));
    auto first = s.flush();
    REQUIRE(first);
    CHECK(first->retrying == 1);
    OutboxItem it = s.item();
    CHECK(it.state == OutboxState::Queued);
    CHECK(it.lastError.contains(QStringLiteral("451")));
    CHECK(it.nextAttemptAt > s.store.clock.now());
    CHECK(server.received().isEmpty());
    CHECK(count(*s.store.db, "SELECT count(*) FROM messages WHERE direction = 'out'") == 0);

    server.setRefuse(false);
    REQUIRE(Outbox(*s.store.db).retryNow(s.itemId));
    auto second = s.flush();
    REQUIRE(second);
    CHECK(second->sent == 1);
    CHECK(s.item().state == OutboxState::Sent);
    CHECK(server.received().size() == 1);
}
