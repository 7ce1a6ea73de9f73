#pragma once

#include "store/database.h"

#include <QObject>
#include <memory>
#include <vector>

namespace casebook {
class EmailWatcher;
class OutboxWorker;
} // namespace casebook

namespace casebook::ui {

// Keeps the mail live while the window is open: one EmailWatcher (sync, then IMAP IDLE) per email
// account and one OutboxWorker, all on their own threads. Their news reaches the GUI thread as signals.
class MailSyncController : public QObject {
    Q_OBJECT
public:
    MailSyncController(Database& db, QObject* parent = nullptr);
    ~MailSyncController() override;

    // (Re)starts the watchers for the accounts as they are now (after the accounts dialog closes).
    void restart();
    void wakeOutbox();

Q_SIGNALS:
    void mailArrived();                   // a sync stored something new: refresh the lists
    void statusChanged(const QString& s); // one line for the status bar
    void outboxChanged();

private:
    void stopAll();

    Database& m_db;
    std::vector<std::unique_ptr<EmailWatcher>> m_watchers;
    std::unique_ptr<OutboxWorker> m_outbox;
};

} // namespace casebook::ui
