// The order beside a ticket in the window: shown under the customer, fetched on a worker thread (never
// the GUI thread), its error worded by code, and screenshots in English and Korean to look at.
#include "accounts/account_store.h"
#include "conversation_pane.h"
#include "demo_store.h"
#include "inbox/ingestor.h"
#include "language_scope.h"
#include "order_panel.h"
#include "store/ticket_queries.h"
#include "support/memory_secrets.h"
#include "support/test_support.h"
#include "ui_language.h"

#include <QApplication>
#include <QDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>
#include <atomic>
#include <catch2/catch.hpp>

using namespace casebook;

namespace {

qint64 ticketWith(test::TempStore& store, Channel channel, const QString& id, const QStringList& orders)
{
    InboundMessage m;
    m.channel = channel;
    m.raw = id.toUtf8();
    m.externalId = id;
    m.threadKey = id;
    m.fromName = QStringLiteral("김하나");
    m.subject = QStringLiteral("반품하고 싶어요 ") + id.section(QLatin1Char(':'), -1);
    m.text = QStringLiteral("사이즈가 커서 반품하고 싶습니다.");
    m.date = store.clock.now().addSecs(-3600);
    m.orderNumbers = orders;
    m.customer = {QStringLiteral("coupang"), QStringLiteral("buyer-") + id}; // a ticket each
    m.customerName = m.fromName;
    m.source = QStringLiteral("coupang:shop");
    auto in = Ingestor(*store.db, IngestOptions{}).ingest(m);
    REQUIRE(in);
    return in->ticketId;
}

// The Coupang account the tickets came through: the panel asks at once only when an account can answer.
void addShop(test::TempStore& store)
{
    Account a;
    a.name = QStringLiteral("shop");
    a.kind = AccountKind::Coupang;
    a.settings = QJsonObject{{QStringLiteral("vendor_id"), QStringLiteral("A00012345")}};
    REQUIRE(AccountStore(*store.db).add(a));
}

QDateTime kst(int month, int day, int hour)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, 0), QTimeZone(9 * 3600)).toUTC();
}

Order sampleOrder()
{
    Order o;
    o.channel = Channel::Coupang;
    o.orderId = QStringLiteral("2000000007");
    o.status = QStringLiteral("FINAL_DELIVERY");
    o.items << OrderItem{QStringLiteral("[달빛] 린넨 셔츠"), QStringLiteral("화이트 L"), 2, 38000};
    o.orderedAt = kst(11, 20, 22);
    o.shippedAt = kst(11, 22, 19);
    o.deliveredAt = kst(11, 24, 14);
    o.carrier = QStringLiteral("CJ 대한통운");
    o.trackingNumber = QStringLiteral("337398446274");
    OrderClaim r;
    r.kind = OrderClaim::Kind::Return;
    r.id = QStringLiteral("365937");
    r.state = QStringLiteral("RETURNS_UNCHECKED");
    r.stateText = QStringLiteral("반품");
    r.reason = QStringLiteral("고객변심 · 사이즈 불만");
    r.requestedAt = kst(12, 2, 13);
    o.claims << r;
    o.fetchedAt = QDateTime::currentDateTimeUtc();
    return o;
}

} // namespace

TEST_CASE("the order panel fetches off the GUI thread and shows the order; errors by code", "[ui][orders]")
{
    test::TempStore store;
    store.clock.set(QDateTime::currentDateTimeUtc());
    addShop(store);
    const qint64 coupang = ticketWith(store, Channel::Coupang, QStringLiteral("coupang:online:2001"),
                                      {QStringLiteral("2000000007")});
    const qint64 unknown = ticketWith(store, Channel::Coupang, QStringLiteral("coupang:online:2002"),
                                      {QStringLiteral("3100000000")});
    const qint64 noOrder = ticketWith(store, Channel::Coupang, QStringLiteral("coupang:online:2003"), {});

    ui::ConversationPane pane(*store.db, store.clock);
    std::atomic<QThread*> fetchedOn{nullptr};
    std::atomic<int> fetches{0};
    pane.orderPanel()->setFetch([&](int) -> Result<Order> {
        fetchedOn = QThread::currentThread();
        ++fetches;
        QThread::msleep(50); // the market takes its time: the window must not wait for it
        return sampleOrder();
    });
    pane.resize(720, 520);
    pane.show();
    REQUIRE(QTest::qWaitForWindowExposed(&pane));
    ui::OrderPanel* panel = pane.orderPanel();

    pane.showTicket(coupang);
    CHECK(panel->isVisible());
    CHECK(panel->fetching());
    CHECK(panel->text().contains(QStringLiteral("Fetching the order")));
    REQUIRE(QTest::qWaitFor([&] { return !panel->fetching(); }, 10000));
    CHECK(fetchedOn.load() != nullptr);
    CHECK(fetchedOn.load() != qApp->thread());
    const QString shown = panel->text();
    for (const QString& part :
         {QStringLiteral("2000000007"), QStringLiteral("[달빛] 린넨 셔츠"), QStringLiteral("화이트 L"),
          QStringLiteral("38,000"), QStringLiteral("CJ 대한통운"), QStringLiteral("337398446274"),
          QStringLiteral("Return requested"), QStringLiteral("Delivery completed"),
          QStringLiteral("Refresh")})
        CHECK(shown.contains(part));

    // Refresh asks again.
    panel->refresh();
    REQUIRE(QTest::qWaitFor([&] { return !panel->fetching(); }, 10000));
    CHECK(fetches.load() == 2);

    // A ticket with no order number has no panel.
    pane.showTicket(noOrder);
    CHECK_FALSE(panel->isVisible());

    // The market does not know the order: said in the window's words, the market's beside.
    panel->setFetch([](int) -> Result<Order> {
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("Coupang knows no order 3100000000 of this seller."));
    });
    pane.showTicket(unknown);
    REQUIRE(QTest::qWaitFor([&] { return !panel->fetching(); }, 10000));
    CHECK(panel->text().contains(QStringLiteral("The market does not know this order")));
    CHECK(panel->text().contains(QStringLiteral("3100000000")));
}

TEST_CASE("the order panel in English and Korean (screenshots)", "[ui][orders][screenshot]")
{
    test::TempStore store;
    store.clock.set(QDateTime::currentDateTimeUtc());
    addShop(store);
    const qint64 ticket = ticketWith(store, Channel::Coupang, QStringLiteral("coupang:online:2001"),
                                     {QStringLiteral("2000000007")});
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("ko")}) {
        test::LanguageScope scope(language);
        ui::ConversationPane pane(*store.db, store.clock);
        pane.orderPanel()->setFetch([](int) -> Result<Order> { return sampleOrder(); });
        pane.resize(720, 420);
        pane.show();
        REQUIRE(QTest::qWaitForWindowExposed(&pane));
        pane.showTicket(ticket);
        REQUIRE(QTest::qWaitFor([&] { return !pane.orderPanel()->fetching(); }, 10000));
        if (language == QLatin1String("ko")) {
            CHECK(pane.orderPanel()->text().contains(QStringLiteral("주문")));
            CHECK(pane.orderPanel()->text().contains(QStringLiteral("운송장")));
        }
        QDir().mkpath(QStringLiteral(CASEBOOK_SCREENSHOT_DIR));
        QTest::qWait(50);
        const QString path = QStringLiteral(CASEBOOK_SCREENSHOT_DIR "/order-panel-%1.png").arg(language);
        REQUIRE(pane.grab().save(path));
    }
}

// Issue 22's "the order panel shows a Coupang and a Naver order on the demo": the demo keeps the markets'
// order answers in its order cache (resources/demo/orders/), and the window, with no account to ask, shows
// them beside their tickets at once, in both languages (screenshots demo-order-coupang/naver-en/ko.png).
TEST_CASE("the demo's window shows a Coupang and a Naver order beside their tickets", "[ui][orders][demo]")
{
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("ko")}) {
        test::DemoStore demo;
        test::LanguageScope scope(language);
        ui::MainWindow window(*demo.store.db, demo.store.clock, QStringLiteral("Demo inbox"),
                              test::memorySecrets());
        window.resize(1400, 860);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        window.viewsPane()->selectView(TicketView::All);
        const struct {
            const char* externalId;
            const char* shot;
            QStringList words;
        } cases[] = {{"coupang:call:9310045512",
                      "coupang",
                      {QStringLiteral("27000123456"), QStringLiteral("달빛공방 수제 달항아리 머그컵 350ml"),
                       QStringLiteral("000035820174"), QStringLiteral("36902214")}},
                     {"naver:inquiry:395820117",
                      "naver",
                      {QStringLiteral("2026030318820044"), QStringLiteral("하사미 포셀린 플레이트"),
                       QStringLiteral("0000EG582013"), QStringLiteral("우체국택배")}}};
        for (const auto& c : cases) {
            const auto id = ticket_queries::ticketOfExternalId(demo.store.db->reader(),
                                                               QString::fromLatin1(c.externalId));
            REQUIRE(id);
            const int row = window.ticketListModel()->rowOfTicket(*id);
            REQUIRE(row >= 0);
            window.ticketListPane()->selectRow(row);
            ui::OrderPanel* panel = window.conversationPane()->orderPanel();
            REQUIRE(QTest::qWaitFor([&] { return panel->isVisible() && !panel->text().isEmpty(); }, 5000));
            const QString shown = panel->text();
            INFO(language.toStdString() << " " << c.externalId << ": " << shown.toStdString());
            for (const QString& w : c.words)
                CHECK(shown.contains(w));
            CHECK_FALSE(panel->fetching()); // no account: nothing is asked
            if (language == QLatin1String("ko"))
                CHECK(shown.contains(QStringLiteral("주문")));
            QDir().mkpath(QStringLiteral(CASEBOOK_SCREENSHOT_DIR));
            QTest::qWait(50);
            REQUIRE(window.grab().save(QStringLiteral(CASEBOOK_SCREENSHOT_DIR "/demo-order-%1-%2.png")
                                           .arg(QString::fromLatin1(c.shot), language)));
        }
    }
}
