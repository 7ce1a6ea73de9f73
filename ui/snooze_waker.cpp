#include "snooze_waker.h"

#include "store/ticket_queries.h"

#include <QTimer>
#include <algorithm>

namespace casebook::ui {
namespace {

// A timer longer than this is re-checked: the system clock may jump (a laptop waking from sleep, a time
// zone change) and a QTimer counts elapsed time, not the clock.
constexpr qint64 kLongestWaitMs = 5 * 60 * 1000;

} // namespace

SnoozeWaker::SnoozeWaker(Database& db, const Clock& clock, QObject* parent)
    : QObject(parent), m_db(db), m_clock(clock), m_timer(new QTimer(this))
{
    m_timer->setObjectName(QStringLiteral("snoozeTimer"));
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::VeryCoarseTimer); // a snooze ends to the second, not the millisecond
    connect(m_timer, &QTimer::timeout, this, &SnoozeWaker::check);
}

int SnoozeWaker::remainingMs() const
{
    return m_timer->isActive() ? m_timer->remainingTime() : -1;
}

void SnoozeWaker::rearm()
{
    const QDateTime now = m_clock.now();
    // A wake-up whose time has passed is told even when a re-arm (after a triage action, after the first
    // paint) comes before the timer: the ticket has left the Snoozed view by then and would be missed.
    const bool ended = m_next.isValid() && m_next <= now;
    // The Snoozed view is the tickets whose snooze has not ended: few, even in a large inbox.
    const QList<TicketSummary> snoozed =
        ticket_queries::tickets(m_db.reader(), {.view = TicketView::Snoozed, .now = now});
    m_next = {};
    for (const TicketSummary& t : snoozed)
        if (t.snoozedUntil.isValid() && (!m_next.isValid() || t.snoozedUntil < m_next))
            m_next = t.snoozedUntil;
    if (!m_next.isValid()) {
        m_timer->stop();
    } else {
        // A second late rather than early: the ticket must be awake by the clock when the list reloads.
        const qint64 wait = std::clamp(now.msecsTo(m_next) + 1000, qint64(0), kLongestWaitMs);
        m_timer->start(static_cast<int>(wait));
    }
    if (ended)
        Q_EMIT woke();
}

void SnoozeWaker::check()
{
    rearm();
}

} // namespace casebook::ui
