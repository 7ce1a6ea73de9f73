#include "integrity_check.h"

#include "after_first_paint.h"
#include "store/database_integrity.h"
#include "store/ticket_queries.h"
#include "worker_job.h"

#include <QEvent>
#include <QMetaObject>
#include <QWidget>
#include <memory>
#include <optional>

namespace casebook::ui {

IntegrityCheck::IntegrityCheck(Database& db, QObject* parent)
    : QObject(parent), m_db(db), m_job(new WorkerJob(nullptr, &db))
{
    m_job->setParent(this);
}

IntegrityCheck::~IntegrityCheck()
{
    // Waits for a running check; what it queued for this object dies with it (Qt drops queued calls to a
    // deleted receiver).
    delete m_job;
}

void IntegrityCheck::startAfterPaintOf(QWidget* painted)
{
    AfterFirstPaint::run(painted, this, [this] { start(); });
}

void IntegrityCheck::start()
{
    if (m_started)
        return;
    m_started = true;
    struct Outcome {
        QString problem;
        std::optional<StoreStats> stats;
    };
    auto outcome = std::make_shared<Outcome>();
    m_job->run(
        [path = m_db.path(), outcome] {
            // Its own connection (integrity::check opens one): the GUI thread's reader is not shared across
            // threads.
            const Result<void> checked = integrity::check(path);
            outcome->problem = checked ? QString() : checked.error().message;
            try {
                SQLite::Database conn(path.toStdString(), SQLite::OPEN_READONLY);
                conn.setBusyTimeout(5000);
                outcome->stats = ticket_queries::stats(conn);
            } catch (const SQLite::Exception&) {
                // The totals are a courtesy; a damaged file has said so above.
            }
        },
        [this, outcome] {
            m_done = true;
            m_problem = outcome->problem;
            if (outcome->stats)
                Q_EMIT counted(*outcome->stats);
            Q_EMIT finished(outcome->problem);
        });
}

} // namespace casebook::ui
