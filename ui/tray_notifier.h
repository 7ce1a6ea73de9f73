#pragma once

#include "model/clock.h"
#include "store/database.h"

#include <QObject>
#include <QSet>

class QSystemTrayIcon;
class QTimer;

namespace casebook::ui {

// The tray icon and the desktop notifications: new inquiries arrived, a ticket's answer comes due. Where the
// desktop has no tray (offscreen, some Wayland shells) it shows nothing and carries on; `notified` still
// fires, so the window can say it in its status bar.
class TrayNotifier : public QObject {
    Q_OBJECT
public:
    struct Notice {
        QString title;
        QString text;
        qint64 ticketId = 0; // the ticket a click opens; 0 opens the inbox
    };

    TrayNotifier(Database& db, const Clock& clock, QObject* parent = nullptr);
    ~TrayNotifier() override;

    bool trayAvailable() const { return m_tray != nullptr; }
    const Notice& lastNotice() const { return m_last; }
    // Checks once now and then every `intervalMs`.
    void start(int intervalMs = 60 * 1000);

public Q_SLOTS:
    // After an import or a sync added tickets.
    void ticketsArrived(int count);
    // Tickets in the store's "due soon" view that were not there at the last check (answered ones drop out,
    // so a ticket that comes due again is told again). The first check sums up what is already due.
    void checkDueSoon();
    // What a click on the last notification does.
    void activateLastNotice();

Q_SIGNALS:
    void notified(const QString& title, const QString& text);
    void ticketActivated(qint64 ticketId); // 0: no one ticket, show the inbox
    void showWindowRequested();
    void quitRequested();

private:
    void notify(Notice notice);

    Database& m_db;
    const Clock& m_clock;
    QSystemTrayIcon* m_tray = nullptr;
    QTimer* m_timer;
    QSet<qint64> m_dueTold;
    bool m_checkedOnce = false;
    Notice m_last;
};

} // namespace casebook::ui
