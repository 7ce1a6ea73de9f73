#include "net/imap_session.h"
#include "net/tls_policy.h"
#include "scripted_transport.h"

#include <catch2/catch.hpp>

using namespace casebook;
using namespace casebook::net;
using casebook::test::ScriptedTransport;

TEST_CASE("IMAP STARTTLS: capabilities asked again after the handshake, then AUTHENTICATE PLAIN",
          "[net][imap]")
{
    ScriptedTransport t;
    t.server = "* OK ready\r\n"
               "* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\n"
               "a1 OK done\r\n"
               "a2 OK begin TLS\r\n"
               "* CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR IDLE\r\n"
               "a3 OK done\r\n"
               "a4 OK logged in\r\n";
    ImapSession s(t);
    REQUIRE(s.open(TlsMode::StartTls, QStringLiteral("seller@example.test"), QStringLiteral("pw")));
    CHECK(t.tlsStarts == 1);
    CHECK(t.writtenAtTls == "a1 CAPABILITY\r\na2 STARTTLS\r\n"); // nothing about the login before TLS
    const QByteArray token = QByteArray("\0seller@example.test\0pw", 23).toBase64();
    CHECK(t.written ==
          "a1 CAPABILITY\r\na2 STARTTLS\r\na3 CAPABILITY\r\na4 AUTHENTICATE PLAIN " + token + "\r\n");
    CHECK(s.hasCapability(QStringLiteral("IDLE")));
    CHECK_FALSE(s.hasCapability(QStringLiteral("LOGINDISABLED"))); // the clear-text list is forgotten
}

TEST_CASE("IMAP: a stripped STARTTLS is refused before any credential is written", "[net][imap]")
{
    ScriptedTransport t;
    t.server = "* OK ready\r\n* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\na1 OK done\r\n";
    ImapSession s(t);
    auto opened = s.open(TlsMode::StartTls, QStringLiteral("u"), QStringLiteral("canary-pw"));
    REQUIRE_FALSE(opened);
    CHECK(opened.error().message.contains(QStringLiteral("STARTTLS")));
    CHECK(t.written == "a1 CAPABILITY\r\n");
}

TEST_CASE("IMAP: no login in clear text to a remote server", "[net][imap]")
{
    ScriptedTransport t; // neither encrypted nor loopback
    t.server = "* OK ready\r\n* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\na1 OK done\r\n";
    ImapSession s(t);
    REQUIRE_FALSE(s.open(TlsMode::None, QStringLiteral("u"), QStringLiteral("canary-pw")));
    CHECK_FALSE(t.written.contains("canary"));
    CHECK_FALSE(t.written.contains(QByteArray("canary-pw").toBase64()));
}

TEST_CASE("IMAP LOGIN quotes, and uses a non-synchronizing literal for UTF-8 with LITERAL+", "[net][imap]")
{
    ScriptedTransport t;
    t.loopback = true;
    t.server =
        "* OK [CAPABILITY IMAP4rev1 LITERAL+] hi\r\n* CAPABILITY IMAP4rev1 LITERAL+\r\na1 OK\r\na2 OK\r\n";
    ImapSession s(t);
    REQUIRE(s.open(TlsMode::None, QStringLiteral("a\"b"), QStringLiteral("비밀")));
    CHECK(t.written ==
          "a1 CAPABILITY\r\na2 LOGIN \"a\\\"b\" {6+}\r\n" + QString::fromUtf8("비밀").toUtf8() + "\r\n");
}

TEST_CASE("IMAP EXAMINE, UID SEARCH and UID FETCH BODY.PEEK[] with literals", "[net][imap]")
{
    ScriptedTransport t;
    t.server = "* 3 EXISTS\r\n* OK [UIDVALIDITY 777] ok\r\n* OK [UIDNEXT 12] next\r\n"
               "a1 OK [READ-ONLY] EXAMINE completed\r\n"
               "* SEARCH 9 10 11\r\na2 OK\r\n"
               "* 2 FETCH (UID 10 BODY[] {5}\r\nhello)\r\n"
               "* 1 FETCH (FLAGS (\\Seen))\r\n"
               "* 1 FETCH (BODY[] {3}\r\nabc UID 9)\r\n"
               "a3 OK\r\n";
    ImapSession s(t);
    auto st = s.examine(QStringLiteral("INBOX"));
    REQUIRE(st);
    CHECK(st->uidValidity == 777);
    CHECK(st->uidNext == 12);
    CHECK(st->exists == 3);
    auto uids = s.uidsFrom(9);
    REQUIRE(uids);
    CHECK(*uids == QList<quint32>{9, 10, 11});
    auto fetched = s.fetch({9, 10, 11});
    REQUIRE(fetched);
    REQUIRE(fetched->size() == 2);
    CHECK(fetched->at(0).uid == 9);
    CHECK(fetched->at(0).raw == "abc");
    CHECK(fetched->at(1).raw == "hello");
    CHECK(t.written ==
          "a1 EXAMINE \"INBOX\"\r\na2 UID SEARCH UID 9:*\r\na3 UID FETCH 9:11 (UID BODY.PEEK[])\r\n");
    CHECK_FALSE(t.written.contains("STORE"));
    CHECK_FALSE(t.written.contains("SELECT"));
}

TEST_CASE("IMAP: UID SEARCH past the last message ignores the server's last UID", "[net][imap]")
{
    ScriptedTransport t;
    t.server = "* SEARCH 8\r\na1 OK\r\n";
    ImapSession s(t);
    auto uids = s.uidsFrom(9);
    REQUIRE(uids);
    CHECK(uids->isEmpty());
}

TEST_CASE("IMAP IDLE ends with DONE when the server reports new mail", "[net][imap]")
{
    ScriptedTransport t;
    t.server = "* CAPABILITY IMAP4rev1 IDLE\r\na1 OK\r\n+ idling\r\n* 4 EXISTS\r\na2 OK IDLE terminated\r\n";
    ImapSession s(t);
    REQUIRE(s.capability());
    auto e = s.idle(5000);
    REQUIRE(e);
    CHECK(*e == IdleEvent::NewMail);
    CHECK(t.written == "a1 CAPABILITY\r\na2 IDLE\r\nDONE\r\n");
}

TEST_CASE("IMAP: a refused command carries the server's words", "[net][imap]")
{
    ScriptedTransport t;
    t.server = "a1 NO [NONEXISTENT] Mailbox doesn't exist: Nope\r\n";
    ImapSession s(t);
    auto st = s.examine(QStringLiteral("Nope"));
    REQUIRE_FALSE(st);
    CHECK(st.error().message.contains(QStringLiteral("Mailbox doesn't exist")));
}

TEST_CASE("IMAP mailbox names and UID sets", "[net][imap]")
{
    CHECK(ImapSession::mailboxName(QStringLiteral("INBOX")) == "\"INBOX\"");
    CHECK(ImapSession::mailboxName(QStringLiteral("받은편지함")) == "\"&vBvHQNO4ycDVaA-\"");
    CHECK(ImapSession::mailboxName(QStringLiteral("A&B")) == "\"A&-B\"");
    CHECK(ImapSession::uidSet({5, 1, 2, 3, 9}) == "1:3,5,9");
}

TEST_CASE("TLS policy: no TLS only on loopback, pins are SHA-256", "[net][tls]")
{
    CHECK(isLoopbackHost(QStringLiteral("127.0.0.1")));
    CHECK(isLoopbackHost(QStringLiteral("::1")));
    CHECK(isLoopbackHost(QStringLiteral("localhost")));
    CHECK_FALSE(isLoopbackHost(QStringLiteral("imap.example.com")));
    CHECK_FALSE(isLoopbackHost(QStringLiteral("10.0.0.1")));
    Endpoint e{QStringLiteral("imap.example.com"), 143, TlsMode::None, {}, {}, 1000};
    CHECK_FALSE(checkPolicy(e));
    e.host = QStringLiteral("127.0.0.1");
    CHECK(checkPolicy(e));
    e.pinnedSha256 = QStringLiteral("nope");
    CHECK_FALSE(checkPolicy(e));
    const QString sha = QStringLiteral("ab").repeated(32);
    CHECK(pinMatches(QStringLiteral("AB:").repeated(31) + QStringLiteral("AB"), sha));
    CHECK(pinMatches(QStringLiteral("cd").repeated(32) + QStringLiteral(", ") + sha, sha));
    CHECK_FALSE(pinMatches(QStringLiteral("cd").repeated(32), sha));
}
