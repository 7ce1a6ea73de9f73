#include "compose/note_writer.h"
#include "inbox/mail_importer.h"
#include "inbox/own_addresses.h"
#include "inbox/rethreader.h"
#include "inbox/ticket_actions.h"
#include "sources/maildir_source.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>

using namespace casebook;

namespace {

const QString kTeashop = QStringLiteral("own-addresses/teashop");

qint64 scalar(Database& db, const char* sql)
{
    return db.reader().execAndGet(sql).getInt64();
}

// The live ticket of a stored message, by Message-ID.
qint64 ticketOf(Database& db, const char* messageId)
{
    SQLite::Statement st(db.reader(), "SELECT ticket_id FROM messages WHERE external_id = ?");
    st.bind(1, messageId);
    REQUIRE(st.executeStep());
    return st.getColumn(0).getInt64();
}

QString directionOf(Database& db, const char* messageId)
{
    SQLite::Statement st(db.reader(), "SELECT direction FROM messages WHERE external_id = ?");
    st.bind(1, messageId);
    REQUIRE(st.executeStep());
    return QString::fromUtf8(st.getColumn(0).getText());
}

qint64 customersWith(Database& db, const char* address)
{
    SQLite::Statement st(db.reader(), "SELECT COUNT(*) FROM customer_identities WHERE value = ?");
    st.bind(1, address);
    REQUIRE(st.executeStep());
    return st.getColumn(0).getInt64();
}

ImportReport importTeashop(Database& db, const QStringList& own)
{
    MaildirSource source(test::testData(kTeashop));
    REQUIRE(source.open());
    IngestOptions options;
    options.ownAddresses = own;
    auto r = MailImporter(db, options).run(source);
    REQUIRE(r);
    return r.value();
}

} // namespace

TEST_CASE("own addresses: the mailbox says whose it is (Sent folder, Delivered-To, most recipients)",
          "[import]")
{
    MaildirSource source(test::testData(kTeashop));
    REQUIRE(source.open());
    const OwnAddressSet found = own_addresses::survey(source, test::testData(kTeashop));
    CHECK(found.addresses() == QStringList{QStringLiteral("help@teashop.example")});
    CHECK(found.entries().value(0).why == QStringLiteral("Sent folder"));

    own_addresses::MailboxSurvey noHints; // no Sent folder, no Delivered-To: the address most mail goes to
    for (int i = 0; i < 4; ++i)
        noHints.look(QStringLiteral("From: c%1@example.com\nTo: Shop <shop@tea.example>\n\nhi\n").arg(i).toUtf8(),
                     false);
    noHints.look("From: shop@tea.example\nTo: c1@example.com\n\nanswer\n", false);
    CHECK(noHints.conclusions().addresses() == QStringList{QStringLiteral("shop@tea.example")});
    own_addresses::MailboxSurvey few; // one customer's thread says nothing
    few.look("From: a@example.com\nTo: b@example.com\n\nhi\n", false);
    CHECK(few.conclusions().isEmpty());

    // Staff answer from addresses nobody writes to: whom they write to (the shop's customers, never the
    // shop) gives them away; three in one domain no customer writes from make the domain the seller's.
    own_addresses::MailboxSurvey staffed;
    auto mail = [](const char* from, const char* to) {
        return QStringLiteral("From: %1\nTo: %2\n\nx\n").arg(QLatin1String(from), QLatin1String(to)).toUtf8();
    };
    for (const char* c : {"c1@gmail.example", "c2@gmail.example", "c3@daum.example", "c4@naver.example",
                          "c1@gmail.example", "c2@gmail.example", "c3@daum.example", "c4@naver.example"})
        staffed.look(mail(c, "help@tea.example"), false);
    staffed.look(mail("jiwoo@cs.tea.example", "c1@gmail.example"), false);
    staffed.look(mail("minho@cs.tea.example", "c2@gmail.example"), false);
    staffed.look(mail("sora@cs.tea.example", "c3@daum.example"), false);
    staffed.look(mail("owner@gmail.example", "c4@naver.example"), false); // answers twice, from a customer's domain
    staffed.look(mail("owner@gmail.example", "c1@gmail.example"), false);
    staffed.look(mail("friend@gmail.example", "c2@gmail.example"), false); // once: not enough on its own
    staffed.look(mail("news@list.example", "c1@gmail.example, other@x.example"), false); // not only customers
    const OwnAddressSet concluded = staffed.conclusions();
    CHECK(concluded.addresses() == QStringList{QStringLiteral("help@tea.example"), QStringLiteral("@cs.tea.example"),
                                               QStringLiteral("owner@gmail.example")});
    // A customer writing to another customer never becomes the seller: they write to the shop.
    CHECK_FALSE(concluded.contains(QStringLiteral("c1@gmail.example")));

    CHECK(own_addresses::isSentFolder(QStringLiteral(".Sent")));
    CHECK(own_addresses::isSentFolder(QStringLiteral(".INBOX.Sent Items")));
    CHECK(own_addresses::isSentFolder(QStringLiteral("보낸편지함")));
    CHECK(own_addresses::isSentFolder(QStringLiteral(".&vPSwuNO4ycDVaA-")));
    CHECK_FALSE(own_addresses::isSentFolder(QStringLiteral(".Drafts")));

    CHECK(own_addresses::parseList(QStringLiteral("A@Shop.example, @shop.example;b@x.co")).value() ==
          QStringList{QStringLiteral("a@shop.example"), QStringLiteral("@shop.example"), QStringLiteral("b@x.co")});
    CHECK(own_addresses::parseList(QStringLiteral("shop")).error().code == ErrorCode::InvalidInput);
}

TEST_CASE("own addresses are known from the setting, the email accounts and earlier imports", "[import]")
{
    test::TempStore s;
    REQUIRE(own_addresses::saveSetting(*s.db, {QStringLiteral("a@shop.example")}));
    OwnAddressSet found;
    found.add(QStringLiteral("b@shop.example"), QStringLiteral("Sent folder"));
    REQUIRE(own_addresses::remember(*s.db, found));
    REQUIRE(own_addresses::remember(*s.db, found)); // once
    const OwnAddressSet known = own_addresses::known(*s.db);
    CHECK(known.addresses() == QStringList{QStringLiteral("a@shop.example"), QStringLiteral("b@shop.example")});
    CHECK(known.describe() == QStringLiteral("a@shop.example (setting), b@shop.example (Sent folder)"));
}

TEST_CASE("rethread: new own addresses turn the seller's mail into replies and keep the seller's triage",
          "[import]")
{
    test::TempStore s;
    const ImportReport first = importTeashop(*s.db, {});
    REQUIRE(first.imported == 5);
    // Not knowing the shop's address: its replies read as mail from a customer called help@teashop.example,
    // and the reply that lost its headers opens a ticket of its own.
    CHECK(directionOf(*s.db, "a1@teashop.example") == QStringLiteral("in"));
    CHECK(customersWith(*s.db, "help@teashop.example") == 1);
    CHECK(first.ticketsCreated == 3);
    const qint64 broken = ticketOf(*s.db, "q1@example.kr");
    const qint64 invoice = ticketOf(*s.db, "q2@example.com");
    const qint64 stray = ticketOf(*s.db, "a2@teashop.example");
    CHECK(stray != invoice);

    // The seller's triage, to survive.
    TicketActions actions(*s.db);
    REQUIRE(actions.setStatus(broken, TicketStatus::Resolved));
    REQUIRE(actions.setPriority(broken, 2));
    REQUIRE(NoteWriter(*s.db).add(broken, QStringLiteral("새 찻잔 발송함")));
    REQUIRE(NoteWriter(*s.db).add(stray, QStringLiteral("invoice sent by hand")));

    IngestOptions options;
    options.ownAddresses = {QStringLiteral("help@teashop.example")};
    auto r = Rethreader(*s.db, options).run();
    REQUIRE(r);
    CHECK(r->messages == 5);
    CHECK(r->directionsChanged == 2);
    CHECK(r->ticketsCreated == 0);
    CHECK(r->ticketsFolded == 1);
    CHECK(r->ownIdentitiesRemoved == 1);
    CHECK(directionOf(*s.db, "a1@teashop.example") == QStringLiteral("out"));
    CHECK(directionOf(*s.db, "a2@teashop.example") == QStringLiteral("out"));
    CHECK(customersWith(*s.db, "help@teashop.example") == 0);
    // The same tickets, the stray reply now in Sarah's, and the triage as the seller left it.
    CHECK(ticketOf(*s.db, "q1@example.kr") == broken);
    CHECK(ticketOf(*s.db, "a1@teashop.example") == broken);
    CHECK(ticketOf(*s.db, "q1-2@example.kr") == broken);
    CHECK(ticketOf(*s.db, "a2@teashop.example") == invoice);
    const auto tickets = ticket_queries::ticketsByIds(s.db->reader(), {broken});
    REQUIRE(tickets.size() == 1);
    CHECK(tickets[0].status == TicketStatus::Resolved);
    CHECK(tickets[0].priority == 2);
    CHECK(scalar(*s.db, "SELECT COUNT(*) FROM messages WHERE direction = 'note'") == 2);
    SQLite::Statement notes(s.db->reader(), "SELECT COUNT(*) FROM messages WHERE direction = 'note' AND ticket_id = ?");
    notes.bind(1, static_cast<int64_t>(invoice));
    REQUIRE(notes.executeStep());
    CHECK(notes.getColumn(0).getInt() == 1); // the folded ticket's note followed its mail
    SQLite::Statement folded(s.db->reader(), "SELECT merged_into FROM tickets WHERE id = ?");
    folded.bind(1, static_cast<int64_t>(stray));
    REQUIRE(folded.executeStep());
    CHECK(folded.getColumn(0).getInt64() == invoice);
    CHECK(scalar(*s.db, "SELECT COUNT(*) FROM messages WHERE quarantine_reason IS NOT NULL") == 0);

    // Again with the same addresses: nothing moves.
    auto again = Rethreader(*s.db, options).run();
    REQUIRE(again);
    CHECK(again->directionsChanged == 0);
    CHECK(again->ticketsCreated == 0);
    CHECK(again->ticketsFolded == 0);
    CHECK(ticketOf(*s.db, "a2@teashop.example") == invoice);
}
