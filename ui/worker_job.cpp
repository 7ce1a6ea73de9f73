#include "worker_job.h"

#include "store/database.h"

#include <QMetaObject>
#include <QProgressDialog>

namespace casebook::ui {

WorkerJob::WorkerJob(QWidget* dialogParent, Database* db)
    : QObject(dialogParent), m_dialogParent(dialogParent), m_db(db), m_context(new QObject)
{
    m_thread.setObjectName(QStringLiteral("casebook-worker"));
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

WorkerJob::~WorkerJob()
{
    m_cancel = true;
    m_thread.quit();
    m_thread.wait();
    delete m_context; // its thread has stopped: no event can reach it any more
}

bool WorkerJob::start(const QString& title, const QString& label, std::function<void(const Progress&)> work,
                      std::function<void()> done)
{
    if (m_busy)
        return false;
    m_busy = true;
    m_cancel = false;
    m_lastPermille = -1;
    m_dialog = new QProgressDialog(label, tr("Cancel"), 0, 1000, m_dialogParent);
    m_dialog->setObjectName(QStringLiteral("workerProgress"));
    m_dialog->setWindowTitle(title);
    if (!m_cancellable)
        m_dialog->setCancelButton(nullptr);
    // Not modal: a modal QProgressDialog spins the event loop inside setValue(), and the job's end could
    // then run inside its own progress report.
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    // Quick jobs finish before the dialog would flash up.
    m_dialog->setMinimumDuration(400);
    m_dialog->setValue(0);
    connect(m_dialog, &QProgressDialog::canceled, this, [this] {
        m_cancel = true;
        if (m_dialog)
            m_dialog->setLabelText(tr("Cancelling…"));
    });

    queue(
        [this, work = std::move(work)] {
            work([this](qint64 d, qint64 total) {
                report(d, total);
                return !m_cancel.load();
            });
        },
        std::move(done));
    return true;
}

bool WorkerJob::run(std::function<void()> work, std::function<void()> done)
{
    if (m_busy)
        return false;
    m_busy = true;
    m_cancel = false;
    queue(std::move(work), std::move(done));
    return true;
}

void WorkerJob::queue(std::function<void()> work, std::function<void()> done)
{
    QMetaObject::invokeMethod(m_context, [this, work = std::move(work), done = std::move(done)] {
        work();
        // The job's statements are gone with `work`: its reader can close now, on its own thread.
        if (m_db)
            m_db->closeReader();
        QMetaObject::invokeMethod(this, [this, done] {
            if (m_dialog) {
                m_dialog->close();
                m_dialog->deleteLater();
                m_dialog = nullptr;
            }
            m_busy = false;
            if (done)
                done();
            Q_EMIT finished();
        });
    });
}

void WorkerJob::setLabelText(const QString& text)
{
    QMetaObject::invokeMethod(this, [this, text] {
        if (m_dialog && !m_cancel)
            m_dialog->setLabelText(text);
    });
}

void WorkerJob::report(qint64 done, qint64 total)
{
    if (total <= 0) { // no end known (a sync): the bar just shows it is busy
        if (m_lastPermille.exchange(-2) != -2)
            QMetaObject::invokeMethod(this, [this] {
                if (m_dialog)
                    m_dialog->setRange(0, 0);
            });
        return;
    }
    // Called for every megabyte: only a visible change crosses to the GUI thread.
    const int permille =
        total > 0 ? static_cast<int>(qBound(qint64(0), done * 1000 / total, qint64(1000))) : 0;
    if (m_lastPermille.exchange(permille) == permille)
        return;
    QMetaObject::invokeMethod(this, [this, permille] {
        if (m_dialog)
            m_dialog->setValue(permille);
    });
}

} // namespace casebook::ui
