#include "accounts_dialog.h"

#include "accounts/account_store.h"
#include "accounts/secret_store.h"
#include "channel_badge.h"
#include "connection_health_text.h"
#include "semantic_colors.h"
#include "connectors/email_settings.h"
#include "net/imap_session.h"
#include "net/smtp_client.h"
#include "worker_job.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace casebook::ui {

AccountsDialog::AccountsDialog(Database& db, std::shared_ptr<SecretStore> keychain, QWidget* parent)
    : QDialog(parent), m_db(db), m_keychain(std::move(keychain)), m_ask(PasswordPrompt::dialog(this)),
      m_list(new QListWidget), m_kind(new QComboBox), m_emailForm(new QWidget), m_marketForm(new QWidget), m_fields(nullptr),
      m_baseUrl(new QLineEdit), m_secret(new QLineEdit), m_secretCommand(new QLineEdit), m_name(new QLineEdit), m_address(new QLineEdit), m_displayName(new QLineEdit),
      m_imapHost(new QLineEdit), m_imapPort(new QSpinBox), m_smtpHost(new QLineEdit),
      m_smtpPort(new QSpinBox), m_user(new QLineEdit), m_tls(new QComboBox), m_caFile(new QLineEdit),
      m_pinned(new QLineEdit), m_folders(new QLineEdit), m_signature(new QPlainTextEdit),
      m_password(new QLineEdit), m_passwordCommand(new QLineEdit),
      m_test(new QPushButton(tr("Test connection"))), m_status(new QLabel), m_health(new QLabel), m_testJob(new WorkerJob(nullptr))
{
    m_testJob->setParent(this);
    setObjectName(QStringLiteral("accountsDialog"));
    m_health->setObjectName(QStringLiteral("accountHealth"));
    m_health->setWordWrap(true);
    setWindowTitle(tr("Accounts"));
    m_list->setObjectName(QStringLiteral("accountList"));
    m_imapPort->setRange(1, 65535);
    m_imapPort->setValue(993);
    m_smtpPort->setRange(1, 65535);
    m_smtpPort->setValue(587);
    m_tls->addItem(tr("TLS (implicit or STARTTLS by port)"), QStringLiteral("implicit"));
    m_tls->addItem(tr("STARTTLS"), QStringLiteral("starttls"));
    m_tls->addItem(tr("None (this computer only)"), QStringLiteral("none"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setObjectName(QStringLiteral("password"));
    m_folders->setPlaceholderText(QStringLiteral("INBOX"));
    m_passwordCommand->setPlaceholderText(tr("e.g. pass show mail/shop (instead of the keychain)"));
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("testStatus"));
    m_test->setObjectName(QStringLiteral("testConnection"));
    const std::pair<QWidget*, const char*> names[] = {
        {m_name, "name"},         {m_address, "address"},   {m_imapHost, "imapHost"},
        {m_imapPort, "imapPort"}, {m_smtpHost, "smtpHost"}, {m_smtpPort, "smtpPort"},
        {m_tls, "tls"},           {m_pinned, "pinned"},     {m_passwordCommand, "passwordCommand"}};
    for (const auto& [widget, name] : names)
        widget->setObjectName(QLatin1String(name));

    // Every account kind of the channel table; email first, as the table has it.
    m_kind->setObjectName(QStringLiteral("kind"));
    for (const ChannelInfo& row : kChannelTable)
        if (ownsAccountKind(row))
            m_kind->addItem(channelIcon(toQString(row.name)), channelDisplayName(toQString(row.name)),
                            toQString(row.accountKindName));
    m_baseUrl->setObjectName(QStringLiteral("base_url"));
    m_baseUrl->setPlaceholderText(tr("the service's own (leave empty)"));
    m_secret->setObjectName(QStringLiteral("secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secretCommand->setObjectName(QStringLiteral("secretCommand"));
    m_secretCommand->setPlaceholderText(tr("e.g. pass show shop/api-key (instead of the keychain)"));
    auto* market = new QVBoxLayout(m_marketForm);
    market->setContentsMargins(0, 0, 0, 0);
    auto* marketCommon = new QFormLayout;
    marketCommon->addRow(tr("API base URL"), m_baseUrl);
    marketCommon->addRow(tr("Secret key"), m_secret);
    marketCommon->addRow(tr("Secret command"), m_secretCommand);
    market->addLayout(marketCommon);
    auto* common = new QFormLayout;
    common->addRow(tr("Kind"), m_kind);
    common->addRow(tr("Name"), m_name);
    auto* form = new QFormLayout(m_emailForm);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Address"), m_address);
    form->addRow(tr("Sender name"), m_displayName);
    form->addRow(tr("IMAP server"), m_imapHost);
    form->addRow(tr("IMAP port"), m_imapPort);
    form->addRow(tr("SMTP server"), m_smtpHost);
    form->addRow(tr("SMTP port"), m_smtpPort);
    form->addRow(tr("User"), m_user);
    form->addRow(tr("Security"), m_tls);
    form->addRow(tr("Extra CA file"), m_caFile);
    form->addRow(tr("Pinned certificate"), m_pinned);
    form->addRow(tr("Folders"), m_folders);
    form->addRow(tr("Signature"), m_signature);
    form->addRow(tr("Password"), m_password);
    form->addRow(tr("Password command"), m_passwordCommand);

    auto* newButton = new QPushButton(tr("New"));
    auto* removeButton = new QPushButton(tr("Remove"));
    auto* saveButton = new QPushButton(tr("Save"));
    saveButton->setObjectName(QStringLiteral("save"));
    auto* left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addWidget(newButton);
    left->addWidget(removeButton);
    auto* right = new QVBoxLayout;
    right->addLayout(common);
    right->addWidget(m_emailForm);
    right->addWidget(m_marketForm);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_test);
    actions->addWidget(saveButton);
    right->addLayout(actions);
    right->addWidget(m_health);
    right->addWidget(m_status);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close);
    auto* top = new QHBoxLayout;
    top->addLayout(left, 1);
    top->addLayout(right, 2);
    auto* outer = new QVBoxLayout(this);
    outer->addLayout(top);
    outer->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::accept);
    connect(newButton, &QPushButton::clicked, this, &AccountsDialog::clearForm);
    connect(removeButton, &QPushButton::clicked, this, &AccountsDialog::removeSelected);
    connect(saveButton, &QPushButton::clicked, this, &AccountsDialog::save);
    connect(m_test, &QPushButton::clicked, this, &AccountsDialog::testConnection);
    connect(this, &AccountsDialog::testFinished, this, &AccountsDialog::showTestResult, Qt::QueuedConnection);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] { showKind(currentKind()); });
    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString& name) {
        if (auto a = AccountStore(m_db).byName(name.section(QLatin1Char(' '), 0, 0)))
            load(*a);
    });
    showKind(AccountKind::Email);
    reload();
}

AccountsDialog::~AccountsDialog()
{
    delete m_testJob; // waits for a running test, which reports to this dialog
}

void AccountsDialog::reload()
{
    m_list->clear();
    if (auto all = AccountStore(m_db).list())
        for (const Account& a : *all) {
            // The kind's channel row gives the badge and the translated name.
            const QString channel = toString(channelOfAccountKind(a.kind).channel);
            m_list->addItem(new QListWidgetItem(
                channelIcon(channel), QStringLiteral("%1 (%2)").arg(a.name, channelDisplayName(channel))));
        }
}

void AccountsDialog::clearForm()
{
    Account blank; // a new account of the kind chosen
    blank.kind = currentKind();
    load(blank);
    m_name->setFocus();
}

AccountKind AccountsDialog::currentKind() const
{
    return accountKindFromString(m_kind->currentData().toString()).value_or(AccountKind::Email);
}

void AccountsDialog::showKind(AccountKind kind)
{
    {
        const QSignalBlocker quiet(m_kind); // not again through currentIndexChanged
        m_kind->setCurrentIndex(std::max(0, m_kind->findData(toString(kind))));
    }
    const bool email = kind == AccountKind::Email;
    m_emailForm->setVisible(email);
    m_marketForm->setVisible(!email);
    m_test->setEnabled(email); // a marketplace is tried by its first sync
    // The kind's own fields in a box of their own, made anew: its labels and edits go with it.
    delete m_fields;
    m_fieldEdits.clear();
    m_fields = new QWidget;
    auto* form = new QFormLayout(m_fields);
    form->setContentsMargins(0, 0, 0, 0);
    for (const AccountField& f : channelOfAccountKind(kind).accountFields) {
        auto* edit = new QLineEdit;
        edit->setObjectName(toQString(f.key));
        form->addRow(QCoreApplication::translate("casebook::ui", f.label), edit);
        m_fieldEdits.append({toQString(f.key), edit});
    }
    static_cast<QVBoxLayout*>(m_marketForm->layout())->insertWidget(0, m_fields);
    const char* hint = channelOfAccountKind(kind).secretHint;
    m_secret->setPlaceholderText(hint ? QCoreApplication::translate("casebook::ui", hint) : QString());
}

void AccountsDialog::load(const Account& a)
{
    showKind(a.kind);
    for (const auto& [key, edit] : m_fieldEdits)
        edit->setText(a.setting(key));
    m_baseUrl->setText(a.setting(QStringLiteral("base_url")));
    m_secretCommand->setText(a.setting(QStringLiteral("secret_command")));
    m_secret->clear();
    m_name->setText(a.name);
    m_address->setText(a.setting(QStringLiteral("address")));
    m_displayName->setText(a.setting(QStringLiteral("display_name")));
    m_imapHost->setText(a.setting(QStringLiteral("imap_host")));
    m_imapPort->setValue(a.settings.value(QStringLiteral("imap_port")).toInt(993));
    m_smtpHost->setText(a.setting(QStringLiteral("smtp_host")));
    m_smtpPort->setValue(a.settings.value(QStringLiteral("smtp_port")).toInt(587));
    m_user->setText(a.setting(QStringLiteral("user")));
    m_tls->setCurrentIndex(std::max(0, m_tls->findData(a.setting(QStringLiteral("tls")))));
    m_caFile->setText(a.setting(QStringLiteral("ca_file")));
    m_pinned->setText(a.setting(QStringLiteral("pinned_sha256")));
    QStringList folders;
    for (const QJsonValue& f : a.settings.value(QStringLiteral("folders")).toArray())
        folders << f.toString();
    m_folders->setText(folders.join(QStringLiteral(", ")));
    m_signature->setPlainText(a.setting(QStringLiteral("signature")));
    m_passwordCommand->setText(a.setting(QStringLiteral("secret_command")));
    m_password->clear();
    showHealth(a);
}

void AccountsDialog::showHealth(const Account& a)
{
    m_health->setVisible(a.id != 0); // a new account has no history yet
    if (a.id == 0)
        return;
    const AccountHealth health = accountHealth(m_db, a);
    m_health->setText(ConnectionHealthText::describe(health));
    // A palette role, not a fixed colour, so the warning reads in light and dark.
    QPalette p = palette();
    if (health.key && health.key->warn())
        p.setColor(QPalette::WindowText, SemanticColors::color(SemanticColors::Role::Danger, p));
    m_health->setPalette(p);
}

Account AccountsDialog::formAccount() const
{
    Account a;
    a.kind = AccountKind::Email;
    a.name = m_name->text().trimmed();
    QJsonObject& s = a.settings;
    s.insert(QStringLiteral("address"), m_address->text().trimmed());
    s.insert(QStringLiteral("display_name"), m_displayName->text().trimmed());
    s.insert(QStringLiteral("imap_host"), m_imapHost->text().trimmed());
    s.insert(QStringLiteral("imap_port"), m_imapPort->value());
    s.insert(QStringLiteral("smtp_host"), m_smtpHost->text().trimmed());
    s.insert(QStringLiteral("smtp_port"), m_smtpPort->value());
    s.insert(QStringLiteral("user"),
             m_user->text().trimmed().isEmpty() ? m_address->text().trimmed() : m_user->text().trimmed());
    s.insert(QStringLiteral("tls"), m_tls->currentData().toString());
    if (!m_caFile->text().trimmed().isEmpty())
        s.insert(QStringLiteral("ca_file"), m_caFile->text().trimmed());
    if (!m_pinned->text().trimmed().isEmpty())
        s.insert(QStringLiteral("pinned_sha256"), m_pinned->text().trimmed());
    QJsonArray folders;
    for (const QString& f : m_folders->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        folders.append(f.trimmed());
    if (!folders.isEmpty())
        s.insert(QStringLiteral("folders"), folders);
    s.insert(QStringLiteral("signature"), m_signature->toPlainText());
    if (!m_passwordCommand->text().trimmed().isEmpty())
        s.insert(QStringLiteral("secret_command"), m_passwordCommand->text().trimmed());
    return a;
}

void AccountsDialog::setSecretSources(std::shared_ptr<SecretStore> keychain, PasswordPrompt::Ask ask)
{
    m_keychain = std::move(keychain);
    m_ask = std::move(ask);
}

Account AccountsDialog::marketplaceAccount() const
{
    Account a;
    a.kind = currentKind();
    a.name = m_name->text().trimmed();
    for (const auto& [key, edit] : m_fieldEdits)
        if (!edit->text().trimmed().isEmpty())
            a.settings.insert(key, edit->text().trimmed());
    if (!m_baseUrl->text().trimmed().isEmpty())
        a.settings.insert(QStringLiteral("base_url"), m_baseUrl->text().trimmed());
    if (!m_secretCommand->text().trimmed().isEmpty())
        a.settings.insert(QStringLiteral("secret_command"), m_secretCommand->text().trimmed());
    return a;
}

void AccountsDialog::saveMarketplace()
{
    const Account a = marketplaceAccount();
    if (auto named = AccountStore::validateName(a.name); !named) {
        m_status->setText(named.error().message);
        return;
    }
    for (const AccountField& f : channelOfAccountKind(a.kind).accountFields) {
        const QString label = QCoreApplication::translate("casebook::ui", f.label);
        if (f.required && a.setting(toQString(f.key)).isEmpty()) {
            m_status->setText(tr("%1 is needed.").arg(label));
            return;
        }
        if (!accountFieldValueOk(f, a.setting(toQString(f.key)))) {
            m_status->setText(tr("%1: enter a date as 2027-06-30.").arg(label));
            return;
        }
    }
    AccountStore store(m_db);
    const auto existing = store.byName(a.name);
    if (existing && existing->kind != a.kind) {
        m_status->setText(tr("There is already an account named %1 of another kind.").arg(a.name));
        return;
    }
    if (!existing && m_secret->text().isEmpty() && m_secretCommand->text().trimmed().isEmpty()) {
        m_status->setText(tr("Enter the secret key or a command that prints it."));
        return;
    }
    QString unkept;
    if (!m_secret->text().isEmpty() && m_secretCommand->text().trimmed().isEmpty())
        if (auto stored = m_keychain->write(a.name, m_secret->text()); !stored)
            unkept = stored.error().message;
    const Result<void> saved = existing ? store.updateSettings(a.name, a.settings) : [&]() -> Result<void> {
        auto id = store.add(a);
        if (!id)
            return id.error();
        return {};
    }();
    m_secret->clear();
    if (!saved)
        m_status->setText(saved.error().message);
    else if (!unkept.isEmpty())
        m_status->setText(tr("Saved %1, without its secret key: %2\nSet a secret command or start a keychain "
                             "service.")
                              .arg(a.name, unkept));
    else
        m_status->setText(tr("Saved %1.").arg(a.name));
    reload();
}

void AccountsDialog::save()
{
    if (currentKind() != AccountKind::Email) {
        saveMarketplace();
        return;
    }
    const Account a = formAccount();
    auto settings = EmailSettings::from(a);
    if (!settings) {
        m_status->setText(settings.error().message);
        return;
    }
    // No keychain: the account is saved all the same and the password asked for when it is needed;
    // Casebook never keeps it in plain text.
    QString unkept;
    if (!m_password->text().isEmpty() && m_passwordCommand->text().trimmed().isEmpty())
        if (auto stored = m_keychain->write(a.name, m_password->text()); !stored)
            unkept = stored.error().message;
    AccountStore store(m_db);
    const Result<void> saved =
        store.byName(a.name) ? store.updateSettings(a.name, a.settings) : [&]() -> Result<void> {
        auto id = store.add(a);
        if (!id)
            return id.error();
        return {};
    }();
    if (!saved)
        m_status->setText(saved.error().message);
    else if (!unkept.isEmpty())
        m_status->setText(tr("Saved %1, without its password: %2\nCasebook will ask for the password each "
                             "time it is needed; set a password command or start a keychain service to "
                             "avoid that.")
                              .arg(a.name, unkept));
    else
        m_status->setText(tr("Saved %1.").arg(a.name));
    m_password->clear();
    reload();
}

void AccountsDialog::removeSelected()
{
    const QString name =
        m_list->currentItem() ? m_list->currentItem()->text().section(QLatin1Char(' '), 0, 0) : QString();
    if (name.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Remove account"),
                              tr("Remove the account %1? Its messages stay.").arg(name)) != QMessageBox::Yes)
        return;
    if (auto removed = AccountStore(m_db).remove(name); !removed) {
        m_status->setText(removed.error().message);
        return;
    }
    (void)m_keychain->remove(name);
    reload();
    clearForm();
}

void AccountsDialog::testConnection()
{
    const Account a = formAccount();
    auto settings = EmailSettings::from(a);
    if (!settings) {
        m_status->setText(settings.error().message);
        return;
    }
    QString secret = m_password->text();
    if (secret.isEmpty()) {
        auto stored = PasswordPrompt::secretFor(a, *m_keychain, m_ask);
        if (!stored) {
            m_status->setText(stored.error().message);
            return;
        }
        secret = *stored;
    }
    m_test->setEnabled(false);
    m_status->setText(tr("Connecting…"));
    // The network waits on the worker; the answer comes back as a queued signal.
    m_testJob->run([this, s = *settings, secret]() {
        QString refused;
        QString result;
        auto imap = net::connectImap(s.imap, s.user, secret, &refused);
        if (!imap) {
            result = tr("IMAP: %1").arg(imap.error().message);
        } else {
            (void)imap->session->logout();
            auto smtp = net::connectSmtp(s.smtp, s.user, secret, &refused);
            if (smtp)
                smtp->client->quit();
            result = smtp ? tr("IMAP and SMTP: logged in.")
                          : tr("IMAP: logged in. SMTP: %1").arg(smtp.error().message);
        }
        Q_EMIT testFinished(result, refused);
    });
}

void AccountsDialog::showTestResult(const QString& result, const QString& refusedSha256)
{
    m_test->setEnabled(true);
    m_status->setText(result);
    if (refusedSha256.isEmpty())
        return;
    const auto answer =
        QMessageBox::warning(this, tr("Untrusted certificate"),
                             tr("The server's certificate is not trusted by this "
                                "computer.\n\nSHA-256:\n%1\n\nPin it only if you have "
                                "checked this fingerprint with your mail provider. Pin this certificate?")
                                 .arg(refusedSha256),
                             QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    const QString pins = m_pinned->text().trimmed();
    m_pinned->setText(pins.isEmpty() ? refusedSha256 : pins + QStringLiteral(", ") + refusedSha256);
    m_status->setText(tr("Pinned. Save, then test again."));
}

} // namespace casebook::ui
