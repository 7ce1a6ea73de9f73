// Gmarket/Auction (ESM) from the window: File → Sync marketplace inquiries fetches the boards, the composer
// takes the row's byte limit, the answer goes through the outbox to the fake ESM at once, and a second answer
// to the same question is refused in the composer with nothing queued.
#include "compose/outbox.h"
#include "composer_pane.h"
#include "esm_fixture.h"
#include "mail_sync_controller.h"
#include "main_window.h"
#include "marketplace_window.h"
#include "support/memory_secrets.h"

#include <QTest>

using namespace casebook;

TEST_CASE("the window syncs ESM, answers a Gmarket question through the outbox and refuses a second answer",
          "[ui][composer][esm]")
{
    test::EsmShop shop;
    ui::MainWindow window(*shop.store.db, shop.store.clock, QStringLiteral("ESM"), test::memorySecrets());
    test::showAfterFirstFlush(window);
    test::syncMarketplacesFromWindow(window, QStringLiteral("esmshop"));

    auto* composer = window.findChild<ui::ComposerPane*>(QStringLiteral("composerPane"));
    REQUIRE(composer);
    const qint64 ticket = test::ticketOfExternal(*shop.store.db, QStringLiteral("esm:qna:G-7001"));
    // Words the tone check passes (a promised date would ask to confirm first).
    const QString text = QStringLiteral("문의 주셔서 감사합니다. 해당 상품은 현재 재고가 있습니다.");
    test::replyFromComposer(*composer, ticket, Channel::Esm, text);
    INFO(composer->statusText().toStdString());
    const OutboxItem item = test::onlyQueued(*shop.store.db, ticket);
    CHECK(test::stateOnceSent(*shop.store.db, item.id) == OutboxState::Sent);
    REQUIRE(shop.server.posted().size() == 1);
    const QJsonObject body = shop.server.posted()[0][QStringLiteral("body")].toObject();
    CHECK(body.value(QStringLiteral("comments")).toString() == text);
    CHECK(body.value(QStringLiteral("messageNo")).toString() == QStringLiteral("7001"));

    // ESM takes one answer per question: a second is refused before it is queued.
    test::replyFromComposer(*composer, ticket, Channel::Esm, QStringLiteral("추가로 안내드립니다. 감사합니다."));
    CHECK(composer->statusText().contains(QStringLiteral("already answered")));
    auto after = Outbox(*shop.store.db).list(ticket);
    REQUIRE(after);
    CHECK(after->size() == 1);
    CHECK(shop.server.posted().size() == 1);
    CHECK(shop.server.violations().isEmpty());
}
