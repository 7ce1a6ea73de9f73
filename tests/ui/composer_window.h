#pragma once

// The composer's tests share this window: the demo inbox in the real main window.
#include "compose/outbox.h"
#include "compose/ticket_placeholders.h"
#include "composer_editor.h"
#include "tone_highlighter.h"
#include "composer_pane.h"
#include "demo/demo_inbox.h"
#include "main_window.h"
#include "store/ticket_queries.h"
#include "support/memory_secrets.h"
#include "support/test_support.h"
#include "ticket_list_model.h"

#include <QApplication>
#include <QListWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeView>
#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <memory>

namespace casebook::test {

// The real window on the demo inbox, shown and active so that its shortcuts work.
struct ComposerWindow {
    test::TempStore store;
    std::unique_ptr<ui::MainWindow> window;
    QTreeView* list = nullptr;
    ui::ComposerPane* composer = nullptr;

    ComposerWindow()
    {
        store.clock.set(QDateTime::currentDateTimeUtc());
        REQUIRE(DemoInbox::load(*store.db, DemoInbox::resourceRoot()));
        window = std::make_unique<ui::MainWindow>(*store.db, store.clock, QStringLiteral("Demo inbox"),
                                                  test::memorySecrets());
        window->show();
        window->activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(window.get()));
        list = window->findChild<QTreeView*>(QStringLiteral("ticketList"));
        composer = window->findChild<ui::ComposerPane*>(QStringLiteral("composerPane"));
        REQUIRE(list);
        REQUIRE(composer);
        window->findChild<QListWidget*>(QStringLiteral("viewsList"))->setCurrentRow(4); // All
    }

    // A ticket of the demo inbox that the predicate likes.
    TicketSummary ticketWhere(const std::function<bool(const TicketSummary&)>& wanted)
    {
        for (const TicketSummary& t : ticket_queries::tickets(store.db->reader(), TicketFilter{}))
            if (wanted(t))
                return t;
        FAIL("no demo ticket fits");
        return {};
    }

    bool korean(const TicketSummary& t)
    {
        return TicketPlaceholders::languageOf(store.db->reader(), t.number) == QLatin1String("ko");
    }

    // Selects the ticket in the list, as a click would, and leaves the focus on the list.
    void select(qint64 ticketId)
    {
        QAbstractItemModel* model = list->model();
        for (int row = 0;; ++row) {
            while (row >= model->rowCount() && model->canFetchMore({}))
                model->fetchMore({});
            REQUIRE(row < model->rowCount());
            const QModelIndex index = model->index(row, ui::TicketListModel::SubjectColumn);
            if (index.data(ui::TicketListModel::TicketIdRole).toLongLong() == ticketId) {
                list->setCurrentIndex(index);
                break;
            }
        }
        list->setFocus();
        REQUIRE(composer->ticketId() == ticketId);
    }

    ui::ComposerEditor* editor() const { return composer->editor(); }

    // Types text as an input method commits it (QTest::keyClicks sends Latin-1 only).
    void type(const QString& text)
    {
        editor()->setFocus();
        editor()->insertPlainText(text);
    }

    void pressSend()
    {
        // The offscreen platform gives no window the activation back when a dialog closes, and shortcuts
        // only reach the active window.
        if (QApplication::activeWindow() != window.get()) {
            window->activateWindow();
            REQUIRE(QTest::qWaitForWindowActive(window.get()));
        }
        editor()->setFocus();
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
    }

    QList<OutboxItem> outbox(qint64 ticketId)
    {
        auto items = Outbox(*store.db).list(ticketId);
        REQUIRE(items);
        return items.value();
    }

    // Queuing a reply wakes the window's sender at once (not at its next tick); with no account on the demo
    // it keeps every item queued for a later try. Waits until that try is over for each of the ticket's
    // items, so what a test reads next is not the sender's moment in between.
    void waitForSenderTry(qint64 ticketId)
    {
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QList<OutboxItem> items = outbox(ticketId);
                return std::all_of(items.cbegin(), items.cend(), [](const OutboxItem& i) {
                    return i.state == OutboxState::Queued && i.attempts > 0;
                });
            }(),
            10000);
    }

    template <typename T> T* waitForDialog(const QString& name)
    {
        T* found = nullptr;
        for (int i = 0; i < 50 && !(found && found->isVisible()); ++i) {
            found = window->findChild<T*>(name);
            if (!(found && found->isVisible()))
                QTest::qWait(20);
        }
        INFO(composer->statusText().toStdString());
        REQUIRE(found);
        REQUIRE(found->isVisible());
        return found;
    }

    // The wavy-underlined ranges the highlighter laid out, as document positions.
    QList<QPair<int, int>> underlines() const
    {
        QList<QPair<int, int>> out;
        for (QTextBlock b = editor()->document()->begin(); b.isValid(); b = b.next())
            for (const QTextLayout::FormatRange& r : b.layout()->formats())
                if (r.format.underlineStyle() == QTextCharFormat::WaveUnderline)
                    out.append({b.position() + r.start, b.position() + r.start + r.length});
        return out;
    }

    bool highlightedAsUnfilled(int position) const
    {
        const QTextBlock b = editor()->document()->findBlock(position);
        for (const QTextLayout::FormatRange& r : b.layout()->formats())
            if (position - b.position() >= r.start && position - b.position() < r.start + r.length &&
                r.format.background().style() != Qt::NoBrush)
                return true;
        return false;
    }

    void waitForToneCheck()
    {
        QTest::qWait(500); // the check runs after a pause in typing
    }

    // Opens the reply to a Korean email ticket, types `text` and waits until the tone check has found
    // something (a loaded machine may run the debounced check late). Returns the ticket.
    TicketSummary replyToKoreanEmail(const QString& text)
    {
        const TicketSummary ticket = ticketWhere([&](const TicketSummary& t) {
            return t.channels == QStringList{QStringLiteral("email")} && korean(t);
        });
        select(ticket.id);
        QTest::keyClick(list, Qt::Key_R);
        REQUIRE(composer->isVisible());
        type(text);
        waitForToneCheck();
        for (int i = 0; i < 30 && editor()->highlighter()->findings().isEmpty(); ++i)
            QTest::qWait(100);
        return ticket;
    }
};

} // namespace casebook::test
