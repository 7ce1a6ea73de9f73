// The window keeping up with time and the store: sorting a search, snoozes ending while it is open, and the
// database's integrity check that runs after the list has painted.
#include "demo_store.h"
#include "inbox/ticket_actions.h"
#include "integrity_check.h"
#include "main_window.h"
#include "snooze_waker.h"
#include "store/ticket_queries.h"
#include "support/memory_secrets.h"
#include "support/test_support.h"
#include "ticket_list_model.h"
#include "ticket_list_pane.h"
#include "views_pane.h"

#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QStatusBar>
#include <QTest>
#include <QTreeView>
#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>

using namespace casebook;

namespace {

QList<TicketSummary> listed(const QTreeView* list, Database& db)
{
    QList<qint64> ids;
    for (int row = 0; row < list->model()->rowCount(); ++row)
        ids << list->model()->index(row, 0).data(ui::TicketListModel::TicketIdRole).toLongLong();
    QHash<qint64, TicketSummary> byId;
    for (const TicketSummary& t : ticket_queries::ticketsByIds(db.reader(), ids))
        byId.insert(t.id, t);
    QList<TicketSummary> out;
    for (qint64 id : ids)
        out << byId.value(id);
    return out;
}

QSet<qint64> idsOf(const QList<TicketSummary>& tickets)
{
    QSet<qint64> out;
    for (const TicketSummary& t : tickets)
        out.insert(t.id);
    return out;
}

int viewCount(const ui::MainWindow& window, const QString& name)
{
    auto* views = window.findChild<QListWidget*>(QStringLiteral("viewsList"));
    for (int i = 0; i < views->count(); ++i)
        if (views->item(i)->text().section(QStringLiteral("   "), 0, 0) == name)
            return views->item(i)->text().section(QLatin1Char(' '), -1).toInt();
    FAIL("no view named " << name.toStdString());
    return -1;
}

} // namespace

TEST_CASE("a search's results sort by any column, both ways, and stay the same tickets", "[ui][search]")
{
    test::DemoStore demo;
    ui::MainWindow window(*demo.store.db, demo.store.clock, QStringLiteral("Demo inbox"),
                          test::memorySecrets());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto* list = window.findChild<QTreeView*>(QStringLiteral("ticketList"));
    auto* box = window.findChild<QLineEdit*>(QStringLiteral("searchBox"));
    REQUIRE(list);
    REQUIRE(box);
    box->insert(QStringLiteral("환불"));
    QTest::keyClick(box, Qt::Key_Return);
    const QList<TicketSummary> found = listed(list, *demo.store.db);
    REQUIRE(found.size() >= 3);

    QHeaderView* header = list->header();
    const auto sortedBy = [&](int column, Qt::SortOrder order) {
        header->setSortIndicator(column, order);
        const QList<TicketSummary> rows = listed(list, *demo.store.db);
        CHECK(box->text() == QStringLiteral("환불")); // still the search, not the view
        CHECK(idsOf(rows) == idsOf(found));
        return rows;
    };
    QList<TicketSummary> rows = sortedBy(ui::TicketListModel::ActivityColumn, Qt::AscendingOrder);
    for (int i = 1; i < rows.size(); ++i)
        CHECK(rows[i - 1].lastActivityAt <= rows[i].lastActivityAt);
    rows = sortedBy(ui::TicketListModel::ActivityColumn, Qt::DescendingOrder);
    for (int i = 1; i < rows.size(); ++i)
        CHECK(rows[i - 1].lastActivityAt >= rows[i].lastActivityAt);
    rows = sortedBy(ui::TicketListModel::SubjectColumn, Qt::AscendingOrder);
    for (int i = 1; i < rows.size(); ++i)
        CHECK(rows[i - 1].subject.compare(rows[i].subject, Qt::CaseInsensitive) <= 0);
    rows = sortedBy(ui::TicketListModel::StatusColumn, Qt::DescendingOrder);
    for (int i = 1; i < rows.size(); ++i)
        CHECK(static_cast<int>(rows[i - 1].status) >= static_cast<int>(rows[i].status));
    // Every column sorts; the order differs from the search's own for at least one of them.
    bool reordered = false;
    for (int column = 0; column < ui::TicketListModel::ColumnCount; ++column)
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            const QList<TicketSummary> sorted = sortedBy(column, order);
            for (int i = 0; i < sorted.size(); ++i)
                reordered = reordered || sorted[i].id != found[i].id;
        }
    CHECK(reordered);
}

TEST_CASE("a snoozed ticket comes back to the Inbox when its time comes, with the window open",
          "[ui][triage][snooze]")
{
    test::DemoStore demo;
    ui::MainWindow window(*demo.store.db, demo.store.clock, QStringLiteral("Demo inbox"),
                          test::memorySecrets());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    window.viewsPane()->selectView(TicketView::Inbox);
    window.viewsPane()->refreshCounts();
    auto* list = window.findChild<QTreeView*>(QStringLiteral("ticketList"));
    const auto inInbox = [&](qint64 id) { return window.ticketListModel()->rowOfTicket(id) >= 0; };
    const int inbox = viewCount(window, QStringLiteral("Inbox"));

    // Snoozed from the keyboard until tomorrow: the waker is set to that time.
    list->setFocus();
    window.ticketListPane()->selectRow(0);
    const qint64 first = window.ticketListPane()->currentTicketId();
    QTest::keyClick(list, Qt::Key_S);
    auto* tomorrow = window.findChild<QPushButton*>(QStringLiteral("snoozeTomorrow"));
    REQUIRE(tomorrow);
    tomorrow->click();
    REQUIRE_FALSE(inInbox(first));
    CHECK(viewCount(window, QStringLiteral("Inbox")) == inbox - 1);
    ui::SnoozeWaker* waker = window.snoozeWaker();
    const QDateTime until =
        ticket_queries::ticketsByIds(demo.store.db->reader(), {first}).first().snoozedUntil;
    REQUIRE(until > demo.store.clock.now());
    CHECK(waker->nextWake() == until);
    CHECK(waker->remainingMs() > 0);

    // Its timer firing early (the clock has not reached the time) changes nothing.
    waker->check();
    CHECK_FALSE(inInbox(first));
    // Once the clock passes the time, the timer's run brings it back, counts and all.
    demo.store.clock.set(until.addSecs(1));
    waker->check();
    CHECK(inInbox(first));
    CHECK(viewCount(window, QStringLiteral("Inbox")) == inbox);
    CHECK_FALSE(waker->nextWake().isValid());

    // A snooze of a few seconds, written by another part of the app: after a re-arm the timer alone wakes
    // the ticket, no reload asked for.
    const qint64 second = window.ticketListPane()->currentTicketId();
    REQUIRE(second);
    REQUIRE(TicketActions(*demo.store.db).snooze(second, demo.store.clock.now().addSecs(1)));
    window.ticketListPane()->reloadKeepingPlace();
    window.viewsPane()->refreshCounts();
    REQUIRE_FALSE(inInbox(second));
    waker->rearm();
    CHECK(waker->remainingMs() <= 3000); // a second past the time, rounded to whole seconds
    demo.store.clock.advanceSeconds(2);
    for (int i = 0; i < 80 && !inInbox(second); ++i)
        QTest::qWait(50);
    CHECK(inInbox(second));
    CHECK(viewCount(window, QStringLiteral("Inbox")) == inbox);

    // A re-arm that comes after the time has passed (a triage action, the first paint) still wakes it: by
    // then the ticket has left the Snoozed view the re-arm reads.
    REQUIRE(TicketActions(*demo.store.db).snooze(second, demo.store.clock.now().addSecs(60)));
    window.ticketListPane()->reloadKeepingPlace();
    waker->rearm();
    REQUIRE_FALSE(inInbox(second));
    demo.store.clock.advanceSeconds(120);
    waker->rearm();
    CHECK(inInbox(second));
}

TEST_CASE("a damaged database opens, and the check after the first paint warns what to do", "[ui][integrity]")
{
    auto store = std::make_unique<test::TempStore>();
    // A table the window never reads, so only the check finds its damage.
    REQUIRE(store->db->write([](SQLite::Database& db) -> Result<void> {
        db.exec("CREATE TABLE padding (x TEXT); CREATE INDEX padding_x ON padding(x)");
        SQLite::Statement insert(db, "INSERT INTO padding VALUES (?)");
        for (int i = 0; i < 3000; ++i) {
            insert.bind(1, QStringLiteral("row %1 ").arg(i).repeated(20).toStdString());
            insert.exec();
            insert.reset();
        }
        return {};
    }));
    const int pageSize = store->db->reader().execAndGet("PRAGMA page_size").getInt();
    const int root = store->db->reader()
                         .execAndGet("SELECT rootpage FROM sqlite_master WHERE name = 'padding_x'")
                         .getInt();
    const QString path = store->path();
    store->db.reset(); // the last connection closes: the WAL is written back into the file
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadWrite));
        REQUIRE(file.seek(qint64(root - 1) * pageSize));
        REQUIRE(file.write(QByteArray(pageSize, '\xff')) == pageSize);
    }

    // Checked at open (the CLI's way), it is refused; the window's way, it opens and is checked later.
    auto refused = Database::open(path, store->clock, {.quickCheck = true});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("integrity check")));
    auto opened = Database::open(path, store->clock, {.quickCheck = false});
    REQUIRE(opened);
    store->db = std::move(opened.value());

    ui::MainWindow window(*store->db, store->clock, QString(), test::memorySecrets());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    ui::IntegrityCheck* check = window.integrityCheck();
    for (int i = 0; i < 200 && !check->done(); ++i)
        QTest::qWait(25);
    REQUIRE(check->done());
    CHECK(check->problem().contains(QStringLiteral("integrity check")));
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("integrityWarning"));
    REQUIRE(box);
    CHECK(box->isVisible());
    CHECK(box->text().contains(path));
    CHECK(box->text().contains(QStringLiteral("backup")));
    CHECK(box->detailedText() == check->problem());
    auto* label = window.statusBar()->findChild<QLabel*>(QStringLiteral("databaseWarning"));
    REQUIRE(label);
    CHECK(label->isVisible());
    box->accept();
}

TEST_CASE("a sound database passes the check after the first paint without a word", "[ui][integrity]")
{
    test::DemoStore demo;
    ui::MainWindow window(*demo.store.db, demo.store.clock, QStringLiteral("Demo inbox"),
                          test::memorySecrets());
    ui::IntegrityCheck* check = window.integrityCheck();
    CHECK_FALSE(check->done()); // not before the list has painted
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    for (int i = 0; i < 200 && !check->done(); ++i)
        QTest::qWait(25);
    REQUIRE(check->done());
    CHECK(check->problem().isEmpty());
    CHECK_FALSE(window.findChild<QMessageBox*>(QStringLiteral("integrityWarning")));
    CHECK_FALSE(window.findChild<QLabel*>(QStringLiteral("databaseWarning")));
}

TEST_CASE("the Inbox opens due first, and a sort the seller picks is kept across restarts", "[ui][sort]")
{
    test::DemoStore demo;
    QSettings().remove(QStringLiteral("MainWindow"));
    auto dueOrder = [&](const QTreeView* list) {
        const QList<TicketSummary> rows = listed(list, *demo.store.db);
        for (int i = 1; i < rows.size(); ++i) {
            const QDateTime a = rows[i - 1].dueAt, b = rows[i].dueAt;
            if (!a.isValid() && b.isValid())
                return false; // a ticket owing no answer above one that owes
            if (a.isValid() && b.isValid() && b < a)
                return false;
        }
        return rows.size() >= 3;
    };
    {
        ui::MainWindow window(*demo.store.db, demo.store.clock, QStringLiteral("Demo inbox"), test::memorySecrets());
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        auto* list = window.findChild<QTreeView*>(QStringLiteral("ticketList"));
        REQUIRE(list);
        CHECK(dueOrder(list));
        CHECK(list->header()->sortIndicatorSection() == ui::TicketListModel::DueColumn);
        CHECK(window.ticketListPane()->chosenSort().isEmpty());
        // The seller sorts by subject, Z to A, and quits.
        list->header()->setSortIndicator(ui::TicketListModel::SubjectColumn, Qt::DescendingOrder);
        CHECK_FALSE(dueOrder(list));
        window.close();
    }
    CHECK(QSettings().value(QStringLiteral("MainWindow/ticketListSort")).toString() ==
          QStringLiteral("%1,desc").arg(ui::TicketListModel::SubjectColumn));
    ui::MainWindow again(*demo.store.db, demo.store.clock, QStringLiteral("Demo inbox"), test::memorySecrets());
    again.show();
    REQUIRE(QTest::qWaitForWindowExposed(&again));
    auto* list = again.findChild<QTreeView*>(QStringLiteral("ticketList"));
    REQUIRE(list);
    CHECK(list->header()->sortIndicatorSection() == ui::TicketListModel::SubjectColumn);
    CHECK(list->header()->sortIndicatorOrder() == Qt::DescendingOrder);
    const QList<TicketSummary> rows = listed(list, *demo.store.db);
    REQUIRE(rows.size() >= 3);
    for (int i = 1; i < rows.size(); ++i)
        CHECK(rows[i - 1].subject.compare(rows[i].subject, Qt::CaseInsensitive) >= 0);
    QSettings().remove(QStringLiteral("MainWindow"));
}
