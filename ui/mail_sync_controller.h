#pragma once

#include "password_prompt.h"
#include "store/database.h"

#include <QObject>
#include <memory>
#include <vector>

namespace casebook {
class EmailWatcher;
class SecretStore;
class OutboxWorker;
} // namespace casebook

namespace casebook::ui {

// Keeps the mail live while the window is open: one EmailWatcher (sync, then IMAP IDLE) per email
// account and one OutboxWorker, all on their own threads. Their news reaches the GUI thread as signals.
// A password the keychain cannot give is asked for here, on the GUI thread, once per account each time the
// workers start, and handed to them in memory only.
class MailSyncController : public QObject {
    Q_OBJECT
public:
    // `keychain`: the app's one secret store (made in gui_main.cpp).
    MailSyncController(Database& db, std::shared_ptr<SecretStore> keychain, QObject* parent = nullptr);
    ~MailSyncController() override;

    // (Re)starts the watchers for the accounts as they are now (after the accounts dialog closes).
    void restart();
    void wakeOutbox();
    // Where passwords come from: the store given and a dialog, unless a test says otherwise.
    void setSecretSources(std::shared_ptr<SecretStore> keychain, PasswordPrompt::Ask ask);

Q_SIGNALS:
    void mailArrived();                   // a sync stored something new: refresh the lists
    void statusChanged(const QString& s); // one line for the status bar
    void outboxChanged();

private:
    void stopAll();

    Database& m_db;
    std::shared_ptr<SecretStore> m_keychain;
    PasswordPrompt::Ask m_ask;
    std::vector<std::unique_ptr<EmailWatcher>> m_watchers;
    std::unique_ptr<OutboxWorker> m_outbox;
};

} // namespace casebook::ui
