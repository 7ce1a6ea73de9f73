// The tone check in the composer: findings underlined while typing, explained, and weighed before sending.
#include "compose/outbox.h"
#include "compose/tone_checker.h"
#include "composer_window.h"
#include "send_confirmation_dialog.h"
#include "tone_highlighter.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>

using namespace casebook;
using casebook::test::ComposerWindow;

TEST_CASE("a threatening sentence is underlined while typing, explained in a tooltip, and sent only after "
          "confirmation",
          "[ui][composer]")
{
    ComposerWindow w;
    const QString sentence = QStringLiteral("계속 이러시면 법적 조치를 취하겠습니다.");
    const TicketSummary ticket = w.replyToKoreanEmail(sentence);

    const QList<ToneFinding>& findings = w.editor()->highlighter()->findings();
    REQUIRE_FALSE(findings.isEmpty());
    CHECK(findings.first().category == QStringLiteral("threat"));
    const int threat = int(sentence.indexOf(QStringLiteral("법적 조치")));
    bool underlined = false;
    for (const auto& [from, to] : w.underlines())
        underlined = underlined || (from <= threat && to >= threat + 5);
    CHECK(underlined);
    CHECK_FALSE(w.editor()->highlighter()->findingAt(0)); // "계속" itself is fine
    const QString tip = w.editor()->toolTipAt(threat + 1);
    CHECK(tip.contains(ui::ToneHighlighter::categoryName(QStringLiteral("threat"))));
    CHECK(tip.contains(findings.first().reason.toHtmlEscaped()));

    // Ctrl+Enter asks first; "Keep editing" sends nothing.
    w.pressSend();
    auto* dialog = w.waitForDialog<ui::SendConfirmationDialog>(QStringLiteral("sendConfirmation"));
    CHECK(dialog->findingsList()->count() == findings.size());
    CHECK(dialog->findingsList()->item(0)->data(Qt::UserRole).toString() == QStringLiteral("threat"));
    CHECK_FALSE(dialog->overrideBox()); // email: confirmation, not a block
    dialog->reject();
    QTest::qWait(20);
    CHECK(w.outbox(ticket.id).isEmpty());
    CHECK(w.editor()->toPlainText() == sentence);

    // For a person to look at: the Korean reply with its threat underlined.
    QDir().mkpath(QStringLiteral(CASEBOOK_SCREENSHOT_DIR));
    CHECK(w.window->grab().save(QStringLiteral(CASEBOOK_SCREENSHOT_DIR "/composer-tone-ko.png")));

    w.pressSend();
    dialog = w.waitForDialog<ui::SendConfirmationDialog>(QStringLiteral("sendConfirmation"));
    QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
    const QList<OutboxItem> items = w.outbox(ticket.id);
    REQUIRE(items.size() == 1);
    CHECK(items.first().body == sentence);
    CHECK(items.first().ticketId == ticket.id);
}

TEST_CASE("a policy finding on a Coupang ticket blocks sending unless the seller overrides it; the board "
          "limit is counted and enforced",
          "[ui][composer]")
{
    ComposerWindow w;
    const TicketSummary ticket =
        w.ticketWhere([](const TicketSummary& t) { return t.channels.contains(QStringLiteral("coupang")); });
    w.select(ticket.id);
    QTest::keyClick(w.list, Qt::Key_R);
    REQUIRE(w.composer->channel() == Channel::Coupang);
    auto* counter = w.composer->findChild<QLabel*>(QStringLiteral("lengthCounter"));
    REQUIRE(counter->isVisible());

    // Over the board's 1,000 characters: counted, and refused with the numbers.
    w.type(QString(1001, QChar(u'가')));
    CHECK(counter->text().startsWith(QStringLiteral("1001")));
    w.pressSend();
    CHECK(w.composer->statusText().contains(QStringLiteral("1000")));
    CHECK(w.outbox(ticket.id).isEmpty());

    w.editor()->clear();
    const QString text =
        QStringLiteral("불편을 드려 죄송합니다. 좋은 리뷰를 남겨 주시면 적립금을 드리겠습니다.");
    w.type(text);
    CHECK(counter->text().startsWith(QString::number(text.size())));
    w.pressSend();
    auto* dialog = w.waitForDialog<ui::SendConfirmationDialog>(QStringLiteral("sendConfirmation"));
    bool policy = false;
    for (int i = 0; i < dialog->findingsList()->count(); ++i)
        policy = policy ||
                 dialog->findingsList()->item(i)->data(Qt::UserRole).toString() == QStringLiteral("policy");
    REQUIRE(policy);
    REQUIRE(dialog->overrideBox());
    CHECK_FALSE(dialog->sendButton()->isEnabled());
    QTest::mouseClick(dialog->sendButton(), Qt::LeftButton); // disabled: nothing happens
    CHECK(dialog->isVisible());
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTest::qWait(20);
    CHECK(w.outbox(ticket.id).isEmpty());

    // The explicit override lets it through.
    w.pressSend();
    dialog = w.waitForDialog<ui::SendConfirmationDialog>(QStringLiteral("sendConfirmation"));
    dialog->overrideBox()->click();
    REQUIRE(dialog->sendButton()->isEnabled());
    QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
    const QList<OutboxItem> items = w.outbox(ticket.id);
    REQUIRE(items.size() == 1);
    CHECK(items.first().channel == Channel::Coupang);
    CHECK(items.first().body == text);
}

TEST_CASE("a finding of the learned model underlines the whole sentence and says so", "[ui][composer]")
{
    ToneFinding phrase{QStringLiteral("blame"),  0, 10, QStringLiteral("your fault"), QStringLiteral("Why"),
                       QStringLiteral("Instead")};
    CHECK_FALSE(ui::ToneHighlighter::describe(phrase).contains(QStringLiteral("the sentence as a whole")));

    ComposerWindow w;
    const TicketSummary ticket = w.ticketWhere([&](const TicketSummary& t) {
        return t.channels == QStringList{QStringLiteral("email")} && !w.korean(t);
    });
    w.select(ticket.id);
    QTest::keyClick(w.list, Qt::Key_R);
    REQUIRE(w.composer->isVisible());
    // Mock surprise that no rule lists: the model's judgement of the sentence.
    const QString sentence = QStringLiteral(
        "Funny how the seal was intact when it left us and mysteriously broken when it reached you.");
    w.type(sentence);
    w.waitForToneCheck();
    for (int i = 0; i < 30 && w.editor()->highlighter()->findings().isEmpty(); ++i)
        QTest::qWait(100);
    const QList<ToneFinding>& findings = w.editor()->highlighter()->findings();
    REQUIRE(findings.size() == 1);
    CHECK(findings.first().category == QStringLiteral("sarcasm"));
    CHECK(findings.first().wholeSentence);
    CHECK(findings.first().text == sentence);
    const int mid = int(sentence.indexOf(QStringLiteral("mysteriously")));
    const QString tip = w.editor()->toolTipAt(mid);
    CHECK(tip.contains(QStringLiteral("the sentence as a whole")));
    CHECK(tip.contains(ui::ToneHighlighter::categoryName(QStringLiteral("sarcasm"))));
    QDir().mkpath(QStringLiteral(CASEBOOK_SCREENSHOT_DIR));
    CHECK(w.window->grab().save(QStringLiteral(CASEBOOK_SCREENSHOT_DIR "/composer-tone-model-en.png")));
}

TEST_CASE("the findings are listed in words under the reply, and Alt+Enter puts the suggested sentence in "
          "place, undoable",
          "[ui][composer]")
{
    ComposerWindow w;
    const QString text = QStringLiteral("주문 확인했습니다. 걱정 마세요, 100% 보상해 드립니다. 감사합니다.");
    w.replyToKoreanEmail(text);
    REQUIRE(w.editor()->highlighter()->findings().size() == 1);
    const ToneFinding finding = w.editor()->highlighter()->findings().first();
    auto* list = w.composer->findChild<QLabel*>(QStringLiteral("toneFindingsList"));
    REQUIRE(list);
    CHECK(list->isVisible());
    CHECK(list->text().contains(ui::ToneHighlighter::categoryName(QStringLiteral("over_promise")).toHtmlEscaped()));

    QTest::keyClick(w.editor(), Qt::Key_Return, Qt::AltModifier);
    CHECK(w.editor()->toPlainText() == QStringLiteral("주문 확인했습니다. ") + finding.rewrite + QStringLiteral(" 감사합니다."));
    CHECK(w.editor()->highlighter()->findings().isEmpty());
    CHECK_FALSE(list->isVisible());
    w.editor()->undo();
    CHECK(w.editor()->toPlainText() == text);
}
