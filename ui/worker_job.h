#pragma once

#include "evidence/progress.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <functional>

class QProgressDialog;
class QWidget;

namespace casebook {
class Database;
}

namespace casebook::ui {

// The window's one way to run work in the background: one job at a time (adding evidence, a case file, a
// marketplace sync or confirmation, the integrity check, the tone models) on a worker thread that lives as
// long as this object. start() shows a progress dialog that can cancel the job; run() shows none, for work
// the window reports elsewhere. The window stays live meanwhile. When `db` is given, the read connection a
// job opened on the worker thread is closed as the job ends, so no reader outlives its work.
class WorkerJob : public QObject {
    Q_OBJECT
public:
    explicit WorkerJob(QWidget* dialogParent, Database* db = nullptr);
    ~WorkerJob() override; // waits for a running job

    bool busy() const { return m_busy; }

    // `work` runs on the worker thread with a Progress that reports to the dialog and returns false once the
    // user cancelled; `done` runs afterwards on this object's thread. False when a job is already running.
    bool start(const QString& title, const QString& label, std::function<void(const Progress&)> work,
               std::function<void()> done);
    // The same without a dialog: `work` on the worker thread, then `done` (if any) on this object's thread.
    bool run(std::function<void()> work, std::function<void()> done = {});
    void cancel() { m_cancel = true; }
    // Whether the next start()'s dialog offers Cancel (true unless the work cannot stop halfway).
    void setCancellable(bool cancellable) { m_cancellable = cancellable; }
    // From the worker thread: a new line under the dialog's title (what is being done now).
    void setLabelText(const QString& text);

Q_SIGNALS:
    void finished();

private:
    // Queues `work` to the worker thread, then closes its reader and ends the job on this thread.
    void queue(std::function<void()> work, std::function<void()> done);
    void report(qint64 done, qint64 total);

    QWidget* m_dialogParent;
    Database* m_db;
    QThread m_thread;
    QObject* m_context; // lives in m_thread: jobs are queued to it
    QProgressDialog* m_dialog = nullptr;
    std::atomic<bool> m_cancel{false};
    std::atomic<int> m_lastPermille{-1};
    bool m_busy = false;
    bool m_cancellable = true;
};

} // namespace casebook::ui
