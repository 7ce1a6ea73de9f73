#include "accounts/account_store.h"
#include "accounts_dialog.h"
#include "email_account_form.h"
#include "support/memory_secrets.h"
#include "support/test_support.h"
#include "test_servers.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
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
