#include "coupang_fixture.h"
#include "main_window.h"
#include "marketplace_window.h"
#include "support/memory_secrets.h"
#include "ticket_actions_controller.h"
#include "ticket_list_model.h"
#include "ticket_list_pane.h"
#include "views_pane.h"

#include <QAction>
#include <QMenu>
#include <QStatusBar>
#include <QTest>
#include <QThread>

using namespace casebook;
using namespace casebook::test;

TEST_CASE("the Ticket menu confirms a Coupang transfer off the GUI thread and says how it went",
          "[ui][coupang]")
{
    CoupangShop shop;
    REQUIRE_OK(shop.connector().sync({}));
    // Each connector paces its own calls: a second's pause keeps the sync's and the confirmation's calls
    // under the gateway's ten a second, so the fake counts no violation.
    QThread::msleep(1100);
    ui::MainWindow window(*shop.store.db, shop.store.clock, QStringLiteral("Coupang"), test::memorySecrets());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    window.viewsPane()->selectView(TicketView::All);
    auto select = [&](const QString& externalId) {
        const int row = window.ticketListModel()->rowOfTicket(ticketOfExternal(*shop.store.db, externalId));
        REQUIRE(row >= 0);
        window.ticketListPane()->selectRow(row);
    };
    QAction* confirm = window.ticketActions()->action(QStringLiteral("actionConfirmTransfer"));
    REQUIRE(confirm);
    CHECK(window.ticketActions()->ticketMenu()->actions().contains(confirm));

    // The confirmation runs on a worker thread: the window keeps painting until the status bar has the
    // answer.
    auto waitForStatus = [&](const QString& words) {
        for (int i = 0; i < 400 && !window.statusBar()->currentMessage().contains(words); ++i)
            QTest::qWait(50);
        INFO(window.statusBar()->currentMessage().toStdString());
        REQUIRE(window.statusBar()->currentMessage().contains(words));
    };
    select(QStringLiteral("coupang:call:3950"));
    confirm->trigger();
    waitForStatus(QStringLiteral("3950 confirmed"));
    const QJsonArray posted = shop.server.posted();
    REQUIRE(posted.size() == 1);
    CHECK(posted[0][QStringLiteral("path")].toString().endsWith(
        QStringLiteral("/v4/vendors/A00012345/callCenterInquiries/3950/confirms")));
    CHECK(posted[0][QStringLiteral("body")].toObject() == QJsonObject{{"confirmBy", "wing-kim"}});

    // A product inquiry has nothing to confirm: the status bar says why, Coupang is not asked.
    select(QStringLiteral("coupang:online:2004"));
    confirm->trigger();
    waitForStatus(QStringLiteral("transferred"));
    CHECK(shop.server.posted().size() == 1);
    CHECK(shop.server.violations().isEmpty());
}

TEST_CASE("File → Sync marketplace inquiries now fetches a Coupang account's inquiries on a worker",
          "[ui][coupang]")
{
    CoupangShop shop;
    ui::MainWindow window(*shop.store.db, shop.store.clock, QStringLiteral("Coupang"), test::memorySecrets());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    window.viewsPane()->selectView(TicketView::All);
    CHECK(window.ticketListModel()->rowCount() == 0);
    syncMarketplacesFromWindow(window, QStringLiteral("shop"));
    const int rows = window.ticketListModel()->rowCount();
    CHECK(rows > 0); // the list was refreshed with what arrived
    CHECK(ticketOfExternal(*shop.store.db, QStringLiteral("coupang:call:3950")) > 0);
    CHECK(shop.server.violations().isEmpty());

    // Again: nothing new, nothing doubled.
    QThread::msleep(1100); // the gateway's ten calls a second, counted across both syncs
    window.statusBar()->clearMessage();
    syncMarketplacesFromWindow(window, QStringLiteral("shop"));
    CHECK(window.statusBar()->currentMessage().contains(QStringLiteral("shop: 0 new")));
    CHECK(window.ticketListModel()->rowCount() == rows);
}
