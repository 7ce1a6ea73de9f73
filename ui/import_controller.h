#pragma once

#include "store/database.h"

#include <QObject>
#include <QStringList>

class QWidget;

namespace casebook::ui {

class WorkerJob;

// Runs a mail import (a WorkerJob) with a progress dialog that can cancel it; the window stays live.
class ImportController : public QObject {
    Q_OBJECT
public:
    enum class Kind { Maildir, Mbox, Eml };

    ImportController(Database& db, QWidget* parentWindow);
    ~ImportController() override;

    bool busy() const;
    // Asks for the folder or files, then imports them.
    void chooseAndImport(Kind kind);
    void importPaths(Kind kind, const QStringList& paths);
    // Derives directions, customers and tickets of the stored mail again with the seller's addresses as they
    // are now (core's Rethreader), on the worker thread.
    void rethread();

Q_SIGNALS:
    void finished(const QString& summary);

private:
    Database& m_db;
    QWidget* m_window;
    WorkerJob* m_job;
};

} // namespace casebook::ui
