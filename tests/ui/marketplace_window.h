#pragma once

// The window's marketplace paths as a seller drives them, shared by the connectors' window tests: the
// outbox worker's first flush, File → Sync marketplace inquiries, a reply typed in the composer, and an answer
// leaving through the outbox.
#include "compose/outbox.h"
#include "composer_editor.h"
#include "composer_pane.h"
#include "mail_sync_controller.h"
#include "main_window.h"

#include <QAction>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <catch2/catch.hpp>

namespace casebook::test {

// Opens the window on screen once its outbox worker's first flush (at start) is over: from then on only a
// wake sends, so a test sees what its own action caused.
inline void showAfterFirstFlush(ui::MainWindow& window)
{
    auto* worker = window.findChild<ui::MailSyncController*>();
    REQUIRE(worker);
    QSignalSpy flushed(worker, &ui::MailSyncController::outboxChanged);
    REQUIRE(flushed.wait(20000));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
}

// File → Sync marketplace inquiries now, then waits (up to 30 s) until the status bar says what `account`
// fetched.
inline void syncMarketplacesFromWindow(ui::MainWindow& window, const QString& account)
{
    auto* sync = window.findChild<QAction*>(QStringLiteral("actionSyncMarketplaces"));
    REQUIRE(sync);
    sync->trigger();
    for (int i = 0; i < 600 && !window.statusBar()->currentMessage().contains(QStringLiteral("fetched")); ++i)
        QTest::qWait(50);
    INFO(window.statusBar()->currentMessage().toStdString());
    REQUIRE(window.statusBar()->currentMessage().startsWith(account + QStringLiteral(": ")));
}

// Opens the composer on `ticket` as a reply, checks that it answers through `channel`, types `text` and sends
// it, as a seller does. The composer's status line says what became of it.
inline void replyFromComposer(ui::ComposerPane& composer, qint64 ticket, Channel channel, const QString& text)
{
    composer.setTicket(ticket);
    composer.openComposer(ui::ComposerPane::Mode::Reply);
    REQUIRE(composer.channel() == channel);
    composer.editor()->setPlainText(text);
    composer.send();
}

// The one outbox item queued for `ticket`.
inline OutboxItem onlyQueued(Database& db, qint64 ticket)
{
    auto items = Outbox(db).list(ticket);
    REQUIRE(items);
    REQUIRE(items->size() == 1);
    return items->first();
}

// The outbox item's state once it is sent, or after 15 s: queuing wakes the worker, which sends at once.
inline OutboxState stateOnceSent(Database& db, qint64 itemId)
{
    for (int i = 0; i < 300 && Outbox(db).item(itemId)->state != OutboxState::Sent; ++i)
        QTest::qWait(50);
    return Outbox(db).item(itemId)->state;
}

} // namespace casebook::test
