#include "connectors/email_watcher.h"
#include "net_test_helpers.h"

#include <QElapsedTimer>
#include <QThread>

using namespace casebook;
using namespace casebook::test;

namespace {

const QString kPassword = QStringLiteral("canary-Imap-7f3a");

#define SKIP_WITHOUT_DOVECOT()                                                                               \
    if (const QString missing = dovecotMissing(); !missing.isEmpty()) {                                      \
        WARN("skipped: " << missing.toStdString());                                                          \
        return;                                                                                              \
    }

} // namespace

TEST_CASE("IMAP sync against Dovecot: first, incremental, then nothing - the server's flags untouched",
          "[net][imap]")
{
    SKIP_WITHOUT_DOVECOT();
    Dovecot server(kPassword);
    for (int i = 1; i <= 3; ++i)
        server.deliver(inquiry(i));
    REQUIRE(server.start());
    TempStore store;
    auto c = connector(*store.db, emailAccount(server.port(), 1), kPassword);

    auto first = c->sync({});
    REQUIRE(first);
    CHECK(first->fetched == 3);
    CHECK(first->imported == 3);
    CHECK(count(*store.db, "SELECT count(*) FROM messages WHERE source = 'imap:shop'") == 3);

    server.deliver(inquiry(4));
    server.deliver(inquiry(5));
    auto second = c->sync({});
    REQUIRE(second);
    CHECK(second->fetched == 2);
    CHECK(second->imported == 2);

    auto third = c->sync({});
    REQUIRE(third);
    CHECK(third->fetched == 0);
    CHECK(third->imported == 0);
    CHECK(count(*store.db, "SELECT count(*) FROM messages") == 5);
    CHECK(count(*store.db, "SELECT count(*) FROM tickets") == 5);

    // Read-only: no message gained \Seen (an "S" after ":2,") or any other flag.
    const QStringList files = server.files();
    CHECK(files.size() == 5);
    for (const QString& f : files)
        CHECK_FALSE(f.section(QStringLiteral(":2,"), 1).contains(QLatin1Char('S')));
    CHECK_FALSE(server.log().contains(kPassword));
}

TEST_CASE("IMAP: a changed UIDVALIDITY re-reads the folder, matches by content and deletes nothing",
          "[net][imap]")
{
    SKIP_WITHOUT_DOVECOT();
    Dovecot server(kPassword);
    for (int i = 1; i <= 3; ++i)
        server.deliver(inquiry(i));
    REQUIRE(server.start());
    TempStore store;
    auto c = connector(*store.db, emailAccount(server.port(), 1), kPassword);
    REQUIRE(c->sync({}));

    server.renumber(424242);
    server.deliver(inquiry(4));
    auto after = c->sync({});
    REQUIRE(after);
    CHECK(after->fetched == 4);
    CHECK(after->imported == 1);
    CHECK(after->duplicates == 3);
    CHECK(after->warnings.join(QLatin1Char(' ')).contains(QStringLiteral("UIDVALIDITY")));
    CHECK(count(*store.db, "SELECT count(*) FROM messages") == 4);
    SQLite::Statement cursor(store.db->reader(),
                             "SELECT cursor FROM source_cursors WHERE source='imap:shop'");
    REQUIRE(cursor.executeStep());
    CHECK(QString::fromStdString(cursor.getColumn(0).getString()).contains(QStringLiteral("424242")));
    auto again = c->sync({});
    REQUIRE(again);
    CHECK(again->fetched == 0);
}

TEST_CASE("IMAP: a connection cut mid-fetch loses nothing and doubles nothing", "[net][imap]")
{
    SKIP_WITHOUT_DOVECOT();
    Dovecot server(kPassword);
    const QString filler = QStringLiteral("긴 본문입니다. ").repeated(400);
    for (int i = 1; i <= 30; ++i)
        server.deliver(inquiry(i, filler + QString::number(i)));
    REQUIRE(server.start());
    TcpProxy proxy(server.port());
    TempStore store;
    auto c = connector(*store.db, emailAccount(proxy.port(), 1), kPassword);

    // Without reconnecting: the sync fails, keeps what it had, and the next one completes.
    c->setReconnects(0);
    proxy.cutAfter(60000); // well inside the first UID FETCH (each message is ~16 kB)
    auto cut = c->sync({});
    REQUIRE_FALSE(cut);
    const int kept = count(*store.db, "SELECT count(*) FROM messages");
    CHECK(kept < 30);
    auto resumed = c->sync({});
    REQUIRE(resumed);
    CHECK(count(*store.db, "SELECT count(*) FROM messages") == 30);
    CHECK(count(*store.db, "SELECT count(DISTINCT raw_sha256) FROM messages") == 30);

    // With reconnecting: one sync rides over the cut.
    for (int i = 31; i <= 40; ++i)
        server.deliver(inquiry(i, filler + QString::number(i)));
    c->setReconnects(3, 20);
    proxy.cutAfter(40000);
    const int before = proxy.connections();
    auto rode = c->sync({});
    REQUIRE(rode);
    CHECK(proxy.connections() - before >= 2);
    CHECK(count(*store.db, "SELECT count(*) FROM messages") == 40);
    CHECK(count(*store.db, "SELECT count(DISTINCT raw_sha256) FROM messages") == 40);
}

TEST_CASE("IMAP IDLE: new mail arrives without asking", "[net][imap][idle]")
{
    SKIP_WITHOUT_DOVECOT();
    Dovecot server(kPassword);
    server.deliver(inquiry(1));
    REQUIRE(server.start());
    TempStore store;
    std::atomic<int> syncs{0};
    std::atomic<bool> idle{false};
    EmailWatcher watcher(
        connector(*store.db, emailAccount(server.port(), 1), kPassword),
        [&](const EmailWatcher::Status& s) {
            if (s.state == EmailWatcher::State::Idle)
                idle = true;
        },
        [&](const SyncReport&) { ++syncs; });
    watcher.start();
    QElapsedTimer t;
    t.start();
    while (!idle && t.elapsed() < 10000)
        QThread::msleep(20);
    REQUIRE(idle);
    CHECK(count(*store.db, "SELECT count(*) FROM messages") == 1);
    idle = false;
    t.restart();
    server.deliver(inquiry(2));
    while (count(*store.db, "SELECT count(*) FROM messages") < 2 && t.elapsed() < 15000)
        QThread::msleep(50);
    const qint64 pushMs = t.elapsed();
    CHECK(count(*store.db, "SELECT count(*) FROM messages") == 2);
    WARN("IDLE push: new mail stored " << pushMs << " ms after delivery");
    watcher.stop();
    CHECK(syncs >= 2);
}

TEST_CASE("IMAP TLS: an untrusted certificate is refused before login - the CA or a pin lets it in",
          "[net][imap][tls]")
{
    SKIP_WITHOUT_DOVECOT();
    Dovecot server(kPassword, true);
    server.deliver(inquiry(1));
    REQUIRE(server.start());
    TempStore store;
    Account a = emailAccount(server.imapsPort(), 1, QStringLiteral("implicit"));
    {
        TcpProxy proxy(server.imapsPort());
        a.settings[QStringLiteral("imap_port")] = proxy.port();
        auto c = connector(*store.db, a, kPassword);
        auto refused = c->sync({});
        REQUIRE_FALSE(refused);
        CHECK(refused.error().message.contains(QStringLiteral("not trusted")));
        CHECK(c->refusedCertificate().size() == 64);
        CHECK(refused.error().message.contains(c->refusedCertificate()));
        CHECK_FALSE(proxy.clientBytes().contains(kPassword.toUtf8()));
        CHECK_FALSE(server.log().contains(QStringLiteral("Login: user=")));
        // Pinning exactly that certificate lets it in.
        a.settings[QStringLiteral("pinned_sha256")] = c->refusedCertificate();
    }
    a.settings[QStringLiteral("imap_port")] = server.imapsPort();
    auto pinned = connector(*store.db, a, kPassword)->sync({});
    REQUIRE(pinned);
    CHECK(pinned->fetched == 1);
    // Trusting the CA instead, over STARTTLS on the plain port.
    a.settings.remove(QStringLiteral("pinned_sha256"));
    a.settings[QStringLiteral("ca_file")] = server.ca().caCert;
    a.settings[QStringLiteral("imap_port")] = server.port();
    a.settings[QStringLiteral("tls")] = QStringLiteral("starttls");
    auto trusted = connector(*store.db, a, kPassword)->sync({});
    REQUIRE(trusted);
}

TEST_CASE("IMAP TLS: a stripped STARTTLS is refused before any credential is sent", "[net][imap][tls]")
{
    SKIP_WITHOUT_DOVECOT();
    Dovecot server(kPassword); // ssl = no: STARTTLS is not offered, as when an attacker strips it
    REQUIRE(server.start());
    TcpProxy proxy(server.port());
    TempStore store;
    auto c = connector(*store.db, emailAccount(proxy.port(), 1, QStringLiteral("starttls")), kPassword);
    auto refused = c->sync({});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("STARTTLS")));
    const QByteArray sent = proxy.clientBytes();
    CHECK(sent.contains("CAPABILITY"));
    CHECK_FALSE(sent.contains("LOGIN"));
    CHECK_FALSE(sent.contains("AUTHENTICATE"));
    CHECK_FALSE(sent.contains(kPassword.toUtf8()));
    CHECK_FALSE(sent.contains(QByteArray("\0seller@example.test\0", 21).toBase64().left(20)));
}
