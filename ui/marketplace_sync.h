#pragma once

#include "store/database.h"

#include <QObject>
#include <memory>

class QWidget;

namespace casebook {
class SecretStore;
}

namespace casebook::ui {

class WorkerJob;

// Sync now for the marketplace accounts (Coupang, Naver): each account in turn on a worker thread, with a
// progress dialog and Cancel (asked between pages; what was fetched stays, the cursor resumes there). Email
// accounts need no such action: they sync continuously while the window is open (MailSyncController).
class MarketplaceSync : public QObject {
    Q_OBJECT
public:
    MarketplaceSync(Database& db, std::shared_ptr<SecretStore> secrets, QWidget* dialogParent);

    // False when a sync is already running.
    bool syncAll();
    WorkerJob* job() const { return m_job; }

Q_SIGNALS:
    // One line per account ("shop: 12 new of 15 fetched"), and whether anything new arrived.
    void finished(const QString& summary, bool arrived);

private:
    Database& m_db;
    std::shared_ptr<SecretStore> m_secrets;
    WorkerJob* m_job;
};

} // namespace casebook::ui
