// Each IMAP step on its own over a scripted server: the exact bytes it writes, and what it makes of the
// answers.
#include "net/imap_capability.h"
#include "net/imap_examine.h"
#include "net/imap_greeting.h"
#include "net/imap_idle.h"
#include "net/imap_login.h"
#include "net/imap_logout.h"
#include "net/imap_start_tls.h"
#include "net/imap_uid_fetch.h"
#include "net/imap_uid_search.h"
#include "scripted_transport.h"

#include <catch2/catch.hpp>

using namespace casebook;
using namespace casebook::net;
using casebook::test::ScriptedTransport;

namespace {

// A wire whose capabilities are already known, as after the greeting.
void announce(ImapWire& wire, const QByteArray& caps)
{
    wire.noteCapabilities("* CAPABILITY " + caps);
}

} // namespace

TEST_CASE("IMAP greeting: OK notes capabilities; PREAUTH and BYE are refused", "[net][imap][steps]")
{
    ScriptedTransport t;
    t.server = "* OK [CAPABILITY IMAP4rev1 LITERAL+ AUTH=PLAIN] Dovecot ready.\r\n";
    ImapWire wire(t);
    REQUIRE(ImapGreeting().run(wire));
    CHECK(wire.hasCapability(QStringLiteral("literal+")));
    CHECK(t.written.isEmpty());

    ScriptedTransport pre;
    pre.server = "* PREAUTH logged in as root\r\n";
    ImapWire preWire(pre);
    auto refused = ImapGreeting().run(preWire);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("PREAUTH")));

    ScriptedTransport bye;
    bye.server = "* BYE too many connections\r\n";
    ImapWire byeWire(bye);
    auto closed = ImapGreeting().run(byeWire);
    REQUIRE_FALSE(closed);
    CHECK(closed.error().message.contains(QStringLiteral("too many connections")));
}

TEST_CASE("IMAP CAPABILITY: tagged, and the new list replaces the old", "[net][imap][steps]")
{
    ScriptedTransport t;
    t.server = "* CAPABILITY IMAP4rev1 IDLE\r\na1 OK done\r\n";
    ImapWire wire(t);
    announce(wire, "IMAP4rev1 LOGINDISABLED");
    auto caps = ImapCapability().run(wire);
    REQUIRE(caps);
    CHECK(*caps == QStringList{QStringLiteral("IMAP4rev1"), QStringLiteral("IDLE")});
    CHECK(t.written == "a1 CAPABILITY\r\n");
    CHECK_FALSE(wire.hasCapability(QStringLiteral("LOGINDISABLED")));
}

TEST_CASE("IMAP STARTTLS: the handshake before anything else, then CAPABILITY again", "[net][imap][steps]")
{
    ScriptedTransport t;
    t.server = "a1 OK Begin TLS negotiation now.\r\n"
               "* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\na2 OK\r\n";
    ImapWire wire(t);
    announce(wire, "IMAP4rev1 STARTTLS LOGINDISABLED");
    REQUIRE(ImapStartTls().run(wire));
    CHECK(t.tlsStarts == 1);
    CHECK(t.writtenAtTls == "a1 STARTTLS\r\n");
    CHECK(t.written == "a1 STARTTLS\r\na2 CAPABILITY\r\n");
    CHECK(wire.hasCapability(QStringLiteral("AUTH=PLAIN")));
    CHECK_FALSE(wire.hasCapability(QStringLiteral("LOGINDISABLED")));

    // Not offered: nothing written, no handshake.
    ScriptedTransport stripped;
    ImapWire strippedWire(stripped);
    announce(strippedWire, "IMAP4rev1 AUTH=PLAIN");
    REQUIRE_FALSE(ImapStartTls().run(strippedWire));
    CHECK(stripped.written.isEmpty());
    CHECK(stripped.tlsStarts == 0);

    // Refused by the server: no handshake either, and no CAPABILITY in clear text after it.
    ScriptedTransport no;
    no.server = "a1 BAD TLS unavailable\r\n";
    ImapWire noWire(no);
    announce(noWire, "IMAP4rev1 STARTTLS");
    REQUIRE_FALSE(ImapStartTls().run(noWire));
    CHECK(no.tlsStarts == 0);
    CHECK(no.written == "a1 STARTTLS\r\n");
}

TEST_CASE("IMAP login: no credential without TLS except on loopback, none under LOGINDISABLED",
          "[net][imap][steps]")
{
    ScriptedTransport clear; // remote, not encrypted
    ImapWire clearWire(clear);
    announce(clearWire, "IMAP4rev1 AUTH=PLAIN");
    REQUIRE_FALSE(ImapLogin(QStringLiteral("u"), QStringLiteral("canary")).run(clearWire));
    CHECK(clear.written.isEmpty());

    ScriptedTransport disabled;
    disabled.encrypted = true;
    ImapWire disabledWire(disabled);
    announce(disabledWire, "IMAP4rev1 LOGINDISABLED");
    auto refused = ImapLogin(QStringLiteral("u"), QStringLiteral("canary")).run(disabledWire);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("LOGINDISABLED")));
    CHECK(disabled.written.isEmpty());
}

TEST_CASE("IMAP AUTHENTICATE PLAIN: in one line with SASL-IR, else after the continuation",
          "[net][imap][steps]")
{
    const QByteArray token = QByteArray("\0seller@example.test\0p\xc3\xa4ss", 26).toBase64();
    ScriptedTransport ir;
    ir.encrypted = true;
    ir.server = "a1 OK Logged in\r\n";
    ImapWire irWire(ir);
    announce(irWire, "IMAP4rev1 AUTH=PLAIN SASL-IR");
    REQUIRE(ImapLogin(QStringLiteral("seller@example.test"), QStringLiteral("päss")).run(irWire));
    CHECK(ir.written == "a1 AUTHENTICATE PLAIN " + token + "\r\n");

    ScriptedTransport two;
    two.encrypted = true;
    two.server = "+ \r\na1 OK Logged in\r\n";
    ImapWire twoWire(two);
    announce(twoWire, "IMAP4rev1 AUTH=PLAIN");
    REQUIRE(ImapLogin(QStringLiteral("seller@example.test"), QStringLiteral("päss")).run(twoWire));
    CHECK(two.written == "a1 AUTHENTICATE PLAIN\r\n" + token + "\r\n");

    ScriptedTransport bad;
    bad.encrypted = true;
    bad.server = "a1 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n";
    ImapWire badWire(bad);
    announce(badWire, "IMAP4rev1 AUTH=PLAIN SASL-IR");
    auto failed = ImapLogin(QStringLiteral("u"), QStringLiteral("wrong")).run(badWire);
    REQUIRE_FALSE(failed);
    CHECK(failed.error().message.contains(QStringLiteral("Authentication failed")));
}

TEST_CASE("IMAP LOGIN: quoted strings, LITERAL+ literals for special characters", "[net][imap][steps]")
{
    ScriptedTransport t;
    t.loopback = true;
    t.server = "a1 OK\r\n";
    ImapWire wire(t);
    announce(wire, "IMAP4rev1 LITERAL+");
    const QString password = QStringLiteral("비밀\"\\ 1");
    const QByteArray utf8 = password.toUtf8();
    REQUIRE(ImapLogin(QStringLiteral("sel\"ler\\x"), password).run(wire));
    CHECK(t.written ==
          "a1 LOGIN \"sel\\\"ler\\\\x\" {" + QByteArray::number(utf8.size()) + "+}\r\n" + utf8 + "\r\n");

    // A control character makes a literal too, even in ASCII.
    ScriptedTransport ctl;
    ctl.encrypted = true;
    ctl.server = "a1 OK\r\n";
    ImapWire ctlWire(ctl);
    announce(ctlWire, "IMAP4rev1 LITERAL+");
    REQUIRE(ImapLogin(QStringLiteral("u"), QStringLiteral("a\tb")).run(ctlWire));
    CHECK(ctl.written == "a1 LOGIN \"u\" {3+}\r\na\tb\r\n");

    // Without LITERAL+ such a password cannot go in one LOGIN line: refused, nothing written.
    ScriptedTransport plain;
    plain.encrypted = true;
    ImapWire plainWire(plain);
    announce(plainWire, "IMAP4rev1");
    REQUIRE_FALSE(ImapLogin(QStringLiteral("u"), password).run(plainWire));
    CHECK(plain.written.isEmpty());
}

TEST_CASE("IMAP EXAMINE: read-only open of a quoted, UTF-7 mailbox name", "[net][imap][steps]")
{
    ScriptedTransport t;
    t.server = "* FLAGS (\\Answered \\Seen)\r\n* 12 EXISTS\r\n* OK [UIDVALIDITY 1700000000] UIDs valid\r\n"
               "* OK [UIDNEXT 40] Predicted next UID\r\na1 OK [READ-ONLY] Examine completed.\r\n";
    ImapWire wire(t);
    auto st = ImapExamine(QStringLiteral("받은편지함")).run(wire);
    REQUIRE(st);
    CHECK(t.written == "a1 EXAMINE \"&vBvHQNO4ycDVaA-\"\r\n");
    CHECK(st->uidValidity == 1700000000u);
    CHECK(st->uidNext == 40);
    CHECK(st->exists == 12);

    ScriptedTransport none;
    none.server = "a1 OK [READ-ONLY] done\r\n";
    ImapWire noneWire(none);
    auto missing = ImapExamine(QStringLiteral("INBOX")).run(noneWire);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.contains(QStringLiteral("UIDVALIDITY")));
}

TEST_CASE("IMAP UID SEARCH from the cursor and UID FETCH of one batch with BODY.PEEK[]", "[net][imap][steps]")
{
    ScriptedTransport t;
    t.server = "* SEARCH 7 8 9 12\r\na1 OK\r\n"
               "* 3 FETCH (UID 8 BODY[] {4}\r\nabcd)\r\n"
               "* 4 FETCH (UID 9 FLAGS (\\Seen))\r\n"
               "* 5 FETCH (UID 12 BODY[] {2}\r\nxy)\r\n"
               "a2 OK Fetch completed.\r\n";
    ImapWire wire(t);
    auto uids = ImapUidSearch(8).run(wire);
    REQUIRE(uids);
    CHECK(*uids == QList<quint32>{8, 9, 12});
    auto batch = ImapUidFetch({12, 8, 9}).run(wire);
    REQUIRE(batch);
    CHECK(t.written == "a1 UID SEARCH UID 8:*\r\na2 UID FETCH 8:9,12 (UID BODY.PEEK[])\r\n");
    REQUIRE(batch->size() == 2);
    CHECK(batch->at(0).uid == 8);
    CHECK(batch->at(0).raw == "abcd");
    CHECK(batch->at(1).uid == 12);
    CHECK(batch->at(1).raw == "xy");

    ScriptedTransport empty;
    ImapWire emptyWire(empty);
    REQUIRE(ImapUidFetch({}).run(emptyWire)->isEmpty());
    CHECK(empty.written.isEmpty());
}

TEST_CASE("IMAP IDLE: DONE after new mail, after the time is up, and when told to stop", "[net][imap][steps]")
{
    ScriptedTransport mail;
    mail.server = "+ idling\r\n* 13 EXISTS\r\na1 OK Idle completed.\r\n";
    ImapWire mailWire(mail);
    announce(mailWire, "IMAP4rev1 IDLE");
    CHECK(ImapIdle(5000, {}).run(mailWire).value() == IdleEvent::NewMail);
    CHECK(mail.written == "a1 IDLE\r\nDONE\r\n");

    // Told to stop before anything came: DONE at once (the scripted server answers only after it).
    ScriptedTransport stopped;
    stopped.server = "+ idling\r\na1 OK Idle completed.\r\n";
    ImapWire stoppedWire(stopped);
    announce(stoppedWire, "IMAP4rev1 IDLE");
    int asked = 0;
    CHECK(ImapIdle(60000, [&] { return ++asked > 0; }).run(stoppedWire).value() == IdleEvent::Stopped);
    CHECK(asked == 1);
    CHECK(stopped.written == "a1 IDLE\r\nDONE\r\n");

    ScriptedTransport late;
    late.server = "+ idling\r\na1 OK Idle completed.\r\n";
    ImapWire lateWire(late);
    announce(lateWire, "IMAP4rev1 IDLE");
    CHECK(ImapIdle(0, {}).run(lateWire).value() == IdleEvent::Timeout);
    CHECK(late.written == "a1 IDLE\r\nDONE\r\n");

    ScriptedTransport unsupported;
    ImapWire unsupportedWire(unsupported);
    announce(unsupportedWire, "IMAP4rev1");
    REQUIRE_FALSE(ImapIdle(1000, {}).run(unsupportedWire));
    CHECK(unsupported.written.isEmpty());
}

TEST_CASE("IMAP LOGOUT reads BYE and the tagged OK", "[net][imap][steps]")
{
    ScriptedTransport t;
    t.server = "* BYE Logging out\r\na1 OK Logout completed.\r\n";
    ImapWire wire(t);
    ImapLogout().run(wire);
    CHECK(t.written == "a1 LOGOUT\r\n");
    CHECK(t.server.isEmpty());
}
