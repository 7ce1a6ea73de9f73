#include "conversation_pane.h"
#include "demo/demo_inbox.h"
#include "main_window.h"
#include "support/test_support.h"
#include "ticket_list_model.h"
#include "ticket_list_pane.h"
#include "views_pane.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QListWidget>
#include <QTest>
#include <QTreeView>

#include <catch2/catch.hpp>

using namespace casebook;

namespace {
struct DemoStore {
    test::TempStore store;
    DemoStore()
    {
        store.clock.set(QDateTime::currentDateTimeUtc());
        auto r = DemoInbox::load(*store.db, DemoInbox::resourceRoot());
        REQUIRE(r);
    }
};
} // namespace

TEST_CASE("the ticket list model passes QAbstractItemModelTester in every view", "[ui]")
{
    DemoStore demo;
    ui::TicketListModel model(*demo.store.db, demo.store.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    for (TicketView v : {TicketView::Inbox, TicketView::DueSoon, TicketView::Waiting, TicketView::Resolved,
                         TicketView::All}) {
        model.setView(v);
        for (int row = 0; row < model.rowCount(); ++row)
            for (int col = 0; col < model.columnCount(); ++col)
                (void)model.index(row, col).data();
    }
    model.setView(TicketView::All);
    CHECK(model.rowCount() >= 40);
}

TEST_CASE("the main window shows the demo inbox in three panes", "[ui]")
{
    DemoStore demo;
    ui::MainWindow window(*demo.store.db, demo.store.clock, QStringLiteral("Demo inbox"));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(window.windowTitle().startsWith(QStringLiteral("Casebook")));

    auto* views = window.findChild<QListWidget*>(QStringLiteral("viewsList"));
    auto* list = window.findChild<QTreeView*>(QStringLiteral("ticketList"));
    auto* conversation = window.findChild<ui::ConversationPane*>(QStringLiteral("conversationPane"));
    REQUIRE(views);
    REQUIRE(list);
    REQUIRE(conversation);
    CHECK(views->count() == 5);
    CHECK(views->currentItem()->text().startsWith(QStringLiteral("Inbox")));
    REQUIRE(list->model()->rowCount() > 0);

    // Choosing "All" lists every ticket but spam; choosing a ticket shows its conversation.
    views->setCurrentRow(4);
    CHECK(list->model()->rowCount() >= 40);
    list->setCurrentIndex(list->model()->index(0, ui::TicketListModel::SubjectColumn));
    CHECK(conversation->ticketId() == list->model()->index(0, 0).data(ui::TicketListModel::TicketIdRole).toLongLong());
    CHECK_FALSE(conversation->plainText().isEmpty());
    CHECK(conversation->plainText().contains(
        list->model()->index(0, 0).data(ui::TicketListModel::TicketNumberRole).toString()));

    // A ticket in Korean, for the screenshot a person looks at.
    views->setCurrentRow(0);
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        const QString subject = list->model()->index(row, ui::TicketListModel::SubjectColumn).data().toString();
        if (subject.contains(QStringLiteral("배송")) || subject.contains(QStringLiteral("누락"))) {
            list->setCurrentIndex(list->model()->index(row, ui::TicketListModel::SubjectColumn));
            break;
        }
    }
    QDir().mkpath(QStringLiteral(CASEBOOK_SCREENSHOT_DIR));
    const QString shot = QStringLiteral(CASEBOOK_SCREENSHOT_DIR "/main-window-demo.png");
    CHECK(window.grab().save(shot));
}
