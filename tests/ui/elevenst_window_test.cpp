// 11st (11번가) from the window: File → Sync marketplace inquiries fetches the Q&A board and the urgent
// notices, the composer's answer goes through the outbox to the fake 11st, and a second answer to the same
// question is refused in the composer with nothing queued (11st would replace the first).
#include "accounts/account_store.h"
#include "compose/outbox.h"
#include "composer_pane.h"
#include "elevenst_fixture.h"
#include "mail_sync_controller.h"
#include "main_window.h"
#include "marketplace_window.h"
#include "support/memory_secrets.h"
#include "support/test_support.h"

#include <QTest>

using namespace casebook;

TEST_CASE("the window syncs 11st, answers a Q&A through the outbox and refuses a second answer",
          "[ui][composer][11st]")
{
    test::TempStore store;
    store.clock.set(QDateTime::currentDateTimeUtc());
    test::FakeMarketplace server(test::elevenstConfig(), QStringLiteral(CASEBOOK_FAKE_11ST));
    Account account;
    account.name = QStringLiteral("eleven");
    account.kind = AccountKind::Elevenst;
    // The window's connector reads the key through the account's secret command (connectorFor).
    account.settings = {{"base_url", server.baseUrl()},
                        {"horizon_days", 20},
                        {"secret_command", QStringLiteral("printf %1").arg(test::kElevenstKey)}};
    REQUIRE(AccountStore(*store.db).add(account));

    ui::MainWindow window(*store.db, store.clock, QStringLiteral("11st"), test::memorySecrets());
    test::showAfterFirstFlush(window);
    test::syncMarketplacesFromWindow(window, QStringLiteral("eleven"));
    const qint64 question = test::ticketOfExternal(*store.db, QStringLiteral("11st:qna:4881272"));
    const qint64 answeredBefore = test::ticketOfExternal(*store.db, QStringLiteral("11st:qna:4881270"));
    REQUIRE(question > 0);
    REQUIRE(answeredBefore > 0);

    auto* composer = window.findChild<ui::ComposerPane*>(QStringLiteral("composerPane"));
    REQUIRE(composer);
    const QString text =
        QStringLiteral("문의 주셔서 감사합니다. 꿀사과는 당도 선별 후 보내 드리고 있습니다.");
    test::replyFromComposer(*composer, question, Channel::Elevenst, text);
    INFO(composer->statusText().toStdString());
    const OutboxItem item = test::onlyQueued(*store.db, question);
    CHECK(test::stateOnceSent(*store.db, item.id) == OutboxState::Sent);
    REQUIRE(server.posted().size() == 1);
    CHECK(server.posted()[0][QStringLiteral("path")].toString() ==
          QStringLiteral("/rest/prodqnaservices/prodqnaanswer/4881272/48073872"));
    CHECK(server.posted()[0][QStringLiteral("body")].toString().contains(text));

    // A second answer to the same question, and one to a question answered before Casebook saw it: refused
    // in the composer, nothing queued, nothing sent.
    for (const qint64 ticket : {question, answeredBefore}) {
        test::replyFromComposer(*composer, ticket, Channel::Elevenst, QStringLiteral("추가로 안내드립니다. 감사합니다."));
        INFO(composer->statusText().toStdString());
        CHECK(composer->statusText().contains(QStringLiteral("already answered")));
        auto queued = Outbox(*store.db).list(ticket);
        REQUIRE(queued);
        CHECK(queued->size() == (ticket == question ? 1 : 0));
    }
    CHECK(server.posted().size() == 1);
    CHECK(server.violations().isEmpty());
}
