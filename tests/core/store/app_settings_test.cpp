#include "compose/ticket_placeholders.h"
#include "inbox/ingestor.h"
#include "store/app_settings.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace casebook;

namespace {

InboundMessage inquiry(Channel channel, const QString& id, const QDateTime& at)
{
    InboundMessage m;
    m.channel = channel;
    m.raw = id.toUtf8();
    m.externalId = id;
    m.threadKey = id;
    m.fromName = QStringLiteral("김하나");
    m.subject = QStringLiteral("배송 문의");
    m.date = at;
    m.text = QStringLiteral("언제 오나요?");
    m.customer = {QStringLiteral("email"), id + QStringLiteral("@buyer.example")};
    m.source = QStringLiteral("test");
    return m;
}

// The table's three clocks (email, coupang, naver) set by hand.
DueClocks clocksOf(qint64 email, qint64 coupang, qint64 naver)
{
    DueClocks c;
    c.set(Channel::Email, email);
    c.set(Channel::Coupang, coupang);
    c.set(Channel::Naver, naver);
    return c;
}

} // namespace

TEST_CASE("settings read back what was saved, and defaults when unset", "[settings]")
{
    test::TempStore store;
    SQLite::Database& r = store.db->reader();
    CHECK(AppSettings::seller(r).name.isEmpty());
    CHECK(AppSettings::dueClocks(r) == DueClocks{});
    CHECK(DueClocks{}.secs(Channel::Coupang) == 24 * 3600);

    REQUIRE(AppSettings::save(*store.db,
                              SellerProfile{QStringLiteral(" 달빛상점 "), QStringLiteral("달빛상점 드림")}));
    REQUIRE(AppSettings::save(*store.db, clocksOf(48 * 3600, 12 * 3600, 6 * 3600)));
    CHECK(AppSettings::seller(r).name == QStringLiteral("달빛상점"));
    CHECK(AppSettings::seller(r).signature == QStringLiteral("달빛상점 드림"));
    const DueClocks due = AppSettings::dueClocks(r);
    CHECK(due.secs(Channel::Email) == 48 * 3600);
    CHECK(due.forChannel(Channel::Coupang) == 12 * 3600);
    CHECK(due.forChannel(Channel::Naver) == 6 * 3600);
    CHECK(due.forChannel(Channel::Csv) == 48 * 3600);

    // A clock of zero would make every case overdue on arrival: refused, and nothing changes.
    CHECK_FALSE(AppSettings::save(*store.db, clocksOf(0, 3600, 3600)));
    CHECK(AppSettings::dueClocks(r).secs(Channel::Email) == 48 * 3600);
    // A hand-edited nonsense value reads as the default.
    REQUIRE(store.db->write([](SQLite::Database& w) -> Result<void> {
        AppSettings::setValue(w, AppSettings::dueKey(Channel::Naver), QStringLiteral("soon"));
        return {};
    }));
    CHECK(AppSettings::dueClocks(r).secs(Channel::Naver) == DueClocks::defaultSecs(Channel::Naver));
}

TEST_CASE("imports start the answer clock from the seller's per-channel setting", "[settings]")
{
    test::TempStore store;
    REQUIRE(AppSettings::save(*store.db, clocksOf(48 * 3600, 12 * 3600, 24 * 3600)));
    const QDateTime at = QDateTime::fromString(QStringLiteral("2026-03-02T09:00:00Z"), Qt::ISODate);
    Ingestor ingestor(*store.db, IngestOptions{});
    auto coupang = ingestor.ingest(inquiry(Channel::Coupang, QStringLiteral("coupang:online:1"), at));
    auto email = ingestor.ingest(inquiry(Channel::Email, QStringLiteral("mail-1@buyer.example"), at));
    REQUIRE(coupang);
    REQUIRE(email);
    SQLite::Database& r = store.db->reader();
    const auto byId = [&](qint64 id) { return ticket_queries::ticketsByIds(r, {id}).value(0); };
    CHECK(byId(coupang->ticketId).dueAt == at.addSecs(12 * 3600));
    CHECK(byId(email->ticketId).dueAt == at.addSecs(48 * 3600));

    // Options given by the caller win over the stored setting.
    Ingestor fixed(*store.db, IngestOptions{.dueClocks = clocksOf(3600, 3600, 3600)});
    auto naver = fixed.ingest(inquiry(Channel::Naver, QStringLiteral("naver:1"), at));
    REQUIRE(naver);
    CHECK(byId(naver->ticketId).dueAt == at.addSecs(3600));
}

TEST_CASE("templates' seller name and signature come from the settings", "[settings]")
{
    test::TempStore store;
    Ingestor ingestor(*store.db, IngestOptions{});
    auto in = ingestor.ingest(inquiry(Channel::Email, QStringLiteral("m@buyer.example"), store.clock.now()));
    REQUIRE(in);
    const int number = ticket_queries::ticketsByIds(store.db->reader(), {in->ticketId}).value(0).number;
    auto before = TicketPlaceholders::forTicket(store.db->reader(), number, QStringLiteral("ko"));
    REQUIRE(before);
    CHECK_FALSE(before->contains(QStringLiteral("seller_name")));
    REQUIRE(AppSettings::save(
        *store.db, SellerProfile{QStringLiteral("하나상점"), QStringLiteral("하나상점 고객센터")}));
    auto after = TicketPlaceholders::forTicket(store.db->reader(), number, QStringLiteral("ko"));
    REQUIRE(after);
    CHECK(after->value(QStringLiteral("seller_name")) == QStringLiteral("하나상점"));
    CHECK(after->value(QStringLiteral("seller_signature")) == QStringLiteral("하나상점 고객센터"));
}
