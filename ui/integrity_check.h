#pragma once

#include "model/values.h"
#include "store/database.h"

#include <QObject>
#include <QString>

class QWidget;

namespace casebook::ui {

class WorkerJob;

// PRAGMA quick_check off the start-up path: on 100,000 tickets it took half the time to a painted list, so
// the window opens the database without it and this runs it on a thread of its own once `painted` has
// painted for the first time. The result comes back on the GUI thread as finished(). The same pass reads the
// store's totals for the status bar (counting 200,000 messages reads the whole table, as the check does).
// It runs as a WorkerJob without a dialog.
class IntegrityCheck : public QObject {
    Q_OBJECT
public:
    IntegrityCheck(Database& db, QObject* parent = nullptr);
    ~IntegrityCheck() override; // waits for a running check (well under a second on 100,000 tickets)

    // Starts the check after the widget's first paint.
    void startAfterPaintOf(QWidget* painted);
    void start();
    bool done() const { return m_done; }
    // Empty when the check passed or has not finished.
    const QString& problem() const { return m_problem; }

Q_SIGNALS:
    void finished(const QString& problem); // empty when the database is sound
    void counted(const StoreStats& stats);

protected:
private:
    Database& m_db;
    WorkerJob* m_job;
    bool m_started = false;
    bool m_done = false;
    QString m_problem;
};

} // namespace casebook::ui
