// The window and the CLI answer through one ReplyService: the composer's verdict is the service's, and a
// reply queued in the window goes out at once (the composer wakes the outbox worker).
#include "compose/outbox.h"
#include "compose/reply_service.h"
#include "composer_window.h"
#include "coupang_fixture.h"
#include "mail_sync_controller.h"
#include "marketplace_window.h"
#include "send_confirmation_dialog.h"
#include "support/memory_secrets.h"

#include <QCheckBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <SQLiteCpp/Statement.h>

using namespace casebook;
using casebook::test::ComposerWindow;

namespace {

// The sentences of a labelled tone set (label<TAB>text; '#' lines are comments).
QStringList sentencesOf(const QString& path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    QStringList out;
    for (const QString& line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1Char('#')) || !line.contains(QLatin1Char('\t')))
            continue;
        out << line.section(QLatin1Char('\t'), 1).trimmed();
    }
    return out;
}

// What the composer does with `text` when the seller presses Send: queues it (Send), asks (Confirm), or
// asks for the marketplace override (Blocked). A dialog it opens is closed without sending.
SendVerdict composerVerdict(ComposerWindow& w, qint64 ticket, const QString& text)
{
    const qsizetype queuedBefore = w.outbox(ticket).size();
    w.editor()->setPlainText(text);
    w.composer->send();
    ui::SendConfirmationDialog* dialog = nullptr;
    for (auto* d : w.window->findChildren<ui::SendConfirmationDialog*>())
        if (d->isVisible())
            dialog = d;
    if (!dialog) {
        INFO(text.toStdString() << " / " << w.composer->statusText().toStdString());
        REQUIRE(w.outbox(ticket).size() == queuedBefore + 1);
        return SendVerdict::Send;
    }
    const bool blocked = dialog->overrideBox() != nullptr;
    dialog->reject();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // WA_DeleteOnClose
    REQUIRE(w.outbox(ticket).size() == queuedBefore);
    return blocked ? SendVerdict::Blocked : SendVerdict::Confirm;
}

// Opens the composer on a Coupang ticket of the demo inbox: a board, where a policy finding blocks.
TicketSummary openOnCoupang(ComposerWindow& w)
{
    const TicketSummary ticket =
        w.ticketWhere([](const TicketSummary& t) { return t.channels.contains(QStringLiteral("coupang")); });
    w.select(ticket.id);
    QTest::keyClick(w.list, Qt::Key_R);
    REQUIRE(w.composer->channel() == Channel::Coupang);
    return ticket;
}

} // namespace

TEST_CASE("the composer's verdict is the reply service's on every sentence of a held-out tone set",
          "[ui][composer][reply]")
{
    ComposerWindow w;
    const TicketSummary ticket = openOnCoupang(w);
    ReplyService service(*w.store.db, {}); // what the CLI asks, on the same store

    const QStringList sentences = sentencesOf(test::testData(QStringLiteral("tone/heldout8_ko.tsv")));
    REQUIRE(sentences.size() >= 200);
    QHash<SendVerdict, int> seen;
    for (const QString& text : sentences) {
        auto expected = service.check(ReplyRequest{ticket.id, text});
        REQUIRE(expected);
        REQUIRE_FALSE(expected->problem);
        const SendVerdict got = composerVerdict(w, ticket.id, text);
        INFO(text.toStdString());
        CHECK(got == expected->verdict);
        ++seen[got];
    }
    // The set exercises all three outcomes, so agreement is not agreement on one answer.
    CHECK(seen.value(SendVerdict::Send) > 0);
    CHECK(seen.value(SendVerdict::Confirm) > 0);
    CHECK(seen.value(SendVerdict::Blocked) > 0);
}

TEST_CASE("sending despite the findings in the window is kept in the ticket's history, as --override-tone is",
          "[ui][composer][reply]")
{
    ComposerWindow w;
    const TicketSummary ticket = openOnCoupang(w);
    w.editor()->setPlainText(QStringLiteral("리뷰 당장 삭제하세요. 안 지우시면 고소하겠습니다."));
    w.composer->send();
    auto* dialog = w.waitForDialog<ui::SendConfirmationDialog>(QStringLiteral("sendConfirmation"));
    REQUIRE(dialog->overrideBox()); // a policy finding on Coupang: the explicit override
    dialog->overrideBox()->click();
    QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
    REQUIRE(w.outbox(ticket.id).size() == 1);
    SQLite::Statement st(w.store.db->reader(),
                         "SELECT detail FROM events WHERE ticket_id = ? AND kind = 'tone_override'");
    st.bind(1, static_cast<int64_t>(ticket.id));
    REQUIRE(st.executeStep());
    const QJsonObject detail =
        QJsonDocument::fromJson(QByteArray::fromStdString(st.getColumn(0).getString())).object();
    CHECK(detail.value(QStringLiteral("verdict")).toString() == QStringLiteral("blocked"));
    CHECK_FALSE(detail.value(QStringLiteral("reason")).toString().isEmpty());
    CHECK(detail.value(QStringLiteral("outbox")).toInteger() == w.outbox(ticket.id).first().id);
}

TEST_CASE("a reply queued in the window is sent at once, not at the outbox worker's next tick",
          "[ui][composer][reply][coupang]")
{
    test::CoupangShop shop;
    REQUIRE(shop.connector().sync({}));
    QThread::msleep(1100); // the connectors pace their calls: keep the fake's per-second budget
    ui::MainWindow window(*shop.store.db, shop.store.clock, QStringLiteral("Coupang"), test::memorySecrets());
    test::showAfterFirstFlush(window);
    auto* composer = window.findChild<ui::ComposerPane*>(QStringLiteral("composerPane"));
    const qint64 ticket = test::ticketOfExternal(*shop.store.db, QStringLiteral("coupang:online:2004"));
    const QString text = QStringLiteral("문의 주셔서 감사합니다. 해당 상품은 현재 재고가 있습니다.");
    test::replyFromComposer(*composer, ticket, Channel::Coupang, text);
    INFO(composer->statusText().toStdString());
    const OutboxItem item = test::onlyQueued(*shop.store.db, ticket);
    // The worker's tick is 60 s; waking it sends within moments.
    CHECK(test::stateOnceSent(*shop.store.db, item.id) == OutboxState::Sent);
    REQUIRE(shop.server.posted().size() == 1);
    CHECK(shop.server.posted()[0][QStringLiteral("body")]
              .toObject()
              .value(QStringLiteral("content"))
              .toString() == text);
}
