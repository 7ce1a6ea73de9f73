#pragma once

#include "accounts/account.h"
#include "password_prompt.h"
#include "store/database.h"

#include <QDialog>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace casebook {
class SecretStore;
}

namespace casebook::ui {

class WorkerJob;

// Lists the accounts and adds or edits them: an email account with its own form; a marketplace account with
// the fields its kind's row of the channel table lists (model/channel_table.h), its API base URL and secret. "Test connection" logs in to IMAP and SMTP on a
// worker thread; a certificate the system does not trust is shown by its SHA-256 and pinned only if the
// seller says so. The password goes to the system keychain, or stays with a password command; with no
// keychain the account is saved without it and "Test connection" asks for it each time.
class AccountsDialog : public QDialog {
    Q_OBJECT
public:
    // `keychain`: the app's one secret store (made in gui_main.cpp), where typed passwords are kept.
    AccountsDialog(Database& db, std::shared_ptr<SecretStore> keychain, QWidget* parent = nullptr);
    ~AccountsDialog() override;
    // Where passwords come from: the store given and a dialog, unless a test says otherwise.
    void setSecretSources(std::shared_ptr<SecretStore> keychain, PasswordPrompt::Ask ask);

Q_SIGNALS:
    void testFinished(const QString& result, const QString& refusedSha256);

private:
    void reload();
    // Shows the form of the kind chosen; a marketplace kind's fields are made from its channel row.
    void showKind(AccountKind kind);
    AccountKind currentKind() const;
    Account marketplaceAccount() const;
    void saveMarketplace();
    void load(const Account& a);
    void showHealth(const Account& a);
    void clearForm();
    Account formAccount() const;
    void save();
    void removeSelected();
    void testConnection();
    void showTestResult(const QString& result, const QString& refusedSha256);

    Database& m_db;
    std::shared_ptr<SecretStore> m_keychain;
    PasswordPrompt::Ask m_ask;
    QListWidget* m_list;
    QComboBox* m_kind;
    QWidget* m_emailForm;
    QWidget* m_marketForm;
    QWidget* m_fields; // inside m_marketForm: the kind's own fields
    QList<QPair<QString, QLineEdit*>> m_fieldEdits; // the kind's fields, by setting key
    QLineEdit* m_baseUrl;
    QLineEdit* m_secret;
    QLineEdit* m_secretCommand;
    QLineEdit* m_name;
    QLineEdit* m_address;
    QLineEdit* m_displayName;
    QLineEdit* m_imapHost;
    QSpinBox* m_imapPort;
    QLineEdit* m_smtpHost;
    QSpinBox* m_smtpPort;
    QLineEdit* m_user;
    QComboBox* m_tls;
    QLineEdit* m_caFile;
    QLineEdit* m_pinned;
    QLineEdit* m_folders;
    QPlainTextEdit* m_signature;
    QLineEdit* m_password;
    QLineEdit* m_passwordCommand;
    QPushButton* m_test;
    QLabel* m_status;
    QLabel* m_health; // the account's connection health (connectors/connection_health.h)
    WorkerJob* m_testJob; // "Test connection"; waited for before the dialog goes
};

} // namespace casebook::ui
