#pragma once

#include "inbox/ticket_actions.h"
#include "model/clock.h"
#include "store/database.h"

#include <QObject>
#include <memory>

class QAction;
class QMainWindow;
class QMenu;

namespace casebook {
class SecretStore;
}

namespace casebook::ui {

class TicketListPane;
class ViewsPane;
class WorkerJob;

// The window's triage commands as actions with their keys (j/k, Enter, e, s, #, ?, Ctrl+Shift+P …): the Go
// and Ticket menus, the ticket list's context menu, the shortcut list and the command palette all show the
// same actions. Each command calls core's TicketActions on the selected tickets, then refreshes the list and
// the view counts.
class TicketActionsController : public QObject {
    Q_OBJECT
public:
    TicketActionsController(Database& db, const Clock& clock, std::shared_ptr<SecretStore> secrets,
                            TicketListPane* list, ViewsPane* views, QMainWindow* window);
    ~TicketActionsController() override;

    // Adds the Go and Ticket menus to the window and the actions to the ticket list's context menu.
    void install();

    QMenu* ticketMenu() const { return m_ticketMenu; }
    QMenu* goMenu() const { return m_goMenu; }
    QAction* action(const QString& objectName) const;
    TicketActions& core() { return m_actions; }

    void showShortcuts();
    void showCommandPalette();

Q_SIGNALS:
    // After every command that changed the store.
    void changed();

private:
    QAction* add(QMenu* menu, const QString& name, const QString& text, const QKeySequence& key,
                 const std::function<void()>& run);
    void buildMenus();
    void updateState();
    void updateSuggestion();
    void moveBy(int rows);
    void openCurrent();
    // Runs fn on each selected ticket, reports the first error, refreshes.
    // Applies one change to every selected ticket as one step (one Undo takes it all back).
    void onSelected(const QString& done, const BulkChange& change);
    void finish(const QString& message);
    void fail(const QString& message);
    void snoozeSelected();
    void addOrderNumber();
    void editSummary();
    void mergeSelected();
    void splitMessage();
    void confirmTransfer();
    void undo();

    Database& m_db;
    const Clock& m_clock;
    std::shared_ptr<SecretStore> m_secrets;
    TicketListPane* m_list;
    ViewsPane* m_views;
    QMainWindow* m_window;
    TicketActions m_actions;
    QMenu* m_goMenu;
    QMenu* m_ticketMenu;
    QMenu* m_categoryMenu = nullptr;
    QAction* m_suggested = nullptr;
    QAction* m_undo = nullptr;
    QAction* m_abusive = nullptr;
    QAction* m_vip = nullptr;
    WorkerJob* m_confirming; // the Coupang confirmation (network off the GUI thread); owned, deleted first
};

} // namespace casebook::ui
