#pragma once

#include "model/clock.h"
#include "store/database.h"

#include <QObject>
#include <QPointer>

class QAction;

namespace casebook::ui {

class MainWindow;
class SettingsDialog;
class StatusBarController;
class TrayNotifier;

// What people expect of a desktop app around the panes: Settings (Ctrl+,), the tray icon and its
// notifications, and the status bar's account and outbox states. MainWindow makes one and puts
// settingsAction() in a menu; the rest wires itself to the window's public parts.
class DesktopShell : public QObject {
    Q_OBJECT
public:
    DesktopShell(Database& db, const Clock& clock, MainWindow* window);

    QAction* settingsAction() const { return m_settingsAction; }
    TrayNotifier* trayNotifier() const { return m_tray; }
    StatusBarController* statusBarController() const { return m_status; }
    SettingsDialog* settingsDialog() const; // the open one, if any

public Q_SLOTS:
    // Opens Settings (not blocking; the open one is raised).
    void openSettings();
    // Compares the store's ticket count with the last look and tells the tray about new tickets; called
    // after an import, and by whoever syncs.
    void checkForNewTickets();
    // Brings the window forward with this ticket selected (0: the inbox's first ticket).
    void showTicket(qint64 ticketId);

Q_SIGNALS:
    // Settings' "Email accounts…": the accounts dialog opens here.
    void accountsRequested();

private:
    Database& m_db;
    MainWindow* m_window;
    QAction* m_settingsAction;
    TrayNotifier* m_tray;
    StatusBarController* m_status;
    QPointer<SettingsDialog> m_settings;
    qint64 m_knownTickets = 0;
};

} // namespace casebook::ui
