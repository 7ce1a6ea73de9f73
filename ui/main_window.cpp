#include "main_window.h"

#include "accounts/account_store.h"
#include "accounts_dialog.h"
#include "after_first_paint.h"
#include "compose/outbox.h"
#include "compose/tone_checker.h"
#include "composer_pane.h"
#include "connection_health_text.h"
#include "connectors/order_lookup.h"
#include "conversation_pane.h"
#include "order_panel.h"
#include "csv_import_dialog.h"
#include "desktop_shell.h"
#include "evidence_pane.h"
#include "import_controller.h"
#include "integrity_check.h"
#include "mail_sync_controller.h"
#include "marketplace_sync.h"
#include "reports_view.h"
#include "semantic_colors.h"
#include "snooze_waker.h"
#include "status_bar_controller.h"
#include "template_manager_dialog.h"
#include "ticket_actions_controller.h"
#include "ticket_list_model.h"
#include "ticket_list_pane.h"
#include "views_pane.h"
#include "worker_job.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTreeView>
#include <QUrl>

namespace casebook::ui {

namespace {

// One dialog of a kind at a time: a second request raises the open one. Deleted when closed, so the slot
// empties itself.
template <typename Dialog, typename Make> void openOnce(QPointer<Dialog>& slot, Make make)
{
    if (slot) {
        slot->raise();
        slot->activateWindow();
        return;
    }
    slot = make();
    slot->setAttribute(Qt::WA_DeleteOnClose);
    slot->open();
}

} // namespace

MainWindow::MainWindow(Database& db, const Clock& clock, const QString& title,
                       std::shared_ptr<SecretStore> secrets, QWidget* parent)
    : QMainWindow(parent), m_model(new TicketListModel(db, clock, this)), m_views(new ViewsPane(db, clock)),
      m_list(new TicketListPane(m_model)), m_conversation(new ConversationPane(db, clock)),
      m_composer(new ComposerPane(db, secrets)), m_splitter(new QSplitter(Qt::Horizontal, this)),
      m_import(new ImportController(db, this)), m_sync(new MailSyncController(db, secrets, this)), m_db(db),
      m_clock(clock)
{
    setAcceptDrops(true);
    setObjectName(QStringLiteral("mainWindow"));
    // The order beside a ticket is asked of its market through the ticket's account, as the CLI's `order`.
    m_conversation->orderPanel()->setFetch([&db, secrets](int ticketNumber) {
        return OrderLookup(db, OrderLookup::connectorsFrom(db, *secrets)).fetch(ticketNumber);
    });
    setWindowTitle(title.isEmpty() ? QStringLiteral("Casebook") : QStringLiteral("Casebook — %1").arg(title));
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_views);
    m_splitter->addWidget(m_list);
    // The selected case: its conversation, the reply being written, and its evidence, top to bottom.
    auto* caseSplitter = new QSplitter(Qt::Vertical);
    caseSplitter->setObjectName(QStringLiteral("caseSplitter"));
    caseSplitter->addWidget(m_conversation);
    caseSplitter->addWidget(m_composer);
    caseSplitter->addWidget(m_evidence = new EvidencePane(db));
    caseSplitter->setSizes({480, 220, 200});
    m_splitter->addWidget(caseSplitter);
    addActions(m_composer->actions()); // r and n work while the composer is closed
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({170, 800, 480}); // the list wide enough for its short columns and a readable subject
    setCentralWidget(m_splitter);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    QMenu* importMenu = file->addMenu(tr("&Import"));
    const auto importAction = [this, importMenu](const QString& text, ImportController::Kind kind) {
        importMenu->addAction(text, this, [this, kind] { m_import->chooseAndImport(kind); });
    };
    importAction(tr("&Maildir folder…"), ImportController::Kind::Maildir);
    importAction(tr("m&box file…"), ImportController::Kind::Mbox);
    importAction(tr("&.eml files…"), ImportController::Kind::Eml);
    importMenu->addAction(tr("Board &CSV export…"), this, [this, &db] {
        if (const QString summary = CsvImportDialog::chooseAndImport(db, this); !summary.isEmpty())
            Q_EMIT m_import->finished(summary);
    });
    connect(m_import, &ImportController::finished, this, [this](const QString& summary) {
        refresh();
        statusBar()->showMessage(summary);
    });
    QAction* print = file->addAction(tr("&Print case file…"), m_evidence, &EvidencePane::choosePrint);
    print->setObjectName(QStringLiteral("printCaseFileAction"));
    print->setShortcut(QKeySequence::Print);
    m_shell = new DesktopShell(db, clock, this);
    file->addAction(m_shell->settingsAction());
    // Window-modal but not a nested event loop: the settings dialog (and tests) carry on while it is open.
    const auto openAccounts = [this, &db, secrets] {
        openOnce(m_accounts, [&] {
            auto* dialog = new AccountsDialog(db, secrets, this);
            connect(dialog, &QDialog::finished, this, [this] {
                m_sync->restart();
                showHealthNotices();
            });
            return dialog;
        });
    };
    file->addAction(tr("&Accounts…"), this, openAccounts);
    QAction* templates = file->addAction(tr("Reply &templates…"), this, [this, &db] {
        openOnce(m_templates, [&] { return new TemplateManagerDialog(db, this); });
    });
    templates->setObjectName(QStringLiteral("actionTemplates"));
    auto* marketplaces = new MarketplaceSync(db, secrets, this);
    QAction* syncNow = file->addAction(tr("S&ync marketplace inquiries now"), this, [this, marketplaces] {
        if (!marketplaces->syncAll())
            statusBar()->showMessage(tr("A sync is already running."));
    });
    syncNow->setObjectName(QStringLiteral("actionSyncMarketplaces"));
    syncNow->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    connect(marketplaces, &MarketplaceSync::finished, this, [this](const QString& summary, bool arrived) {
        if (arrived)
            refresh();
        statusBar()->showMessage(summary);
        showHealthNotices(); // a sync may have learned a key's expiry from Coupang
    });
    connect(m_shell, &DesktopShell::accountsRequested, this, openAccounts);
    const auto showOutboxCount = [this, &db] {
        if (const auto pending = Outbox(db).pendingCount())
            m_shell->statusBarController()->setOutboxCount(pending.value());
    };
    connect(m_sync, &MailSyncController::outboxChanged, this, showOutboxCount);
    // The open composer lists this ticket's replies: it shows what the sender made of them after each pass.
    connect(m_sync, &MailSyncController::outboxChanged, m_composer, &ComposerPane::refreshOutbox);
    connect(m_composer, &ComposerPane::ticketUpdated, this, showOutboxCount);
    showOutboxCount();
    // A reply just queued goes out now, not at the outbox worker's next tick.
    m_composer->setWakeHook([sync = QPointer<MailSyncController>(m_sync)] {
        if (sync)
            sync->wakeOutbox();
    });
    connect(m_sync, &MailSyncController::mailArrived, this, &MainWindow::refresh);
    connect(m_sync, &MailSyncController::statusChanged, this,
            [this](const QString& s) { statusBar()->showMessage(s); });
    m_sync->restart();
    showHealthNotices();
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    // After the seller's addresses changed (Settings), the stored mail is sorted again by core's Rethreader.
    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    tools->setObjectName(QStringLiteral("toolsMenu"));
    QAction* rethread = tools->addAction(tr("Sort mail &again with my addresses"), m_import, &ImportController::rethread);
    rethread->setObjectName(QStringLiteral("actionRethread"));
    rethread->setStatusTip(tr("Derive directions, customers and tickets of the stored mail again from the raw "
                              "messages, keeping status, notes and evidence"));
    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* reload = view->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    reload->setShortcut(QKeySequence::Refresh);
    QAction* search = view->addAction(tr("&Search"), m_list, &TicketListPane::focusSearch);
    // "/" searches too, as in mail clients; text fields keep their own "/".
    search->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::Key_Slash)});
    QAction* reports = view->addAction(tr("R&eports"), this, [this] { openReports(); });
    reports->setObjectName(QStringLiteral("actionReports"));
    reports->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_actions = new TicketActionsController(db, clock, secrets, m_list, m_views, this);
    m_actions->install();
    connect(m_list->searchBox(), &QLineEdit::textChanged, m_views, &ViewsPane::setCurrentSearch);
    connect(m_list, &TicketListPane::searchProblem, this, [this](const QString& problem) {
        if (!problem.isEmpty())
            statusBar()->showMessage(problem);
        else if (!m_list->searchBox()->text().isEmpty())
            statusBar()->showMessage(tr("%n tickets match", nullptr, m_model->rowCount()));
    });

    connect(m_views, &ViewsPane::selectionChosen, this, [this](const ViewSelection& s) {
        m_conversation->clear();
        m_list->showSelection(s);
    });
    connect(m_list, &TicketListPane::ticketSelected, m_conversation, &ConversationPane::showTicket);
    connect(m_list, &TicketListPane::ticketSelected, m_evidence, &EvidencePane::showTicket);
    connect(m_conversation, &ConversationPane::addAsEvidenceRequested, m_evidence,
            &EvidencePane::promoteAttachment);
    m_evidence->acceptDropsOn(m_list->view()->viewport(), [this](QPoint at) {
        return m_list->view()->indexAt(at).data(TicketListModel::TicketIdRole).toLongLong();
    });
    m_evidence->acceptDropsOn(this);
    connect(m_list, &TicketListPane::ticketSelected, m_composer, &ComposerPane::setTicket);
    connect(m_composer, &ComposerPane::ticketUpdated, this, [this](qint64 id) {
        m_conversation->showTicket(id);
        m_views->refreshCounts();
    });

    // A snoozed ticket comes back to the Inbox when its time comes, not only on the next reload.
    m_snooze = new SnoozeWaker(db, clock, this);
    connect(m_snooze, &SnoozeWaker::woke, this, [this] {
        m_list->reloadKeepingPlace();
        m_views->refreshCounts();
    });
    connect(m_actions, &TicketActionsController::changed, m_snooze, &SnoozeWaker::rearm);
    // The database was opened without its quick_check, for speed: it runs once the list is on screen.
    m_integrity = new IntegrityCheck(db, this);
    connect(m_integrity, &IntegrityCheck::finished, this, &MainWindow::showIntegrityProblem);
    connect(m_integrity, &IntegrityCheck::counted, this, [this](const StoreStats& s) {
        // A message of the seller's own doing (an import, a merge) is not overwritten by the totals.
        if (statusBar()->currentMessage().isEmpty())
            statusBar()->showMessage(tr("%1 tickets · %2 messages · %3")
                                         .arg(s.tickets)
                                         .arg(s.messages)
                                         .arg(m_model->database().path()));
    });
    m_integrity->startAfterPaintOf(m_list->view()->viewport());
    // The views' counts and the snooze timer's query read the store too: they wait for the list as well.
    AfterFirstPaint::run(m_list->view()->viewport(), m_views, [this] { m_views->refreshCounts(); });
    AfterFirstPaint::run(m_list->view()->viewport(), m_snooze, [this] { m_snooze->rearm(); });
    // The tone models take a moment to read: on a worker, so the first check in the composer has them.
    auto* preload = new WorkerJob(nullptr);
    preload->setParent(this);
    AfterFirstPaint::run(m_list->view()->viewport(), m_composer,
                         [preload] { preload->run([] { ToneChecker::preloadModels(); }); });

    resize(1450, 860);
    restoreState();
    m_views->selectView(TicketView::Inbox);
}

MainWindow::~MainWindow() = default;

AccountsDialog* MainWindow::accountsDialog() const
{
    return m_accounts;
}

TemplateManagerDialog* MainWindow::templateManager() const
{
    return m_templates;
}

ReportsView* MainWindow::reportsView() const
{
    return m_reports;
}

ReportsView* MainWindow::openReports()
{
    if (!m_reports) {
        // A window of its own beside the inbox (the seller looks at both), closed with it.
        m_reports = new ReportsView(m_db, m_clock, this);
        m_reports->setWindowFlag(Qt::Window);
        m_reports->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_reports, &ReportsView::ticketsChosen, this,
                [this](const QList<qint64>& ids, const QString& what) {
                    ViewSelection s;
                    s.kind = ViewSelection::Kind::Tickets;
                    s.ticketIds = ids;
                    m_conversation->clear();
                    m_list->showSelection(s);
                    statusBar()->showMessage(tr("Report: %n ticket(s) — %1", nullptr, int(ids.size())).arg(what));
                    raise();
                    activateWindow();
                });
    }
    m_reports->show();
    m_reports->raise();
    m_reports->activateWindow();
    return m_reports;
}

void MainWindow::restoreState()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    QMainWindow::restoreState(settings.value(QStringLiteral("state")).toByteArray());
    const QByteArray splitter = settings.value(QStringLiteral("splitter")).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    m_list->restoreHeaderState(settings.value(QStringLiteral("ticketListHeader")).toByteArray());
    m_list->restoreChosenSort(settings.value(QStringLiteral("ticketListSort")).toString());
}

void MainWindow::saveState() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), QMainWindow::saveState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("ticketListHeader"), m_list->saveHeaderState());
    settings.setValue(QStringLiteral("ticketListSort"), m_list->chosenSort());
}

void MainWindow::showHealthNotices()
{
    QStringList notices;
    if (const auto accounts = AccountStore(m_db).list())
        for (const Account& a : accounts.value())
            if (const auto key = keyExpiryOf(a, m_db.clock().now()))
                if (const QString notice = ConnectionHealthText::keyNotice(a, *key); !notice.isEmpty())
                    notices << notice;
    m_shell->statusBarController()->setHealthNotice(notices.join(QLatin1Char(' ')));
}

void MainWindow::refresh()
{
    m_model->reload();
    m_views->refreshCounts();
    m_snooze->rearm();
}

void MainWindow::showIntegrityProblem(const QString& problem)
{
    if (problem.isEmpty())
        return;
    auto* label = new QLabel(tr("⚠ The database may be damaged"), this);
    label->setObjectName(QStringLiteral("databaseWarning"));
    label->setStyleSheet(QStringLiteral("color:%1; font-weight:bold")
                             .arg(SemanticColors::color(SemanticColors::Role::Danger).name()));
    label->setToolTip(problem);
    statusBar()->addPermanentWidget(label);
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("The database may be damaged"),
                        tr("Casebook checked the database %1 and found damage: tickets, messages or "
                           "evidence in it may be missing or wrong.\n\nWhat to do: quit Casebook, keep "
                           "a copy of this file for support, and put back your latest backup of it. "
                           "Until then, do not import or sync more mail into it.")
                            .arg(m_model->database().path()),
                        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("integrityWarning"));
    box->setDetailedText(problem);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

namespace {
QStringList droppedMailFiles(const QMimeData* mime)
{
    QStringList files;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() && url.toLocalFile().endsWith(QStringLiteral(".eml"), Qt::CaseInsensitive))
            files << url.toLocalFile();
    return files;
}
} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!droppedMailFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QStringList files = droppedMailFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    m_import->importPaths(ImportController::Kind::Eml, files);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveState();
    event->accept();
}

} // namespace casebook::ui
