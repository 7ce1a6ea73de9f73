// Amazon buyer-seller messages come as email from the relay (docs/amazon.md): the relay is recognised by
// its address, not by looks, and what it brings is channel amazon with its order number.
#include "accounts/account_store.h"
#include "compose/reply_route.h"
#include "connectors/connector_factory.h"
#include "inbox/ingestor.h"
#include "mail/amazon_relay.h"
#include "mail_fixture.h"
#include "store/app_settings.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <QJsonArray>
#include <catch2/catch.hpp>

using namespace casebook;
using test::parseFixture;

namespace {

const QString kRelay = QStringLiteral("7kx2mq9d4lpz3wh@marketplace.amazon.com");
const QString kOrder = QStringLiteral("114-3941689-8772232");

} // namespace

TEST_CASE("relay addresses: marketplace.amazon.<store>, nothing that only looks like it", "[mail][amazon]")
{
    for (const char* a : {"7kx2mq9d4lpz3wh@marketplace.amazon.com", "x@marketplace.amazon.co.uk",
                          "x@Marketplace.Amazon.DE", "x@marketplace.amazon.co.jp", "x@marketplace.amazon.com.au"})
        CHECK(isAmazonRelayAddress(QLatin1String(a)));
    for (const char* a : {"x@marketplace.amazon.example.com", "x@amazon.com", "x@marketplace.amazon.",
                          "marketplace.amazon.com", "x@evil-marketplace.amazon.com", "x@marketplace.amazon.com.evil",
                          ""})
        CHECK_FALSE(isAmazonRelayAddress(QLatin1String(a)));
}

TEST_CASE("a buyer's message through the relay is channel amazon with its order number", "[mail][amazon]")
{
    const InboundMessage en = parseFixture("amazon-inquiry-en.eml");
    CHECK(en.channel == Channel::Amazon);
    CHECK(en.fromAddress == kRelay);
    CHECK(en.fromName == QStringLiteral("Jane Doe")); // without " - Amazon Marketplace"
    CHECK(en.customerName == QStringLiteral("Jane Doe"));
    REQUIRE_FALSE(en.orderNumbers.isEmpty());
    CHECK(en.orderNumbers.first() == kOrder);
    CHECK(en.text.contains(QStringLiteral("ceramic tea set")));

    const InboundMessage ko = parseFixture("amazon-inquiry-ko.eml");
    CHECK(ko.channel == Channel::Amazon);
    CHECK(ko.fromName == QStringLiteral("김지은"));
    CHECK(ko.subject.contains(QStringLiteral("김지은 님의 문의")));
    CHECK(ko.orderNumbers.value(0) == QStringLiteral("250-5518820-4417345"));
    CHECK(ko.text.contains(QStringLiteral("젓가락 한 벌이 휘어져")));

    // The seller's answer read back from the Sent folder: to the relay, so Amazon's too.
    const InboundMessage sent = parseFixture("amazon-sent-reply.eml");
    CHECK(sent.channel == Channel::Amazon);
    CHECK(sent.fromName == QStringLiteral("Dalbit Shop"));

    // A look-alike sender is plain email, whatever its subject says.
    const InboundMessage fake = parseFixture("amazon-lookalike.eml");
    CHECK(fake.channel == Channel::Email);
    CHECK(parseFixture("utf8-base64.eml").channel == Channel::Email);
}

TEST_CASE("Amazon mail makes one ticket per order and buyer, due in 24 calendar hours", "[inbox][amazon]")
{
    test::TempStore s;
    // The seller counts email in business hours; Amazon's own clock still counts the weekend.
    DueClocks clocks = AppSettings::dueClocks(s.db->reader());
    clocks.setBusinessHours(Channel::Email, true);
    REQUIRE(AppSettings::save(*s.db, clocks));
    Ingestor ingestor(*s.db, IngestOptions{{QStringLiteral("help@dalbit-shop.example")}});
    const auto add = [&](const char* name) {
        auto r = ingestor.ingestMail(test::readFile(test::testData(QStringLiteral("mail/") + QLatin1String(name))),
                                     QStringLiteral("imap:shop-mail"), QLatin1String(name));
        REQUIRE(r);
        return r->ticketId;
    };
    const qint64 ticket = add("amazon-inquiry-en.eml");
    SQLite::Database& r = s.db->reader();
    const TicketSummary first = ticket_queries::ticketsByIds(r, {ticket}).value(0);
    CHECK(first.channels == QStringList{QStringLiteral("amazon")});
    CHECK(first.orderNumbers.contains(kOrder));
    CHECK(first.customerName == QStringLiteral("Jane Doe"));
    // Saturday 23:41 UTC: due Sunday 23:41, weekend or not.
    CHECK(first.dueAt == QDateTime(QDate(2026, 12, 6), QTime(23, 41, 5), QTimeZone::utc()));

    // The answer from the Sent folder threads by In-Reply-To and is outgoing; the buyer's next message
    // comes with a new Message-ID and no reply headers (the relay drops them) and joins by buyer and order.
    CHECK(add("amazon-sent-reply.eml") == ticket);
    CHECK(add("amazon-followup-en.eml") == ticket);
    const QList<MessageRecord> messages = ticket_queries::messagesOfTicket(r, ticket);
    REQUIRE(messages.size() == 3);
    int out = 0;
    for (const MessageRecord& m : messages) {
        CHECK(m.channel == Channel::Amazon);
        out += m.direction == Direction::Out;
    }
    CHECK(out == 1);
    const qint64 other = add("amazon-inquiry-ko.eml");
    CHECK(other != ticket);
    CHECK(add("amazon-lookalike.eml") != ticket);
    const TicketSummary ko = ticket_queries::ticketsByIds(r, {other}).value(0);
    CHECK(ko.channels == QStringList{QStringLiteral("amazon")});
    CHECK(ko.orderNumbers.value(0) == QStringLiteral("250-5518820-4417345"));
}

TEST_CASE("an Amazon ticket is answered by email to the relay, by the account that received it",
          "[connectors][amazon]")
{
    test::TempStore s;
    Account a;
    a.name = QStringLiteral("shop-mail");
    a.kind = AccountKind::Email;
    a.settings = QJsonObject{{QStringLiteral("address"), QStringLiteral("help@dalbit-shop.example")},
                             {QStringLiteral("imap_host"), QStringLiteral("127.0.0.1")},
                             {QStringLiteral("imap_port"), 993},
                             {QStringLiteral("smtp_host"), QStringLiteral("127.0.0.1")},
                             {QStringLiteral("smtp_port"), 465}};
    auto id = AccountStore(*s.db).add(a);
    REQUIRE(id);
    a.id = *id;
    Ingestor ingestor(*s.db, IngestOptions{{QStringLiteral("help@dalbit-shop.example")}});
    auto in = ingestor.ingestMail(test::readFile(test::testData(QStringLiteral("mail/amazon-inquiry-en.eml"))),
                                  QStringLiteral("imap:shop-mail"), QStringLiteral("INBOX uid 7"));
    REQUIRE(in);

    auto route = replyRouteFor(*s.db, in->ticketId);
    REQUIRE(route);
    CHECK(route->channel == Channel::Amazon);
    REQUIRE(route->account);
    CHECK(route->account->name == a.name);

    auto connector = makeEmailConnector(a, *s.db, QStringLiteral("pw"));
    REQUIRE(connector);
    auto draft = connector.value()->draftReply(in->ticketId, QStringLiteral("Your tea set arrives on Dec 9."));
    REQUIRE(draft);
    CHECK(draft->channel == Channel::Amazon);
    CHECK(draft->target.value(QStringLiteral("to")).toArray() == QJsonArray{kRelay});
    CHECK(draft->subject.contains(kOrder)); // Amazon files the answer under the order its subject names
    CHECK(draft->raw.contains("In-Reply-To: <0100018e7c2f4a31"));
}
