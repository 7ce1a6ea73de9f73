#include "net/smtp_client.h"
#include "scripted_transport.h"

#include <catch2/catch.hpp>

using namespace casebook;
using namespace casebook::net;
using casebook::test::ScriptedTransport;

TEST_CASE("SMTP STARTTLS: EHLO again after the handshake, AUTH only under TLS", "[net][smtp]")
{
    ScriptedTransport t;
    t.server = "220 mx ESMTP\r\n"
               "250-mx\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN\r\n"
               "220 go ahead\r\n"
               "250-mx\r\n250-8BITMIME\r\n250 AUTH PLAIN\r\n"
               "235 ok\r\n";
    SmtpClient c(t);
    REQUIRE(c.open(TlsMode::StartTls, QStringLiteral("u"), QStringLiteral("pw")));
    CHECK(t.writtenAtTls == "EHLO casebook.localhost\r\nSTARTTLS\r\n");
    CHECK(t.written == "EHLO casebook.localhost\r\nSTARTTLS\r\nEHLO casebook.localhost\r\nAUTH PLAIN " +
                           QByteArray("\0u\0pw", 5).toBase64() + "\r\n");
    CHECK(c.hasExtension(QStringLiteral("8BITMIME")));
}

TEST_CASE("SMTP: STARTTLS missing from the answer is refused before AUTH", "[net][smtp]")
{
    ScriptedTransport t;
    t.server = "220 mx\r\n250-mx\r\n250 AUTH PLAIN\r\n";
    SmtpClient c(t);
    REQUIRE_FALSE(c.open(TlsMode::StartTls, QStringLiteral("u"), QStringLiteral("canary")));
    CHECK(t.written == "EHLO casebook.localhost\r\n");
}

TEST_CASE("SMTP: no AUTH in clear text to a remote server", "[net][smtp]")
{
    ScriptedTransport t;
    t.server = "220 mx\r\n250-mx\r\n250 AUTH PLAIN\r\n";
    SmtpClient c(t);
    REQUIRE_FALSE(c.open(TlsMode::None, QStringLiteral("u"), QStringLiteral("canary")));
    CHECK_FALSE(t.written.contains("AUTH"));
}

TEST_CASE("SMTP AUTH LOGIN on loopback", "[net][smtp]")
{
    ScriptedTransport t;
    t.loopback = true;
    t.server = "220 mx\r\n250-mx\r\n250 AUTH LOGIN\r\n334 VXNlcm5hbWU6\r\n334 UGFzc3dvcmQ6\r\n235 ok\r\n";
    SmtpClient c(t);
    REQUIRE(c.open(TlsMode::None, QStringLiteral("u"), QStringLiteral("pw")));
    CHECK(t.written == "EHLO casebook.localhost\r\nAUTH LOGIN\r\ndQ==\r\ncHc=\r\n");
}

TEST_CASE("SMTP send: dot-stuffing, CRLF, and the answer's kind", "[net][smtp]")
{
    ScriptedTransport t;
    t.server = "220 mx\r\n250-mx\r\n250 8BITMIME\r\n250 ok\r\n250 ok\r\n354 go\r\n250 queued as X\r\n";
    SmtpClient c(t);
    REQUIRE(c.open(TlsMode::None, {}, {}));
    const SmtpOutcome o = c.send(QStringLiteral("a@shop.test"), {QStringLiteral("b@example.test")},
                                 "Subject: x\n\n.hidden\nend\n");
    CHECK(o.kind == SmtpOutcome::Kind::Sent);
    CHECK(o.words.contains(QStringLiteral("queued as X")));
    CHECK(t.written.endsWith("MAIL FROM:<a@shop.test> BODY=8BITMIME\r\nRCPT TO:<b@example.test>\r\nDATA\r\n"
                             "Subject: x\r\n\r\n..hidden\r\nend\r\n.\r\n"));

    ScriptedTransport busy;
    busy.server = "220 mx\r\n250 mx\r\n250 ok\r\n250 ok\r\n354 go\r\n451 4.3.0 try later\r\n";
    SmtpClient c2(busy);
    REQUIRE(c2.open(TlsMode::None, {}, {}));
    const SmtpOutcome later =
        c2.send(QStringLiteral("a@shop.test"), {QStringLiteral("b@example.test")}, "x\r\n");
    CHECK(later.kind == SmtpOutcome::Kind::Temporary);
    CHECK(later.words == QStringLiteral("451 4.3.0 try later"));

    ScriptedTransport no;
    no.server = "220 mx\r\n250 mx\r\n250 ok\r\n550 5.1.1 no such user\r\n";
    SmtpClient c3(no);
    REQUIRE(c3.open(TlsMode::None, {}, {}));
    CHECK(c3.send(QStringLiteral("a@shop.test"), {QStringLiteral("nobody@example.test")}, "x\r\n").kind ==
          SmtpOutcome::Kind::Permanent);
}
