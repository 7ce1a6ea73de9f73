#include "conversation_pane.h"
#include "demo_store.h"
#include "import_controller.h"
#include "main_window.h"
#include "support/memory_secrets.h"
#include "support/test_support.h"
#include "ticket_list_model.h"
#include "ticket_list_pane.h"
#include "views_pane.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>
#include <catch2/catch.hpp>

using namespace casebook;

using test::DemoStore;

TEST_CASE("the ticket list model passes QAbstractItemModelTester in every view", "[ui]")
{
    DemoStore demo;
    ui::TicketListModel model(*demo.store.db, demo.store.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    for (TicketView v : {TicketView::Inbox, TicketView::DueSoon, TicketView::Overdue, TicketView::Waiting,
                         TicketView::Resolved, TicketView::Spam, TicketView::Snoozed, TicketView::All}) {
        model.setView(v);
        for (int row = 0; row < model.rowCount(); ++row)
            for (int col = 0; col < model.columnCount(); ++col)
                (void)model.index(row, col).data();
    }
    // Sorted by each column both ways, and narrowed to a channel and a category.
    for (int col = 0; col < model.columnCount(); ++col) {
        model.sort(col, Qt::AscendingOrder);
        model.sort(col, Qt::DescendingOrder);
        (void)model.index(0, col).data();
    }
    model.show(TicketView::All, Channel::Coupang, std::nullopt, {});
    CHECK(model.rowCount() > 0);
    model.show(TicketView::All, std::nullopt, Category::Shipping, {});
    CHECK(model.rowCount() > 0);
    model.setView(TicketView::All);
    CHECK(model.rowCount() >= 40);
}

TEST_CASE("the main window shows the demo inbox in three panes", "[ui]")
{
    DemoStore demo;
    ui::MainWindow window(*demo.store.db, demo.store.clock, QStringLiteral("Demo inbox"),
                          test::memorySecrets());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(window.windowTitle().startsWith(QStringLiteral("Casebook")));

    auto* views = window.findChild<QListWidget*>(QStringLiteral("viewsList"));
    auto* list = window.findChild<QTreeView*>(QStringLiteral("ticketList"));
    auto* conversation = window.findChild<ui::ConversationPane*>(QStringLiteral("conversationPane"));
    REQUIRE(views);
    REQUIRE(list);
    REQUIRE(conversation);
    CHECK(views->count() >= 9);
    CHECK(views->currentItem()->text().startsWith(QStringLiteral("Inbox")));
    CHECK(views->item(4)->text().startsWith(QStringLiteral("All")));
    REQUIRE(list->model()->rowCount() > 0);

    // Choosing "All" lists every ticket but spam; choosing a ticket shows its conversation.
    views->setCurrentRow(4);
    CHECK(list->model()->rowCount() >= 40);
    list->setCurrentIndex(list->model()->index(0, ui::TicketListModel::SubjectColumn));
    CHECK(conversation->ticketId() ==
          list->model()->index(0, 0).data(ui::TicketListModel::TicketIdRole).toLongLong());
    CHECK_FALSE(conversation->plainText().isEmpty());
    CHECK(conversation->plainText().contains(
        list->model()->index(0, 0).data(ui::TicketListModel::TicketNumberRole).toString()));

    test::showKoreanTicket(window);
    QDir().mkpath(QStringLiteral(CASEBOOK_SCREENSHOT_DIR));
    const QString shot = QStringLiteral(CASEBOOK_SCREENSHOT_DIR "/main-window-demo.png");
    CHECK(window.grab().save(shot));
}

TEST_CASE("Ctrl+K searches the tickets, Korean words with particles included", "[ui]")
{
    DemoStore demo;
    ui::MainWindow window(*demo.store.db, demo.store.clock, QStringLiteral("Demo inbox"),
                          test::memorySecrets());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto* list = window.findChild<QTreeView*>(QStringLiteral("ticketList"));
    auto* box = window.findChild<QLineEdit*>(QStringLiteral("searchBox"));
    REQUIRE(list);
    REQUIRE(box);
    list->setFocus();
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    CHECK(box->hasFocus());
    const int before = list->model()->rowCount();
    box->insert(QStringLiteral("환불")); // as an input method commits it (QTest types ASCII only)
    QTest::keyClick(box, Qt::Key_Return);
    const int hits = list->model()->rowCount();
    CHECK(hits > 0);
    CHECK(hits != before);
    // Every listed ticket really holds the word (in some inflected form) in one of its messages.
    auto* conversation = window.findChild<ui::ConversationPane*>(QStringLiteral("conversationPane"));
    for (int row = 0; row < hits; ++row) {
        list->setCurrentIndex(list->model()->index(row, ui::TicketListModel::SubjectColumn));
        CHECK(conversation->plainText().contains(QStringLiteral("환불")));
    }
    box->clear();
    QTest::keyClick(box, Qt::Key_Return);
    CHECK(list->model()->rowCount() == before);
}

TEST_CASE("importing .eml files from the window adds their tickets", "[ui]")
{
    DemoStore demo;
    ui::MainWindow window(*demo.store.db, demo.store.clock, QStringLiteral("Demo inbox"),
                          test::memorySecrets());
    window.show();
    auto* views = window.findChild<QListWidget*>(QStringLiteral("viewsList"));
    views->setCurrentRow(4); // All
    auto* list = window.findChild<QTreeView*>(QStringLiteral("ticketList"));
    const int before = list->model()->rowCount();
    QSignalSpy done(window.importController(), &ui::ImportController::finished);
    window.importController()->importPaths(ui::ImportController::Kind::Eml,
                                           {test::testData(QStringLiteral("mail/utf8-base64.eml")),
                                            test::testData(QStringLiteral("mail/euc-kr.eml"))});
    REQUIRE(done.wait(30000));
    CHECK(done.first().first().toString().contains(QStringLiteral("2 imported")));
    CHECK(list->model()->rowCount() == before + 2);
}
