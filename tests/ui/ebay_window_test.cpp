// eBay from the window, against fake_ebay.py: the accounts dialog adds the account from the channel row's
// fields, File → Sync fetches its conversations and cases, the composer's reply goes out through the outbox
// worker, and a closed case refuses a message before anything is queued.
#include "accounts_dialog.h"
#include "compose/outbox.h"
#include "composer_pane.h"
#include "connectors/connector_factory.h"
#include "ebay_fixture.h"
#include "email_account_form.h"
#include "mail_sync_controller.h"
#include "main_window.h"
#include "marketplace_window.h"
#include "support/memory_secrets.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace casebook;
using namespace casebook::test;

TEST_CASE("Accounts dialog: an eBay account takes its row's fields, and its secret goes to the keychain",
          "[ui][accounts][ebay]")
{
    TempStore store;
    auto secrets = std::make_shared<MemorySecrets>();
    ui::AccountsDialog dialog(*store.db, secrets);
    auto* kind = dialog.findChild<QComboBox*>(QStringLiteral("kind"));
    REQUIRE(kind);
    REQUIRE(kind->findData(QStringLiteral("ebay")) >= 0);
    kind->setCurrentIndex(kind->findData(QStringLiteral("ebay")));
    for (const AccountField& f : channelInfo(Channel::Ebay).accountFields)
        CHECK(formField(dialog, std::string(f.key).c_str()) != nullptr);
    CHECK_FALSE(formField(dialog, "vendor_id"));
    // The row says what the secret is: two of eBay's values, not one key.
    CHECK(formField(dialog, "secret")->placeholderText().contains(QStringLiteral("refresh token")));

    formField(dialog, "name")->setText(QStringLiteral("bay"));
    formField(dialog, "username")->setText(kEbaySeller);
    formField(dialog, "secret")->setText(kEbaySecret);
    auto* status = dialog.findChild<QLabel*>(QStringLiteral("testStatus"));
    auto* save = dialog.findChild<QPushButton*>(QStringLiteral("save"));
    save->click();
    // The App ID is required: nothing saved, and the dialog says what is missing.
    CHECK_FALSE(AccountStore(*store.db).byName(QStringLiteral("bay")));
    CHECK(status->text().contains(QStringLiteral("App ID")));

    formField(dialog, "client_id")->setText(kEbayClientId);
    formField(dialog, "secret")->setText(kEbaySecret);
    save->click();
    auto saved = AccountStore(*store.db).byName(QStringLiteral("bay"));
    REQUIRE(saved);
    CHECK(saved->kind == AccountKind::Ebay);
    CHECK(saved->setting(QStringLiteral("username")) == kEbaySeller);
    CHECK(saved->setting(QStringLiteral("client_id")) == kEbayClientId);
    CHECK_FALSE(saved->settings.contains(QStringLiteral("marketplace_id"))); // optional, left empty
    CHECK(secrets->secrets.value(QStringLiteral("bay")) == kEbaySecret);
    // What the dialog saved is what the connector takes.
    auto connector = connectorFor(*saved, *store.db, *secrets);
    CHECK(connector.ok());
}

TEST_CASE("eBay from the window: sync, a reply sent by the outbox worker, a closed case refused",
          "[ui][composer][reply][ebay]")
{
    EbayShop shop;
    ui::MainWindow window(*shop.store.db, shop.store.clock, QStringLiteral("eBay"), test::memorySecrets());
    test::showAfterFirstFlush(window);
    test::syncMarketplacesFromWindow(window, QStringLiteral("bay"));
    const qint64 conversation = shop.ticketOf(QStringLiteral("ebay:msg:c2:m2"));
    const qint64 closedCase = shop.ticketOf(QStringLiteral("ebay:inquiry:5002"));
    REQUIRE(conversation > 0);
    REQUIRE(closedCase > 0);

    auto* composer = window.findChild<ui::ComposerPane*>(QStringLiteral("composerPane"));
    REQUIRE(composer);
    const QString text = QStringLiteral("Yes, two are left. Thank you for asking.");
    test::replyFromComposer(*composer, conversation, Channel::Ebay, text);
    INFO(composer->statusText().toStdString());
    const OutboxItem item = test::onlyQueued(*shop.store.db, conversation);
    // Queuing wakes the worker, which sends through the eBay connector.
    CHECK(test::stateOnceSent(*shop.store.db, item.id) == OutboxState::Sent);
    REQUIRE(shop.server.posted().size() == 1);
    CHECK(shop.server.posted()[0][QStringLiteral("body")].toObject() ==
          QJsonObject{{"conversationId", "c2"}, {"messageText", text}});

    // eBay closed inquiry 5002, as the sync saw: the composer says so and queues nothing.
    test::replyFromComposer(*composer, closedCase, Channel::Ebay,
                            QStringLiteral("Hello, is there anything else we can do?"));
    CHECK(composer->statusText().contains(QStringLiteral("closed")));
    auto none = Outbox(*shop.store.db).list(closedCase);
    REQUIRE(none);
    CHECK(none->isEmpty());
    CHECK(shop.server.posted().size() == 1);
    CHECK(shop.server.violations().isEmpty());
}
