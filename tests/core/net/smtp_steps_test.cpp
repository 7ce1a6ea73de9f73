// Each SMTP step on its own over a scripted server: the exact bytes it writes.
#include "net/smtp_auth.h"
#include "net/smtp_ehlo.h"
#include "net/smtp_greeting.h"
#include "net/smtp_mail_transaction.h"
#include "net/smtp_quit.h"
#include "net/smtp_start_tls.h"
#include "scripted_transport.h"

#include <catch2/catch.hpp>

using namespace casebook;
using namespace casebook::net;
using casebook::test::ScriptedTransport;

TEST_CASE("SMTP greeting and EHLO: the extensions of the multi-line answer", "[net][smtp][steps]")
{
    ScriptedTransport t;
    t.server = "220 mx.example.test ESMTP\r\n250-mx.example.test\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n"
               "250-SIZE 10240000\r\n250 AUTH PLAIN LOGIN\r\n";
    SmtpWire wire(t);
    REQUIRE(SmtpGreeting().run(wire));
    CHECK(t.written.isEmpty());
    REQUIRE(SmtpEhlo(QStringLiteral("casebook.localhost")).run(wire));
    CHECK(t.written == "EHLO casebook.localhost\r\n");
    CHECK(wire.hasExtension(QStringLiteral("8bitmime")));
    CHECK(wire.hasExtension(QStringLiteral("SIZE")));
    CHECK(wire.authMechanisms() == QStringList{QStringLiteral("PLAIN"), QStringLiteral("LOGIN")});

    ScriptedTransport away;
    away.server = "554 5.7.1 no service for you\r\n";
    SmtpWire awayWire(away);
    auto refused = SmtpGreeting().run(awayWire);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("no service for you")));
}

TEST_CASE("SMTP STARTTLS: handshake after 220, EHLO again, the clear-text list forgotten",
          "[net][smtp][steps]")
{
    ScriptedTransport t;
    t.server = "220 2.0.0 Ready to start TLS\r\n250-mx\r\n250 AUTH PLAIN\r\n";
    SmtpWire wire(t);
    wire.setExtensions({QStringLiteral("STARTTLS"), QStringLiteral("AUTH LOGIN")});
    REQUIRE(SmtpStartTls(QStringLiteral("casebook.localhost")).run(wire));
    CHECK(t.writtenAtTls == "STARTTLS\r\n");
    CHECK(t.written == "STARTTLS\r\nEHLO casebook.localhost\r\n");
    CHECK(wire.authMechanisms() == QStringList{QStringLiteral("PLAIN")});
    CHECK_FALSE(wire.hasExtension(QStringLiteral("STARTTLS")));

    ScriptedTransport stripped;
    SmtpWire strippedWire(stripped);
    strippedWire.setExtensions({QStringLiteral("AUTH PLAIN")});
    REQUIRE_FALSE(SmtpStartTls(QStringLiteral("casebook.localhost")).run(strippedWire));
    CHECK(stripped.written.isEmpty());
    CHECK(stripped.tlsStarts == 0);

    ScriptedTransport refused;
    refused.server = "454 4.7.0 TLS not available\r\n";
    SmtpWire refusedWire(refused);
    refusedWire.setExtensions({QStringLiteral("STARTTLS")});
    REQUIRE_FALSE(SmtpStartTls(QStringLiteral("casebook.localhost")).run(refusedWire));
    CHECK(refused.tlsStarts == 0);
    CHECK(refused.written == "STARTTLS\r\n");
}

TEST_CASE("SMTP AUTH: PLAIN in one line, LOGIN in three, nothing without TLS off loopback",
          "[net][smtp][steps]")
{
    ScriptedTransport plain;
    plain.encrypted = true;
    plain.server = "235 2.7.0 Authentication successful\r\n";
    SmtpWire plainWire(plain);
    plainWire.setExtensions({QStringLiteral("AUTH LOGIN PLAIN")});
    REQUIRE(SmtpAuth(QStringLiteral("seller@example.test"), QStringLiteral("비번")).run(plainWire));
    CHECK(plain.written ==
          "AUTH PLAIN " +
              (QByteArray("\0seller@example.test\0", 21) + QStringLiteral("비번").toUtf8()).toBase64() +
              "\r\n");

    ScriptedTransport login;
    login.encrypted = true;
    login.server = "334 VXNlcm5hbWU6\r\n334 UGFzc3dvcmQ6\r\n535 5.7.8 bad credentials\r\n";
    SmtpWire loginWire(login);
    loginWire.setExtensions({QStringLiteral("AUTH LOGIN")});
    auto failed = SmtpAuth(QStringLiteral("u"), QStringLiteral("pw")).run(loginWire);
    REQUIRE_FALSE(failed);
    CHECK(failed.error().message.contains(QStringLiteral("535")));
    CHECK(login.written == "AUTH LOGIN\r\ndQ==\r\ncHc=\r\n");

    ScriptedTransport clear; // remote, not encrypted
    SmtpWire clearWire(clear);
    clearWire.setExtensions({QStringLiteral("AUTH PLAIN")});
    REQUIRE_FALSE(SmtpAuth(QStringLiteral("u"), QStringLiteral("canary")).run(clearWire));
    CHECK(clear.written.isEmpty());

    ScriptedTransport unknown;
    unknown.encrypted = true;
    SmtpWire unknownWire(unknown);
    unknownWire.setExtensions({QStringLiteral("AUTH CRAM-MD5 XOAUTH2")});
    REQUIRE_FALSE(SmtpAuth(QStringLiteral("u"), QStringLiteral("canary")).run(unknownWire));
    CHECK(unknown.written.isEmpty());
}

TEST_CASE("SMTP mail transaction: 8BITMIME and SMTPUTF8 when offered, dot-stuffed DATA", "[net][smtp][steps]")
{
    ScriptedTransport t;
    t.server = "250 ok\r\n250 ok\r\n250 ok\r\n354 go ahead\r\n250 2.0.0 queued as A1\r\n";
    SmtpWire wire(t);
    wire.setExtensions({QStringLiteral("8BITMIME"), QStringLiteral("SMTPUTF8")});
    const SmtpOutcome o =
        SmtpMailTransaction(QStringLiteral("seller@example.test"),
                            {QStringLiteral("김고객@예시.kr"), QStringLiteral("b@example.test")},
                            "Subject: x\n\n.one\r\n..two\nthree\n.\nend")
            .run(wire);
    CHECK(o.kind == SmtpOutcome::Kind::Sent);
    CHECK(o.words == QStringLiteral("250 2.0.0 queued as A1"));
    CHECK(t.written == "MAIL FROM:<seller@example.test> BODY=8BITMIME SMTPUTF8\r\n"
                       "RCPT TO:<" +
                           QStringLiteral("김고객@예시.kr").toUtf8() +
                           ">\r\n"
                           "RCPT TO:<b@example.test>\r\n"
                           "DATA\r\n"
                           "Subject: x\r\n\r\n..one\r\n...two\r\nthree\r\n..\r\nend\r\n.\r\n");

    // ASCII addresses need no SMTPUTF8; a server without 8BITMIME gets a bare MAIL FROM.
    ScriptedTransport bare;
    bare.server = "250 ok\r\n250 ok\r\n354 go\r\n250 ok\r\n";
    SmtpWire bareWire(bare);
    bareWire.setExtensions({QStringLiteral("SMTPUTF8")});
    CHECK(SmtpMailTransaction(QStringLiteral("a@shop.test"), {QStringLiteral("b@x.test")}, "x")
              .run(bareWire)
              .kind == SmtpOutcome::Kind::Sent);
    CHECK(bare.written.startsWith("MAIL FROM:<a@shop.test>\r\nRCPT TO:<b@x.test>\r\n"));

    // A non-ASCII address to a server without SMTPUTF8: refused for good before anything is written.
    ScriptedTransport old;
    SmtpWire oldWire(old);
    oldWire.setExtensions({QStringLiteral("8BITMIME")});
    const SmtpOutcome refused =
        SmtpMailTransaction(QStringLiteral("a@shop.test"), {QStringLiteral("김@예시.kr")}, "x").run(oldWire);
    CHECK(refused.kind == SmtpOutcome::Kind::Permanent);
    CHECK(refused.words.contains(QStringLiteral("SMTPUTF8")));
    CHECK(old.written.isEmpty());

    // A refused recipient stops the transaction: no DATA.
    ScriptedTransport rcpt;
    rcpt.server = "250 ok\r\n450 4.2.1 mailbox busy\r\n";
    SmtpWire rcptWire(rcpt);
    const SmtpOutcome busy =
        SmtpMailTransaction(QStringLiteral("a@shop.test"), {QStringLiteral("b@x.test")}, "x").run(rcptWire);
    CHECK(busy.kind == SmtpOutcome::Kind::Temporary);
    CHECK_FALSE(rcpt.written.contains("DATA"));
}

TEST_CASE("SMTP QUIT", "[net][smtp][steps]")
{
    ScriptedTransport t;
    t.server = "221 2.0.0 Bye\r\n";
    SmtpWire wire(t);
    SmtpQuit().run(wire);
    CHECK(t.written == "QUIT\r\n");
}
