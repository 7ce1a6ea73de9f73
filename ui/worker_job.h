#pragma once

#include "evidence/progress.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <functional>

class QProgressDialog;
class QWidget;

namespace casebook::ui {

// Runs one long job at a time (adding evidence, exporting or verifying a case file) on a worker thread that
// lives as long as this object, so the database's per-thread reader is opened once. A progress dialog shows
// the job and can cancel it; the window stays live meanwhile.
class WorkerJob : public QObject {
    Q_OBJECT
public:
    explicit WorkerJob(QWidget* dialogParent);
    ~WorkerJob() override;

    bool busy() const { return m_busy; }

    // `work` runs on the worker thread with a Progress that reports to the dialog and returns false once the
    // user cancelled; `done` runs afterwards on this object's thread. False when a job is already running.
    bool start(const QString& title, const QString& label, std::function<void(const Progress&)> work,
               std::function<void()> done);
    void cancel() { m_cancel = true; }
    // From the worker thread: a new line under the dialog's title (what is being done now).
    void setLabelText(const QString& text);

Q_SIGNALS:
    void finished();

private:
    void report(qint64 done, qint64 total);

    QWidget* m_dialogParent;
    QThread m_thread;
    QObject* m_context; // lives in m_thread: jobs are queued to it
    QProgressDialog* m_dialog = nullptr;
    std::atomic<bool> m_cancel{false};
    std::atomic<int> m_lastPermille{-1};
    bool m_busy = false;
};

} // namespace casebook::ui
