#include "accounts/account_store.h"
#include "accounts_dialog.h"
#include "email_account_form.h"
#include "support/memory_secrets.h"
#include "support/test_support.h"
#include "test_servers.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <catch2/catch.hpp>

using namespace casebook;
using namespace casebook::test;

TEST_CASE("Accounts dialog: add an email account and test the connection on a worker thread",
          "[ui][accounts]")
{
    if (const QString missing = dovecotMissing(); !missing.isEmpty()) {
        WARN("skipped: " << missing.toStdString());
        return;
    }
    QTemporaryDir dir;
    const QString pwFile = dir.filePath(QStringLiteral("pw"));
    QFile f(pwFile);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("dialog-pw\n");
    f.close();
    Dovecot imap(QStringLiteral("dialog-pw"));
    REQUIRE(imap.start());
    TempStore store;
    ui::AccountsDialog dialog(*store.db, test::memorySecrets());
    fillEmailForm(dialog, imap.port(), freePort()); // nothing listens for SMTP
    auto edit = [&](const char* name) { return formField(dialog, name); };
    edit("passwordCommand")->setText(QStringLiteral("cat '%1'").arg(pwFile));
    dialog.findChild<QPushButton*>(QStringLiteral("save"))->click();
    auto saved = AccountStore(*store.db).byName(QStringLiteral("shop"));
    REQUIRE(saved);
    CHECK(saved->setting(QStringLiteral("secret_command")) == QStringLiteral("cat '%1'").arg(pwFile));
    CHECK(saved->settings.value(QStringLiteral("imap_port")).toInt() == imap.port());

    auto* status = dialog.findChild<QLabel*>(QStringLiteral("testStatus"));
    dialog.findChild<QPushButton*>(QStringLiteral("testConnection"))->click();
    // IMAP logs in; SMTP has no server, and the dialog says which half failed.
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("IMAP: logged in")), 20000);
    CHECK(status->text().contains(QStringLiteral("SMTP")));
}

TEST_CASE("Accounts dialog: a marketplace account's fields come from its channel row", "[ui][accounts]")
{
    TempStore store;
    auto secrets = std::make_shared<MemorySecrets>();
    ui::AccountsDialog dialog(*store.db, secrets);
    auto* kind = dialog.findChild<QComboBox*>(QStringLiteral("kind"));
    REQUIRE(kind);
    // Every account kind of the table, email first.
    CHECK(kind->count() == int(allAccountKindNames().size()));
    CHECK(kind->itemData(0).toString() == QStringLiteral("email"));

    kind->setCurrentIndex(kind->findData(QStringLiteral("coupang")));
    for (const AccountField& f : channelInfo(Channel::Coupang).accountFields)
        CHECK(formField(dialog, std::string(f.key).c_str()) != nullptr);
    formField(dialog, "name")->setText(QStringLiteral("wing"));
    formField(dialog, "vendor_id")->setText(QStringLiteral("A00012345"));
    formField(dialog, "access_key")->setText(QStringLiteral("ak"));
    formField(dialog, "secret")->setText(QStringLiteral("sk"));
    auto* status = dialog.findChild<QLabel*>(QStringLiteral("testStatus"));
    dialog.findChild<QPushButton*>(QStringLiteral("save"))->click();
    // The Wing user id is required: nothing saved yet.
    CHECK_FALSE(AccountStore(*store.db).byName(QStringLiteral("wing")));
    CHECK_FALSE(status->text().isEmpty());
    formField(dialog, "wing_user")->setText(QStringLiteral("wing-kim"));
    formField(dialog, "secret")->setText(QStringLiteral("sk"));
    dialog.findChild<QPushButton*>(QStringLiteral("save"))->click();
    auto saved = AccountStore(*store.db).byName(QStringLiteral("wing"));
    REQUIRE(saved);
    CHECK(saved->kind == AccountKind::Coupang);
    CHECK(saved->setting(QStringLiteral("vendor_id")) == QStringLiteral("A00012345"));
    CHECK(saved->setting(QStringLiteral("wing_user")) == QStringLiteral("wing-kim"));
    CHECK(secrets->secrets.value(QStringLiteral("wing")) == QStringLiteral("sk"));

    // 11st keeps no field of its own: its API key is the secret.
    kind->setCurrentIndex(kind->findData(QStringLiteral("11st")));
    CHECK_FALSE(formField(dialog, "vendor_id"));
    formField(dialog, "name")->setText(QStringLiteral("eleven"));
    formField(dialog, "secretCommand")->setText(QStringLiteral("pass show 11st"));
    dialog.findChild<QPushButton*>(QStringLiteral("save"))->click();
    auto eleven = AccountStore(*store.db).byName(QStringLiteral("eleven"));
    REQUIRE(eleven);
    CHECK(eleven->kind == AccountKind::Elevenst);
    CHECK(eleven->setting(QStringLiteral("secret_command")) == QStringLiteral("pass show 11st"));

    // Choosing the Coupang account in the list shows its kind and fields again.
    auto* list = dialog.findChild<QListWidget*>(QStringLiteral("accountList"));
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->text().startsWith(QStringLiteral("wing ")))
            list->setCurrentRow(i);
    CHECK(kind->currentData().toString() == QStringLiteral("coupang"));
    CHECK(formField(dialog, "vendor_id")->text() == QStringLiteral("A00012345"));
}

TEST_CASE("Accounts dialog: an ESM (Gmarket/Auction) account takes its master id and seller ids", "[ui][accounts][esm]")
{
    TempStore store;
    auto secrets = std::make_shared<MemorySecrets>();
    ui::AccountsDialog dialog(*store.db, secrets);
    auto* kind = dialog.findChild<QComboBox*>(QStringLiteral("kind"));
    REQUIRE(kind);
    REQUIRE(kind->findData(QStringLiteral("esm")) >= 0);
    kind->setCurrentIndex(kind->findData(QStringLiteral("esm")));
    // The fields of the row, not Coupang's.
    for (const AccountField& f : channelInfo(Channel::Esm).accountFields)
        CHECK(formField(dialog, std::string(f.key).c_str()) != nullptr);
    CHECK_FALSE(formField(dialog, "vendor_id"));

    formField(dialog, "name")->setText(QStringLiteral("esmshop"));
    formField(dialog, "gmarket_id")->setText(QStringLiteral("gshop"));
    formField(dialog, "secret")->setText(QStringLiteral("esm-secret"));
    auto* status = dialog.findChild<QLabel*>(QStringLiteral("testStatus"));
    dialog.findChild<QPushButton*>(QStringLiteral("save"))->click();
    // The master id is required: nothing saved yet, and the dialog says why.
    CHECK_FALSE(AccountStore(*store.db).byName(QStringLiteral("esmshop")));
    CHECK_FALSE(status->text().isEmpty());
    formField(dialog, "master_id")->setText(QStringLiteral("shopmaster"));
    formField(dialog, "secret")->setText(QStringLiteral("esm-secret"));
    dialog.findChild<QPushButton*>(QStringLiteral("save"))->click();
    auto saved = AccountStore(*store.db).byName(QStringLiteral("esmshop"));
    REQUIRE(saved);
    CHECK(saved->kind == AccountKind::Esm);
    CHECK(saved->setting(QStringLiteral("master_id")) == QStringLiteral("shopmaster"));
    CHECK(saved->setting(QStringLiteral("gmarket_id")) == QStringLiteral("gshop"));
    CHECK(saved->setting(QStringLiteral("auction_id")).isEmpty()); // optional: a Gmarket-only seller
    CHECK(secrets->secrets.value(QStringLiteral("esmshop")) == QStringLiteral("esm-secret"));
}
