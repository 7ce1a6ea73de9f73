#pragma once

#include "store/database.h"

#include <QObject>
#include <QStringList>
#include <atomic>
#include <thread>

class QProgressDialog;
class QWidget;

namespace casebook::ui {

// Runs a mail import on a worker thread with a progress dialog that can cancel it; the window stays live.
class ImportController : public QObject {
    Q_OBJECT
public:
    enum class Kind { Maildir, Mbox, Eml };

    ImportController(Database& db, QWidget* parentWindow);
    ~ImportController() override;

    bool busy() const { return m_worker.joinable(); }
    // Asks for the folder or files, then imports them.
    void chooseAndImport(Kind kind);
    void importPaths(Kind kind, const QStringList& paths);
    // Derives directions, customers and tickets of the stored mail again with the seller's addresses as they
    // are now (core's Rethreader), on the worker thread.
    void rethread();

Q_SIGNALS:
    void finished(const QString& summary);

private:
    void onProgress(qint64 read, double rate, const QString& current);
    void onDone(const QString& summary);

    Database& m_db;
    QWidget* m_window;
    QProgressDialog* m_dialog = nullptr;
    std::thread m_worker;
    std::atomic<bool> m_cancel{false};
};

} // namespace casebook::ui
