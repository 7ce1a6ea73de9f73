// With no keychain service the GUI asks for the password each time it is needed (sync, outbox, "Test
// connection") and keeps it nowhere: against a real Dovecot and aiosmtpd, with the prompt answered by the
// test.
#include "accounts/account_store.h"
#include "accounts_dialog.h"
#include "compose/outbox.h"
#include "connectors/connector_factory.h"
#include "email_account_form.h"
#include "mail_sync_controller.h"
#include "net_test_helpers.h"
#include "support/memory_secrets.h"

#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <catch2/catch.hpp>

using namespace casebook;
using namespace casebook::test;

namespace {

const QByteArray kCanary = "prompted-pw-7Qz!";

// A machine without a Secret Service: every call fails the way QtKeychain's does there.
class NoKeychain final : public SecretStore {
public:
    static Error missing()
    {
        return makeError(QStringLiteral("No keychain service is running, so the secret cannot be kept there; "
                                        "enter it each time or give a secret command."));
    }
    Result<QString> read(const QString&) override { return missing(); }
    Result<void> write(const QString&, const QString&) override { return missing(); }
    Result<void> remove(const QString&) override { return missing(); }
};

struct Prompt {
    QStringList accounts;
    QStringList reasons;
    bool answer = true;
    ui::PasswordPrompt::Ask ask()
    {
        return [this](const QString& name, const QString& reason) -> std::optional<QString> {
            accounts << name;
            reasons << reason;
            if (!answer)
                return std::nullopt;
            return QString::fromLatin1(kCanary);
        };
    }
};

// Every file under `dir` and the settings file: none may hold the canary.
void checkCanaryNowhere(const QString& dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    QSettings settings;
    settings.sync();
    if (QFile::exists(settings.fileName()))
        files << settings.fileName();
    bool sawDatabase = false;
    for (const QString& path : files) {
        INFO(path.toStdString());
        sawDatabase |= path.endsWith(QLatin1String("casebook.sqlite"));
        CHECK_FALSE(readFile(path).contains(kCanary));
    }
    CHECK(sawDatabase);
}

} // namespace

TEST_CASE("No keychain: the sync and the outbox ask for the password, use it, and keep it nowhere",
          "[ui][accounts][net]")
{
    if (const QString missing = dovecotMissing() + aiosmtpdMissing(); !missing.isEmpty()) {
        WARN("skipped: " << missing.toStdString());
        return;
    }
    Dovecot imap(QString::fromLatin1(kCanary));
    imap.deliver(inquiry(1));
    REQUIRE(imap.start());
    SmtpServer smtp({false, QStringLiteral("seller@example.test"), QString::fromLatin1(kCanary)});
    REQUIRE(smtp.start());
    TempStore store;
    Account account = emailAccount(imap.port(), smtp.port());
    auto added = AccountStore(*store.db).add(account);
    REQUIRE(added);
    account.id = *added;

    Prompt prompt;
    ui::MailSyncController sync(*store.db, test::memorySecrets());
    sync.setSecretSources(std::make_shared<NoKeychain>(), prompt.ask());
    QSignalSpy arrived(&sync, &ui::MailSyncController::mailArrived);
    sync.restart();
    REQUIRE(prompt.accounts == QStringList{QStringLiteral("shop")});
    CHECK(prompt.reasons.first().contains(QStringLiteral("No keychain service")));
    // The typed password logs in to IMAP: the inquiry arrives.
    REQUIRE(arrived.wait(20000));
    CHECK(count(*store.db, "SELECT count(*) FROM tickets") == 1);

    // A reply queued from the GUI is sent by the outbox worker with the same typed password (SMTP AUTH).
    auto connector = makeEmailConnector(account, *store.db, QString());
    REQUIRE(connector);
    const qint64 ticketId = store.db->reader().execAndGet("SELECT id FROM tickets").getInt64();
    auto draft = (*connector)->draftReply(ticketId, QStringLiteral("오늘 발송했습니다."));
    REQUIRE(draft);
    auto queued = Outbox(*store.db).enqueue(*draft);
    REQUIRE(queued);
    sync.wakeOutbox();
    QTRY_VERIFY_WITH_TIMEOUT(Outbox(*store.db).item(*queued)->state == OutboxState::Sent, 20000);
    CHECK(smtp.received().size() == 1);
    CHECK(prompt.accounts.size() == 1); // one question served both the sync and the outbox

    // Started again (the accounts dialog closed): asked again, since nothing was kept.
    sync.restart();
    CHECK(prompt.accounts.size() == 2);
    // Cancelled: the status bar says why nothing syncs.
    QSignalSpy status(&sync, &ui::MailSyncController::statusChanged);
    prompt.answer = false;
    sync.restart();
    CHECK(prompt.accounts.size() == 3);
    QStringList lines;
    for (const QList<QVariant>& s : status)
        lines << s.first().toString();
    CHECK(lines.join(QLatin1Char('\n')).contains(QStringLiteral("no password given")));
    checkCanaryNowhere(store.dir.path());
}

TEST_CASE("No keychain: the accounts dialog saves without the password and asks for it to test",
          "[ui][accounts][net]")
{
    if (const QString missing = dovecotMissing(); !missing.isEmpty()) {
        WARN("skipped: " << missing.toStdString());
        return;
    }
    Dovecot imap(QString::fromLatin1(kCanary));
    REQUIRE(imap.start());
    TempStore store;
    Prompt prompt;
    ui::AccountsDialog dialog(*store.db, test::memorySecrets());
    dialog.setSecretSources(std::make_shared<NoKeychain>(), prompt.ask());
    fillEmailForm(dialog, imap.port(), freePort());
    auto edit = [&](const char* name) { return formField(dialog, name); };
    edit("password")->setText(QString::fromLatin1(kCanary));
    dialog.findChild<QPushButton*>(QStringLiteral("save"))->click();
    auto* status = dialog.findChild<QLabel*>(QStringLiteral("testStatus"));
    CHECK(status->text().contains(QStringLiteral("without its password")));
    CHECK(status->text().contains(QStringLiteral("No keychain service")));
    REQUIRE(AccountStore(*store.db).byName(QStringLiteral("shop")));
    CHECK(edit("password")->text().isEmpty());
    CHECK(prompt.accounts.isEmpty());

    dialog.findChild<QPushButton*>(QStringLiteral("testConnection"))->click();
    CHECK(prompt.accounts == QStringList{QStringLiteral("shop")});
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("IMAP: logged in")), 20000);
    // Each test asks again.
    dialog.findChild<QPushButton*>(QStringLiteral("testConnection"))->click();
    CHECK(prompt.accounts.size() == 2);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("IMAP: logged in")), 20000);
    checkCanaryNowhere(store.dir.path());
}
