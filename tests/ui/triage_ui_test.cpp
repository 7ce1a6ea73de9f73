#include "command_palette.h"
#include "conversation_pane.h"
#include "demo/demo_inbox.h"
#include "inbox/ingestor.h"
#include "main_window.h"
#include "quarantine_pane.h"
#include "safe_browser.h"
#include "store/customer_tickets.h"
#include "store/saved_searches.h"
#include "support/memory_secrets.h"
#include "support/test_support.h"
#include "ticket_actions_controller.h"
#include "ticket_list_model.h"
#include "ticket_list_pane.h"
#include "views_pane.h"

#include <QDir>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <catch2/catch.hpp>

using namespace casebook;

namespace {

// The demo inbox in the real window, shown offscreen, with what the tests drive found by objectName.
struct Window {
    test::TempStore store;
    std::unique_ptr<ui::MainWindow> window;
    QListWidget* views = nullptr;
    QTreeView* list = nullptr;

    Window()
    {
        store.clock.set(QDateTime::currentDateTimeUtc());
        REQUIRE(DemoInbox::load(*store.db, DemoInbox::resourceRoot()));
        window = std::make_unique<ui::MainWindow>(*store.db, store.clock, QStringLiteral("Demo inbox"),
                                                  test::memorySecrets());
        window->show();
        REQUIRE(QTest::qWaitForWindowExposed(window.get()));
        views = window->findChild<QListWidget*>(QStringLiteral("viewsList"));
        list = window->findChild<QTreeView*>(QStringLiteral("ticketList"));
        REQUIRE(views);
        REQUIRE(list);
        window->viewsPane()
            ->refreshCounts(); // they come a moment after the first paint; the tests read them now
    }

    QListWidgetItem* view(const QString& name) const
    {
        for (int i = 0; i < views->count(); ++i)
            if (views->item(i)->text().section(QStringLiteral("   "), 0, 0) == name)
                return views->item(i);
        FAIL("no view named " << name.toStdString());
        return nullptr;
    }
    int count(const QString& name) const { return view(name)->text().section(QLatin1Char(' '), -1).toInt(); }
    qint64 idAt(int row) const
    {
        return list->model()->index(row, 0).data(ui::TicketListModel::TicketIdRole).toLongLong();
    }
    QList<qint64> ids() const
    {
        QList<qint64> out;
        for (int row = 0; row < list->model()->rowCount(); ++row)
            out << idAt(row);
        return out;
    }
    template <typename T> T* find(const QString& name) const
    {
        auto* w = window->findChild<T*>(name);
        REQUIRE(w);
        return w;
    }
};

} // namespace

TEST_CASE("e resolves the selected ticket: it leaves the Inbox and the counts follow", "[ui][triage]")
{
    Window w;
    w.views->setCurrentItem(w.view(QStringLiteral("Inbox")));
    const int inbox = w.count(QStringLiteral("Inbox"));
    const int resolved = w.count(QStringLiteral("Resolved"));
    REQUIRE(inbox == w.list->model()->rowCount());
    REQUIRE(inbox >= 2);
    w.list->setFocus();
    // Only row 1, whatever modifier keys an earlier test left down (setCurrentIndex would read them).
    w.window->ticketListPane()->selectRow(1);
    const qint64 chosen = w.idAt(1);
    const qint64 next = w.idAt(2);

    QTest::keyClick(w.list, Qt::Key_E);
    CHECK_FALSE(w.ids().contains(chosen));
    CHECK(w.list->model()->rowCount() == inbox - 1);
    CHECK(w.count(QStringLiteral("Inbox")) == inbox - 1);
    CHECK(w.count(QStringLiteral("Resolved")) == resolved + 1);
    // The next ticket takes its place, as in a mail client.
    CHECK(w.list->currentIndex().row() == 1);
    CHECK(w.idAt(1) == next);

    // j and k move, Ctrl+Z brings it back.
    QTest::keyClick(w.list, Qt::Key_J);
    CHECK(w.list->currentIndex().row() == 2);
    QTest::keyClick(w.list, Qt::Key_K);
    QTest::keyClick(w.list, Qt::Key_K);
    CHECK(w.list->currentIndex().row() == 0);
    QTest::keyClick(w.list, Qt::Key_Z, Qt::ControlModifier);
    CHECK(w.ids().contains(chosen));
    CHECK(w.count(QStringLiteral("Inbox")) == inbox);
}

TEST_CASE("two selected tickets merge, and undo splits them again", "[ui][triage]")
{
    Window w;
    w.views->setCurrentItem(w.view(QStringLiteral("All")));
    const int all = w.list->model()->rowCount();
    const qint64 a = w.idAt(0);
    const qint64 b = w.idAt(3);
    const int messagesOfA = ticket_queries::messagesOfTicket(w.store.db->reader(), a).size();
    const int messagesOfB = ticket_queries::messagesOfTicket(w.store.db->reader(), b).size();
    w.list->setFocus();
    // As Ctrl+click does; set explicitly, since the view reads the keyboard modifiers earlier tests left.
    w.list->selectionModel()->setCurrentIndex(w.list->model()->index(0, ui::TicketListModel::SubjectColumn),
                                              QItemSelectionModel::ClearAndSelect |
                                                  QItemSelectionModel::Rows);
    w.list->selectionModel()->select(w.list->model()->index(3, 0),
                                     QItemSelectionModel::Select | QItemSelectionModel::Rows);
    REQUIRE(w.list->selectionModel()->selectedRows().size() == 2);

    QTest::keyClick(w.list, Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(w.list->model()->rowCount() == all - 1);
    CHECK(w.count(QStringLiteral("All")) == all - 1);
    const QList<qint64> left = w.ids();
    const qint64 survivor = left.contains(a) ? a : b;
    CHECK(left.contains(a) != left.contains(b));
    CHECK(ticket_queries::messagesOfTicket(w.store.db->reader(), survivor).size() ==
          messagesOfA + messagesOfB);
    auto* status = w.window->statusBar();
    CHECK(status->currentMessage().contains(QStringLiteral("Merged")));
    // The current ticket is the merged one, and its conversation shows every message.
    auto* conversation = w.find<ui::ConversationPane>(QStringLiteral("conversationPane"));
    CHECK(conversation->ticketId() == survivor);

    QTest::keyClick(w.list, Qt::Key_Z, Qt::ControlModifier);
    CHECK(w.list->model()->rowCount() == all);
    CHECK(ticket_queries::messagesOfTicket(w.store.db->reader(), a).size() == messagesOfA);
    CHECK(ticket_queries::messagesOfTicket(w.store.db->reader(), b).size() == messagesOfB);
}

TEST_CASE("three selected tickets are resolved at once, and one Ctrl+Z brings all three back", "[ui][triage][bulk]")
{
    Window w;
    w.views->setCurrentItem(w.view(QStringLiteral("Inbox")));
    const int inbox = w.list->model()->rowCount();
    REQUIRE(inbox >= 4);
    const QList<qint64> chosen{w.idAt(0), w.idAt(1), w.idAt(2)};
    w.list->setFocus();
    w.list->selectionModel()->setCurrentIndex(w.list->model()->index(0, ui::TicketListModel::SubjectColumn),
                                              QItemSelectionModel::ClearAndSelect |
                                                  QItemSelectionModel::Rows);
    for (int row : {1, 2})
        w.list->selectionModel()->select(w.list->model()->index(row, 0),
                                         QItemSelectionModel::Select | QItemSelectionModel::Rows);
    REQUIRE(w.list->selectionModel()->selectedRows().size() == 3);

    QTest::keyClick(w.list, Qt::Key_E);
    for (qint64 id : chosen)
        CHECK_FALSE(w.ids().contains(id));
    CHECK(w.list->model()->rowCount() == inbox - 3);
    for (const TicketSummary& t : ticket_queries::ticketsByIds(w.store.db->reader(), chosen))
        CHECK(t.status == TicketStatus::Resolved);
    CHECK(w.find<QAction>(QStringLiteral("actionUndo"))->text().contains(QStringLiteral("status Resolved")));

    QTest::keyClick(w.list, Qt::Key_Z, Qt::ControlModifier);
    CHECK(w.list->model()->rowCount() == inbox);
    for (qint64 id : chosen)
        CHECK(w.ids().contains(id));
    for (const TicketSummary& t : ticket_queries::ticketsByIds(w.store.db->reader(), chosen))
        CHECK(t.status != TicketStatus::Resolved);
}

TEST_CASE("? lists every shortcut from the registered actions", "[ui][triage]")
{
    Window w;
    w.list->setFocus();
    QTest::keyClick(w.list, Qt::Key_Question);
    auto* table = w.find<QTableWidget>(QStringLiteral("shortcutTable"));
    QStringList rows;
    for (int r = 0; r < table->rowCount(); ++r)
        rows << table->item(r, 0)->text() + QStringLiteral(" = ") + table->item(r, 1)->text();
    INFO(rows.join(QStringLiteral("; ")).toStdString());
    for (const QString& expected :
         {QStringLiteral("J = Next ticket"), QStringLiteral("K = Previous ticket"),
          QStringLiteral("E = Resolve"), QStringLiteral("S = Snooze"), QStringLiteral("# = Mark as spam"),
          QStringLiteral("? = Keyboard shortcuts"), QStringLiteral("Ctrl+Shift+P = Command palette")})
        CHECK(rows.contains(expected));
    CHECK(rows.filter(QStringLiteral("Ctrl+K")).size() == 1);
    CHECK(rows.filter(QStringLiteral("/")).size() == 1);
    // The composer's keys are listed too: the help is built from every action the window holds.
    CHECK(rows.filter(QRegularExpression(QStringLiteral("^R = |^N = |^Ctrl\\+T = |^Ctrl\\+Return"))).size() ==
          4);
    w.find<QDialog>(QStringLiteral("shortcutHelpDialog"))->close();
}

TEST_CASE("the command palette finds an action by a few letters and runs it", "[ui][triage]")
{
    Window w;
    w.views->setCurrentItem(w.view(QStringLiteral("Inbox")));
    w.list->setFocus();
    w.list->setCurrentIndex(w.list->model()->index(0, ui::TicketListModel::SubjectColumn));
    const qint64 chosen = w.idAt(0);
    QTest::keyClick(w.list, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    auto* input = w.find<QLineEdit>(QStringLiteral("paletteInput"));
    auto* found = w.find<QListWidget>(QStringLiteral("paletteList"));
    CHECK(found->count() > 10);
    QTest::keyClicks(input, QStringLiteral("spam"));
    REQUIRE(found->count() >= 1);
    CHECK(found->item(0)->text().startsWith(QStringLiteral("Mark as spam")));
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_VERIFY(!w.ids().contains(chosen));
    const auto t = ticket_queries::ticketsByIds(w.store.db->reader(), {chosen});
    CHECK(t.first().status == TicketStatus::Spam);
    CHECK(ui::CommandPalette::fuzzyScore(QStringLiteral("mrg sel"),
                                         QStringLiteral("Merge selected tickets")) > 0);
    CHECK(ui::CommandPalette::fuzzyScore(QStringLiteral("xyz"), QStringLiteral("Merge selected tickets")) <
          0);
}

TEST_CASE("s snoozes through a small date dialog and the ticket waits in Snoozed", "[ui][triage]")
{
    Window w;
    w.views->setCurrentItem(w.view(QStringLiteral("Inbox")));
    w.list->setFocus();
    w.list->setCurrentIndex(w.list->model()->index(0, ui::TicketListModel::SubjectColumn));
    const qint64 chosen = w.idAt(0);
    const int snoozed = w.count(QStringLiteral("Snoozed"));
    QTest::keyClick(w.list, Qt::Key_S);
    auto* tomorrow = w.find<QPushButton>(QStringLiteral("snoozeTomorrow"));
    tomorrow->click();
    CHECK_FALSE(w.ids().contains(chosen));
    CHECK(w.count(QStringLiteral("Snoozed")) == snoozed + 1);
    // A day and a bit later it is back in the Inbox by itself.
    w.store.clock.advanceSeconds(2 * 86400);
    w.window->ticketListPane()->reloadKeepingPlace();
    CHECK(w.ids().contains(chosen));
}

TEST_CASE("the case summary is written in a dialog and shows in the conversation", "[ui][triage]")
{
    Window w;
    w.views->setCurrentItem(w.view(QStringLiteral("All")));
    w.list->setFocus();
    w.list->setCurrentIndex(w.list->model()->index(0, ui::TicketListModel::SubjectColumn));
    w.find<QAction>(QStringLiteral("actionEditSummary"))->trigger();
    auto* dialog = w.window->findChild<QInputDialog*>(QStringLiteral("summaryDialog"));
    REQUIRE(dialog);
    const QString summary = QStringLiteral("택배사 조사 결과 문 앞 배송 사진 확보");
    dialog->setTextValue(summary);
    dialog->accept();
    CHECK(QTest::qWaitFor(
        [&] { return w.window->conversationPane()->browser()->toPlainText().contains(summary); }, 5000));
}

TEST_CASE("views by channel, category, saved search and the could-not-read list", "[ui][triage]")
{
    Window w;
    // A message that cannot be read lands in the quarantine list, raw text and all.
    Ingestor ingestor(*w.store.db, {});
    REQUIRE(ingestor.ingestMail(test::readFile(test::testData(QStringLiteral("mail/not-a-message.eml"))),
                                QStringLiteral("test"), QStringLiteral("not-a-message.eml")));
    REQUIRE(saved_searches::add(*w.store.db, QStringLiteral("Refunds"), QStringLiteral("환불")));
    w.window->viewsPane()->refreshCounts();

    w.views->setCurrentItem(w.view(QStringLiteral("Coupang")));
    REQUIRE(w.list->model()->rowCount() == w.count(QStringLiteral("Coupang")));
    for (int row = 0; row < w.list->model()->rowCount(); ++row)
        CHECK(w.list->model()
                  ->index(row, 0)
                  .data(ui::TicketListModel::ChannelsRole)
                  .toStringList()
                  .contains(QStringLiteral("coupang")));

    w.views->setCurrentItem(w.view(QStringLiteral("Refunds")));
    CHECK(w.find<QLineEdit>(QStringLiteral("searchBox"))->text() == QStringLiteral("환불"));
    CHECK(w.list->model()->rowCount() > 0);

    auto* quarantined = w.find<QTreeWidget>(QStringLiteral("quarantineList"));
    w.views->setCurrentItem(w.view(QStringLiteral("Could not read")));
    CHECK(quarantined->isVisible());
    REQUIRE(quarantined->topLevelItemCount() == w.count(QStringLiteral("Could not read")));
    REQUIRE(quarantined->topLevelItemCount() >= 1);
    quarantined->setCurrentItem(quarantined->topLevelItem(0));
    CHECK_FALSE(w.find<QPlainTextEdit>(QStringLiteral("quarantineRaw"))->toPlainText().isEmpty());

    // Sorting by a column happens in SQL and survives the lazy loading.
    w.views->setCurrentItem(w.view(QStringLiteral("All")));
    CHECK(w.list->isVisible());
    w.list->header()->setSortIndicator(ui::TicketListModel::CustomerColumn, Qt::AscendingOrder);
    QStringList customers;
    for (int row = 0; row < w.list->model()->rowCount(); ++row)
        customers << w.list->model()
                         ->index(row, ui::TicketListModel::CustomerColumn)
                         .data()
                         .toString()
                         .remove(QRegularExpression(QStringLiteral("^[⚠★] ")));
    QStringList sorted = customers;
    std::stable_sort(sorted.begin(), sorted.end(), [](const QString& x, const QString& y) {
        return x.compare(y, Qt::CaseInsensitive) < 0;
    });
    CHECK(customers == sorted);
}

TEST_CASE("a screenshot of the window after triage, for a person to look at", "[ui][triage]")
{
    Window w;
    w.views->setCurrentItem(w.view(QStringLiteral("Inbox")));
    w.list->setCurrentIndex(w.list->model()->index(0, ui::TicketListModel::SubjectColumn));
    auto* vip = w.window->ticketActions()->action(QStringLiteral("actionFlagVip"));
    REQUIRE(vip);
    vip->setChecked(false);
    vip->trigger(); // toggles it on, as a click would
    CHECK(w.list->model()
              ->index(0, 0)
              .data(ui::TicketListModel::CustomerFlagsRole)
              .toStringList()
              .contains(QStringLiteral("vip")));
    w.list->selectionModel()->select(w.list->model()->index(2, 0),
                                     QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QDir().mkpath(QStringLiteral(CASEBOOK_SCREENSHOT_DIR));
    CHECK(w.window->grab().save(QStringLiteral(CASEBOOK_SCREENSHOT_DIR "/main-window-triage.png")));
}

TEST_CASE("the customer panel gathers the customer across channels: contacts, orders, tickets, claims",
          "[ui][customer]")
{
    Window w;
    w.views->setCurrentItem(w.view(QStringLiteral("All")));
    REQUIRE(w.list->model()->rowCount() > 0);
    w.window->ticketListPane()->selectRow(0);
    auto* panel = w.find<QLabel>(QStringLiteral("customerPanel"));
    const auto customer = ticket_queries::customerOfTicket(w.store.db->reader(), w.idAt(0));
    REQUIRE(customer);
    const customer_tickets::History h = customer_tickets::history(w.store.db->reader(), customer->id);
    CHECK(h.tickets >= 1);
    const QString text = panel->text();
    CHECK(text.contains(QStringLiteral("First contact:")));
    CHECK(text.contains(h.tickets == 1 ? QStringLiteral("1 ticket") : QStringLiteral("%1 tickets").arg(h.tickets)));
    CHECK(text.contains(h.claims() ? QStringLiteral("claims: ") : QStringLiteral("no claims")));
    for (const QString& order : h.orders)
        CHECK(text.contains(order));
}
