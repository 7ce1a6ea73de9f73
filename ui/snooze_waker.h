#pragma once

#include "model/clock.h"
#include "store/database.h"

#include <QDateTime>
#include <QObject>

class QTimer;

namespace casebook::ui {

// Brings snoozed tickets back while the window is open: a timer runs to the next snooze's end (read from the
// injected Clock), and woke() tells the window to reload its list and counts. Re-arm it after anything that
// may have snoozed or woken a ticket.
class SnoozeWaker : public QObject {
    Q_OBJECT
public:
    SnoozeWaker(Database& db, const Clock& clock, QObject* parent = nullptr);

    // When the next snoozed ticket wakes, or invalid when none is snoozed.
    QDateTime nextWake() const { return m_next; }
    int remainingMs() const;

public Q_SLOTS:
    // Reads the next wake-up from the store and sets the timer to it.
    void rearm();
    // What the timer runs: woke() when a snooze has ended by the clock, then the next wake-up.
    void check();

Q_SIGNALS:
    void woke();

private:
    Database& m_db;
    const Clock& m_clock;
    QTimer* m_timer;
    QDateTime m_next;
};

} // namespace casebook::ui
