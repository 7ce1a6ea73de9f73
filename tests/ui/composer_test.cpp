#include "compose/draft_store.h"
#include "compose/outbox.h"
#include "compose/template_renderer.h"
#include "compose/ticket_placeholders.h"
#include "compose/tone_checker.h"
#include "composer_editor.h"
#include "composer_pane.h"
#include "composer_window.h"
#include "conversation_pane.h"
#include "demo/demo_inbox.h"
#include "main_window.h"
#include "send_confirmation_dialog.h"
#include "store/ticket_queries.h"
#include "support/memory_secrets.h"
#include "support/test_support.h"
#include "template_picker.h"
#include "ticket_list_model.h"
#include "tone_highlighter.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeView>
#include <algorithm>
#include <catch2/catch.hpp>

using namespace casebook;
using casebook::test::ComposerWindow;

TEST_CASE("r opens the composer, Ctrl+T inserts a template with the ticket's values, and an unfilled "
          "placeholder is highlighted and blocks sending",
          "[ui][composer]")
{
    ComposerWindow w;
    auto checker = ToneChecker::builtin();
    REQUIRE(checker);
    const TicketSummary ticket = w.ticketWhere([&](const TicketSummary& t) {
        if (t.channels != QStringList{QStringLiteral("email")} || t.orderNumbers.isEmpty() || !w.korean(t))
            return false;
        // A masked name like "ㅇㅇ" reads as slang to the tone check: this test wants a clean template.
        const auto v = TicketPlaceholders::forTicket(w.store.db->reader(), t.number, QStringLiteral("ko"));
        return v && v->contains(QStringLiteral("customer_name")) &&
               checker->check(v->value(QStringLiteral("customer_name")) + QStringLiteral(" 고객님"))
                   .isEmpty();
    });
    w.select(ticket.id);
    CHECK(w.composer->isHidden());

    QTest::keyClick(w.list, Qt::Key_R);
    REQUIRE(w.composer->isVisible());
    CHECK(w.composer->mode() == ui::ComposerPane::Mode::Reply);
    CHECK(w.editor()->hasFocus());
    CHECK(w.composer->findChild<QLabel*>(QStringLiteral("composerTitle"))
              ->text()
              .contains(QStringLiteral("#%1").arg(ticket.number)));
    CHECK(w.composer->findChild<QLabel*>(QStringLiteral("lengthCounter"))
              ->isHidden()); // email has no board limit

    QTest::keyClick(w.editor(), Qt::Key_T, Qt::ControlModifier);
    auto* picker = w.waitForDialog<ui::TemplatePicker>(QStringLiteral("templatePicker"));
    // The ticket is Korean: with no query, Korean templates come first.
    REQUIRE(picker->list()->count() > 16);
    CHECK(picker->list()->item(0)->data(Qt::UserRole).toString().startsWith(QStringLiteral("ko.")));
    QTest::keyClicks(picker->searchBox(), QStringLiteral("acknowl"));
    REQUIRE(picker->list()->count() >= 1);
    CHECK(picker->list()->currentItem()->data(Qt::UserRole).toString() ==
          QStringLiteral("ko.acknowledgement"));
    QTest::keyClick(picker->searchBox(), Qt::Key_Return);

    const QString text = w.editor()->toPlainText();
    const auto values =
        TicketPlaceholders::forTicket(w.store.db->reader(), ticket.number, QStringLiteral("ko"));
    REQUIRE(values);
    CHECK(text.contains(ticket.orderNumbers.first()));
    CHECK_FALSE(text.contains(QStringLiteral("{{order_number}}")));
    if (values->contains(QStringLiteral("customer_name")))
        CHECK(text.contains(values->value(QStringLiteral("customer_name"))));
    // The demo seller has not set a name: that placeholder stays, highlighted, and is selected for typing.
    REQUIRE_FALSE(values->contains(QStringLiteral("seller_name")));
    const int at = int(text.indexOf(QStringLiteral("{{seller_name}}")));
    REQUIRE(at >= 0);
    CHECK(w.highlightedAsUnfilled(at + 3));
    CHECK_FALSE(w.highlightedAsUnfilled(0));
    CHECK(w.editor()->textCursor().selectedText() == QStringLiteral("{{seller_name}}"));
    CHECK(w.editor()->toolTipAt(at + 3).contains(QStringLiteral("seller_name")));
    CHECK(w.composer->findChild<QLabel*>(QStringLiteral("composerProblems"))
              ->text()
              .contains(QStringLiteral("{{seller_name}}")));

    w.pressSend();
    CHECK(w.composer->statusText().contains(QStringLiteral("{{seller_name}}")));
    CHECK(w.outbox(ticket.id).isEmpty());

    // Typing over the selection fills it; the template has no tone findings, so it goes without a question.
    w.type(QStringLiteral("달빛공방"));
    for (QTextCursor next = w.editor()->document()->find(QStringLiteral("{{seller_name}}")); !next.isNull();
         next = w.editor()->document()->find(QStringLiteral("{{seller_name}}"))) {
        w.editor()->setTextCursor(next);
        w.type(QStringLiteral("달빛공방"));
    }
    CHECK(TemplateRenderer::placeholders(w.editor()->toPlainText()).isEmpty());
    const QString reply = w.editor()->toPlainText();
    w.pressSend();
    w.waitForSenderTry(ticket.id);
    const QList<OutboxItem> items = w.outbox(ticket.id);
    REQUIRE(items.size() == 1);
    CHECK(items.first().body == reply);
    CHECK(items.first().channel == Channel::Email);
    CHECK(items.first().state == OutboxState::Queued);
    CHECK(w.editor()->toPlainText().isEmpty());
    auto* outboxList = w.composer->findChild<QListWidget*>(QStringLiteral("outboxList"));
    REQUIRE(outboxList->count() == 1);
    // The list follows the sender's pass (it read "sending" in between).
    CHECK(QTest::qWaitFor(
        [&] { return outboxList->item(0)->data(Qt::UserRole + 1).toString() == QStringLiteral("queued"); }, 10000));
    CHECK(outboxList->isVisible());
    // No account can send in this build: the reply is kept, and the seller is told why it waits.
    CHECK(w.composer->statusText().contains(QStringLiteral("not sent yet")));
}

TEST_CASE("n writes an internal note into the conversation and nothing into the outbox", "[ui][composer]")
{
    ComposerWindow w;
    const TicketSummary ticket = w.ticketWhere([](const TicketSummary& t) { return t.messageCount > 0; });
    w.select(ticket.id);
    QTest::keyClick(w.list, Qt::Key_N);
    REQUIRE(w.composer->isVisible());
    CHECK(w.composer->mode() == ui::ComposerPane::Mode::Note);
    CHECK(w.composer->findChild<QPushButton*>(QStringLiteral("sendButton"))->text() !=
          QStringLiteral("Send"));
    // A note is private: even blunt words draw no finding and no question.
    const QString note = QStringLiteral("이 고객 법적 조치 언급함. 통화 녹취 보관할 것");
    w.type(note);
    w.waitForToneCheck();
    CHECK(w.editor()->highlighter()->findings().isEmpty());
    w.pressSend();
    CHECK_FALSE(w.window->findChild<ui::SendConfirmationDialog*>(QStringLiteral("sendConfirmation")));

    const QList<MessageRecord> messages = ticket_queries::messagesOfTicket(w.store.db->reader(), ticket.id);
    REQUIRE_FALSE(messages.isEmpty());
    CHECK(messages.last().direction == Direction::Note);
    CHECK(messages.last().text == note);
    CHECK(w.outbox(ticket.id).isEmpty());
    CHECK(w.window->conversationPane()->plainText().contains(note));
    CHECK(w.editor()->toPlainText().isEmpty());
}

TEST_CASE("Esc closes the composer and each ticket keeps its own draft; the actions are listed by name",
          "[ui][composer]")
{
    ComposerWindow w;
    QStringList names;
    for (QAction* a : w.composer->actions()) {
        names << a->objectName();
        CHECK_FALSE(a->text().isEmpty());
        CHECK_FALSE(a->shortcut().isEmpty());
        CHECK(w.window->actions().contains(a)); // reachable while the composer is closed
    }
    CHECK(names == QStringList{QStringLiteral("composerReplyAction"), QStringLiteral("composerNoteAction"),
                               QStringLiteral("composerTemplateAction"), QStringLiteral("composerSendAction"),
                               QStringLiteral("composerCloseAction"), QStringLiteral("composerRewriteAction")});

    const QList<TicketSummary> all = ticket_queries::tickets(w.store.db->reader(), TicketFilter{});
    REQUIRE(all.size() >= 2);
    w.select(all[0].id);
    QTest::keyClick(w.list, Qt::Key_R);
    w.type(QStringLiteral("first draft"));
    QTest::keyClick(w.editor(), Qt::Key_Escape);
    CHECK(w.composer->isHidden());
    CHECK(w.list->hasFocus()); // back to the list, where j/k and r work

    w.select(all[1].id);
    QTest::keyClick(w.list, Qt::Key_N);
    CHECK(w.editor()->toPlainText().isEmpty());
    w.type(QStringLiteral("second, a note"));

    w.select(all[0].id);
    CHECK(w.editor()->toPlainText() == QStringLiteral("first draft"));
    CHECK(w.composer->mode() == ui::ComposerPane::Mode::Reply);
    w.select(all[1].id);
    CHECK(w.editor()->toPlainText() == QStringLiteral("second, a note"));
    CHECK(w.composer->mode() == ui::ComposerPane::Mode::Note);
    CHECK(w.outbox(all[0].id).isEmpty());
}

TEST_CASE("a draft outlives a switch of ticket and a restart of the window, and goes once queued",
          "[ui][composer][drafts]")
{
    ComposerWindow w;
    const auto email = [](const TicketSummary& t) {
        return t.channels == QStringList{QStringLiteral("email")};
    };
    const TicketSummary a = w.ticketWhere(email);
    const TicketSummary b = w.ticketWhere([&](const TicketSummary& t) { return t.id != a.id; });
    const QString reply = QStringLiteral("Thank you for waiting. 오늘 발송했습니다.");

    w.select(a.id);
    QTest::keyClick(w.list, Qt::Key_R);
    w.type(reply);
    // A pause in typing is enough for the draft to reach the database (a crash keeps it too).
    for (int i = 0; i < 100 && !DraftStore(*w.store.db).load(a.id); ++i)
        QTest::qWait(50);
    REQUIRE(DraftStore(*w.store.db).load(a.id));
    CHECK(DraftStore(*w.store.db).load(a.id)->body == reply);

    w.select(b.id);
    CHECK(w.editor()->toPlainText().isEmpty());
    QTest::keyClick(w.list, Qt::Key_N);
    w.type(QStringLiteral("ask the courier"));
    w.select(a.id);
    CHECK(w.editor()->toPlainText() == reply);
    w.type(QStringLiteral(" Tracking follows."));
    const QString edited = w.editor()->toPlainText();

    // Closed and opened again on the same database, as after quitting the app: both drafts are back.
    w.window->close();
    w.window.reset();
    w.window = std::make_unique<ui::MainWindow>(*w.store.db, w.store.clock, QStringLiteral("Demo inbox"),
                                                test::memorySecrets());
    w.window->show();
    w.window->activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(w.window.get()));
    w.list = w.window->findChild<QTreeView*>(QStringLiteral("ticketList"));
    w.composer = w.window->findChild<ui::ComposerPane*>(QStringLiteral("composerPane"));
    w.window->findChild<QListWidget*>(QStringLiteral("viewsList"))->setCurrentRow(4); // All
    w.select(a.id);
    CHECK(w.editor()->toPlainText() == edited);
    CHECK(w.composer->mode() == ui::ComposerPane::Mode::Reply);
    w.select(b.id);
    CHECK(w.editor()->toPlainText() == QStringLiteral("ask the courier"));
    CHECK(w.composer->mode() == ui::ComposerPane::Mode::Note);

    // Queued to the outbox, the reply is no longer a draft, here or after the next restart.
    w.select(a.id);
    QTest::keyClick(w.list, Qt::Key_R);
    w.pressSend();
    REQUIRE(w.outbox(a.id).size() == 1);
    CHECK(w.outbox(a.id).first().body == edited);
    CHECK_FALSE(DraftStore(*w.store.db).load(a.id));
    w.select(b.id);
    w.select(a.id);
    CHECK(w.editor()->toPlainText().isEmpty());
    // The note, saved, goes the same way.
    w.select(b.id);
    QTest::keyClick(w.list, Qt::Key_N);
    w.pressSend();
    CHECK_FALSE(DraftStore(*w.store.db).load(b.id));
}

namespace {

// A connector standing in for the real ones: drafts or refuses as told.
struct ScriptedConnector : Connector {
    std::optional<QString> refusal;
    struct NoTransport : OutboxTransport {
        SendOutcome send(const OutboxItem&) override { return SendOutcome::retry(QStringLiteral("test")); }
    } none;
    Result<SyncReport> sync(const SyncControl&) override { return SyncReport{}; }
    Result<OutboxDraft> draftReply(qint64 ticketId, const QString& text) override
    {
        if (refusal)
            return makeError(*refusal);
        OutboxDraft d;
        d.ticketId = ticketId;
        d.body = text;
        d.raw = "Subject: Re\r\n\r\n" + text.toUtf8();
        d.externalId = QStringLiteral("reply-1@shop.example");
        return d;
    }
    OutboxTransport& transport() override { return none; }
};

} // namespace

TEST_CASE("with an account, the connector drafts the reply; its refusal is shown and nothing is queued",
          "[ui][composer]")
{
    ComposerWindow w;
    std::optional<QString> refusal = QStringLiteral("This inquiry was already answered on the marketplace.");
    w.composer->setConnectorFinder([&refusal](const ReplyRoute&) -> Result<std::unique_ptr<Connector>> {
        auto c = std::make_unique<ScriptedConnector>();
        c->refusal = refusal;
        return std::unique_ptr<Connector>(std::move(c));
    });
    const TicketSummary ticket = w.ticketWhere([&](const TicketSummary& t) {
        return t.channels == QStringList{QStringLiteral("email")} && w.korean(t);
    });
    w.select(ticket.id);
    QTest::keyClick(w.list, Qt::Key_R);
    const QString text = QStringLiteral("확인 후 오늘 중으로 다시 안내드리겠습니다.");
    w.type(text);
    w.pressSend();
    CHECK(w.composer->statusText().contains(*refusal));
    CHECK(w.outbox(ticket.id).isEmpty());
    CHECK(w.editor()->toPlainText() == text); // nothing lost

    refusal.reset();
    w.pressSend();
    const QList<OutboxItem> items = w.outbox(ticket.id);
    REQUIRE(items.size() == 1);
    CHECK(items.first().raw.endsWith(text.toUtf8()));
    CHECK(items.first().externalId == QStringLiteral("reply-1@shop.example"));
    CHECK_FALSE(w.composer->statusText().contains(QStringLiteral("not sent yet")));
}

TEST_CASE("the composer shows what became of this ticket's replies, in the server's words", "[ui][composer]")
{
    ComposerWindow w;
    const TicketSummary ticket = w.ticketWhere([&](const TicketSummary& t) {
        return t.channels == QStringList{QStringLiteral("email")} && w.korean(t);
    });
    w.select(ticket.id);
    QTest::keyClick(w.list, Qt::Key_R);
    for (const QString& text :
         {QStringLiteral("첫 번째 답변입니다."), QStringLiteral("두 번째 답변입니다.")}) {
        w.type(text);
        w.pressSend();
    }
    REQUIRE(w.outbox(ticket.id).size() == 2);
    // Let the woken sender's try end, then let the later try come due.
    w.waitForSenderTry(ticket.id);
    w.store.clock.advanceSeconds(24 * 3600);

    // The sender (elsewhere) fails the first with the server's words and loses track of the second.
    Outbox outbox(*w.store.db);
    auto first = outbox.claimNext();
    REQUIRE(first);
    REQUIRE(first->has_value());
    REQUIRE(
        outbox.complete((*first)->id, SendOutcome::failed(QStringLiteral("550 5.1.1 mailbox unavailable"))));
    // (claimed by a process that is gone, so recovery knows it was interrupted)
    auto second = Outbox(*w.store.db, ClaimOwner(QStringLiteral("gone"))).claimNext();
    REQUIRE(second);
    REQUIRE(second->has_value());
    REQUIRE(outbox.recoverInterrupted());

    w.composer->refreshOutbox();
    auto* list = w.composer->findChild<QListWidget*>(QStringLiteral("outboxList"));
    REQUIRE(list->count() == 2);
    QHash<QString, QString> rows; // state → the row's text
    for (int i = 0; i < list->count(); ++i)
        rows.insert(list->item(i)->data(Qt::UserRole + 1).toString(), list->item(i)->text());
    CHECK(rows.value(QStringLiteral("failed")).contains(QStringLiteral("550 5.1.1 mailbox unavailable")));
    CHECK(rows.value(QStringLiteral("failed")).contains(QStringLiteral("첫 번째")));
    CHECK(rows.value(QStringLiteral("unknown")).contains(QStringLiteral("Sent folder")));
    CHECK(rows.value(QStringLiteral("unknown")).contains(QStringLiteral("두 번째")));
}
