#pragma once

#include "model/clock.h"
#include "store/database.h"

#include <QMainWindow>
#include <QPointer>
#include <memory>

class QSplitter;

namespace casebook {
class SecretStore;
}

namespace casebook::ui {

class AccountsDialog;
class TemplateManagerDialog;
class ComposerPane;
class ConversationPane;
class DesktopShell;
class EvidencePane;
class ImportController;
class IntegrityCheck;
class SnoozeWaker;
class TicketActionsController;
class MailSyncController;
class ReportsView;
class TicketListModel;
class TicketListPane;
class ViewsPane;

// Assembles the panes and remembers the window's geometry; each pane does its own job.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `secrets`: the accounts' secrets, one store for the whole window (gui_main.cpp makes the keychain's;
    // tests give a fake).
    MainWindow(Database& db, const Clock& clock, const QString& title, std::shared_ptr<SecretStore> secrets,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    ViewsPane* viewsPane() const { return m_views; }
    TicketListPane* ticketListPane() const { return m_list; }
    ConversationPane* conversationPane() const { return m_conversation; }
    EvidencePane* evidencePane() const { return m_evidence; }
    ComposerPane* composerPane() const { return m_composer; }
    TicketListModel* ticketListModel() const { return m_model; }
    ImportController* importController() const { return m_import; }
    DesktopShell* shell() const { return m_shell; }
    TicketActionsController* ticketActions() const { return m_actions; }
    SnoozeWaker* snoozeWaker() const { return m_snooze; }
    // The database's quick_check, run on a thread of its own once the list has painted.
    IntegrityCheck* integrityCheck() const { return m_integrity; }
    // The accounts dialog while it is open (File → Accounts… or Settings → Accounts).
    AccountsDialog* accountsDialog() const;
    TemplateManagerDialog* templateManager() const; // open, or null
    // View → Reports: opens the reports window (or raises it) and returns it.
    ReportsView* openReports();
    ReportsView* reportsView() const; // open, or null

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void restoreState();
    void saveState() const;
    void refresh();
    // The status bar's notice of keys about to expire (connectors/connection_health.h has the rule).
    void showHealthNotices();
    void showIntegrityProblem(const QString& problem);

    TicketListModel* m_model;
    ViewsPane* m_views;
    TicketListPane* m_list;
    ConversationPane* m_conversation;
    EvidencePane* m_evidence = nullptr;
    ComposerPane* m_composer;
    QSplitter* m_splitter;
    ImportController* m_import;
    DesktopShell* m_shell = nullptr;
    TicketActionsController* m_actions = nullptr;
    MailSyncController* m_sync;
    SnoozeWaker* m_snooze = nullptr;
    IntegrityCheck* m_integrity = nullptr;
    QPointer<AccountsDialog> m_accounts;
    QPointer<TemplateManagerDialog> m_templates;
    QPointer<ReportsView> m_reports;
    Database& m_db;
    const Clock& m_clock;
};

} // namespace casebook::ui
