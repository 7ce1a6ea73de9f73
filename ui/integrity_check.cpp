#include "integrity_check.h"

#include "after_first_paint.h"
#include "store/database_integrity.h"
#include "store/ticket_queries.h"

#include <QEvent>
#include <QMetaObject>
#include <QWidget>
#include <optional>

namespace casebook::ui {

IntegrityCheck::IntegrityCheck(Database& db, QObject* parent) : QObject(parent), m_db(db) {}

IntegrityCheck::~IntegrityCheck()
{
    // The finished() call queued by the thread dies with this object: Qt drops queued calls to a deleted
    // receiver.
    if (m_thread.joinable())
        m_thread.join();
}

void IntegrityCheck::startAfterPaintOf(QWidget* painted)
{
    AfterFirstPaint::run(painted, this, [this] { start(); });
}

void IntegrityCheck::start()
{
    if (m_thread.joinable())
        return;
    m_thread = std::thread([this] {
        // Its own connection (integrity::check opens one): the GUI thread's reader is not shared across
        // threads.
        const Result<void> checked = integrity::check(m_db.path());
        const QString problem = checked ? QString() : checked.error().message;
        std::optional<StoreStats> stats;
        try {
            SQLite::Database conn(m_db.path().toStdString(), SQLite::OPEN_READONLY);
            conn.setBusyTimeout(5000);
            stats = ticket_queries::stats(conn);
        } catch (const SQLite::Exception&) {
            // The totals are a courtesy; a damaged file has said so above.
        }
        QMetaObject::invokeMethod(this, [this, problem, stats] {
            m_done = true;
            m_problem = problem;
            if (stats)
                Q_EMIT counted(*stats);
            Q_EMIT finished(problem);
        });
    });
}

} // namespace casebook::ui
