#include "desktop_shell.h"

#include "import_controller.h"
#include "main_window.h"
#include "settings_dialog.h"
#include "status_bar_controller.h"
#include "ticket_list_model.h"
#include "ticket_list_pane.h"
#include "tray_notifier.h"
#include "views_pane.h"

#include <QAction>
#include <QApplication>
#include <QStatusBar>
#include <QTimer>

namespace casebook::ui {

DesktopShell::DesktopShell(Database& db, const Clock& clock, MainWindow* window)
    : QObject(window), m_db(db), m_window(window), m_settingsAction(new QAction(tr("&Settings…"), this)),
      m_tray(new TrayNotifier(db, clock, this)), m_status(new StatusBarController(window->statusBar()))
{
    setObjectName(QStringLiteral("desktopShell"));
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &DesktopShell::openSettings);

    m_knownTickets = ticket_queries::stats(db.reader()).tickets;
    connect(window->importController(), &ImportController::finished, this, &DesktopShell::checkForNewTickets);
    connect(m_tray, &TrayNotifier::ticketActivated, this, &DesktopShell::showTicket);
    connect(m_tray, &TrayNotifier::showWindowRequested, this, [this] {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    });
    connect(m_tray, &TrayNotifier::quitRequested, m_window, &QWidget::close);
    // The first look waits until the window is up, so start-up paints first.
    QTimer::singleShot(1500, m_tray, [this] { m_tray->start(); });
}

SettingsDialog* DesktopShell::settingsDialog() const
{
    return m_settings;
}

void DesktopShell::openSettings()
{
    if (!m_settings) {
        m_settings = new SettingsDialog(m_db, m_window);
        m_settings->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_settings, &SettingsDialog::accountsRequested, this, &DesktopShell::accountsRequested);
        connect(m_settings, &SettingsDialog::languageChanged, this, [this] {
            m_window->statusBar()->showMessage(tr("The new language applies the next time Casebook starts."));
        });
    }
    m_settings->show();
    m_settings->raise();
    m_settings->activateWindow();
}

void DesktopShell::checkForNewTickets()
{
    const qint64 now = ticket_queries::stats(m_db.reader()).tickets;
    const qint64 added = now - m_knownTickets;
    m_knownTickets = now;
    if (added > 0)
        m_tray->ticketsArrived(int(added));
}

void DesktopShell::showTicket(qint64 ticketId)
{
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
    TicketListModel* model = m_window->ticketListModel();
    if (ticketId == 0) {
        m_window->viewsPane()->selectView(TicketView::Inbox);
        m_window->ticketListPane()->selectRow(0);
        return;
    }
    // The current view first; else every ticket, where it is unless it is spam.
    if (model->rowOfTicket(ticketId) < 0)
        m_window->viewsPane()->selectView(TicketView::All);
    m_window->ticketListPane()->selectRow(model->rowOfTicket(ticketId));
}

} // namespace casebook::ui
