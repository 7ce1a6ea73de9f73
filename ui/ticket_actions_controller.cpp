#include "ticket_actions_controller.h"

#include "channel_badge.h"
#include "command_palette.h"
#include "connectors/coupang_connector.h"
#include "inbox/category_suggester.h"
#include "shortcut_help_dialog.h"
#include "snooze_dialog.h"
#include "store/ticket_queries.h"
#include "ticket_list_model.h"
#include "ticket_list_pane.h"
#include "undo_text.h"
#include "views_pane.h"
#include "worker_job.h"

#include <QAction>
#include <QInputDialog>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTreeView>

namespace casebook::ui {

TicketActionsController::TicketActionsController(Database& db, const Clock& clock,
                                                 std::shared_ptr<SecretStore> secrets, TicketListPane* list,
                                                 ViewsPane* views, QMainWindow* window)
    : QObject(window), m_db(db), m_clock(clock), m_secrets(std::move(secrets)), m_list(list), m_views(views),
      m_window(window), m_actions(db), m_goMenu(new QMenu(tr("&Go"), window)),
      m_ticketMenu(new QMenu(tr("&Ticket"), window)), m_confirming(new WorkerJob(nullptr, &db))
{
    m_goMenu->setObjectName(QStringLiteral("goMenu"));
    m_ticketMenu->setObjectName(QStringLiteral("ticketMenu"));
    buildMenus();
    connect(m_list, &TicketListPane::ticketSelected, this, &TicketActionsController::updateState);
    connect(m_ticketMenu, &QMenu::aboutToShow, this, &TicketActionsController::updateState);
    connect(m_ticketMenu, &QMenu::aboutToShow, this, &TicketActionsController::updateSuggestion);
    connect(m_categoryMenu, &QMenu::aboutToShow, this, &TicketActionsController::updateSuggestion);
    updateState();
}

TicketActionsController::~TicketActionsController()
{
    // The confirmation holds the database and the secrets: it ends (the job waits) before they go.
    delete m_confirming;
}

QAction* TicketActionsController::add(QMenu* menu, const QString& name, const QString& text,
                                      const QKeySequence& key, const std::function<void()>& run)
{
    // Owned by the window, so its shortcuts work wherever the focus is (text fields keep their own keys).
    auto* a = new QAction(text, m_window);
    a->setObjectName(name);
    if (!key.isEmpty())
        a->setShortcut(key);
    connect(a, &QAction::triggered, this, run);
    m_window->addAction(a);
    if (menu)
        menu->addAction(a);
    return a;
}

void TicketActionsController::buildMenus()
{
    QMenu* go = m_goMenu;
    add(go, QStringLiteral("actionNextTicket"), tr("Next ticket"), QKeySequence(Qt::Key_J),
        [this] { moveBy(1); });
    add(go, QStringLiteral("actionPreviousTicket"), tr("Previous ticket"), QKeySequence(Qt::Key_K),
        [this] { moveBy(-1); });
    // Enter is the list's own key (it emits activated), so it never takes Enter from a field or a button.
    add(go, QStringLiteral("actionOpenTicket"), tr("Open ticket") + QStringLiteral("\t") + tr("Enter"), {},
        [this] { openCurrent(); });
    go->addSeparator();
    add(go, QStringLiteral("actionCommandPalette"), tr("Command palette…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), [this] { showCommandPalette(); });
    add(go, QStringLiteral("actionShortcuts"), tr("Keyboard shortcuts"), QKeySequence(Qt::Key_Question),
        [this] { showShortcuts(); });

    QMenu* t = m_ticketMenu;
    auto status = [this](TicketStatus s, const QString& done) {
        onSelected(done, BulkChange{.status = s});
    };
    add(t, QStringLiteral("actionResolve"), tr("Resolve"), QKeySequence(Qt::Key_E),
        [status, this] { status(TicketStatus::Resolved, tr("Resolved")); });
    add(t, QStringLiteral("actionSnooze"), tr("Snooze…"), QKeySequence(Qt::Key_S),
        [this] { snoozeSelected(); });
    add(t, QStringLiteral("actionSpam"), tr("Mark as spam"), QKeySequence(Qt::Key_NumberSign),
        [status, this] { status(TicketStatus::Spam, tr("Marked as spam")); });
    QMenu* statusMenu = t->addMenu(tr("Set &status"));
    for (TicketStatus s : {TicketStatus::New, TicketStatus::Open, TicketStatus::Waiting,
                           TicketStatus::Resolved, TicketStatus::Spam})
        add(statusMenu, QStringLiteral("actionStatus_") + toString(s),
            tr("Status: %1").arg(statusDisplayName(s)), {},
            [status, s, this] { status(s, tr("Status set to %1").arg(statusDisplayName(s))); });
    QMenu* priorityMenu = t->addMenu(tr("Set &priority"));
    for (int p = 0; p <= TicketActions::kMaxPriority; ++p)
        add(priorityMenu, QStringLiteral("actionPriority_%1").arg(p),
            tr("Priority: %1").arg(UndoText::priorityName(p)), {}, [this, p] {
                onSelected(tr("Priority set to %1").arg(UndoText::priorityName(p)), BulkChange{.priority = p});
            });
    m_categoryMenu = t->addMenu(tr("Set &category"));
    m_suggested =
        add(m_categoryMenu, QStringLiteral("actionCategorySuggested"), tr("Suggested category"), {}, [] {});
    m_categoryMenu->addSeparator();
    for (const QString& name : allCategoryNames()) {
        const Category c = *categoryFromString(name);
        add(m_categoryMenu, QStringLiteral("actionCategory_") + name,
            tr("Category: %1").arg(categoryDisplayName(c)), {}, [this, c] {
                onSelected(tr("Category set to %1").arg(categoryDisplayName(c)), BulkChange{.category = c});
            });
    }
    t->addSeparator();
    add(t, QStringLiteral("actionAddOrder"), tr("Add order number…"), {}, [this] { addOrderNumber(); });
    add(t, QStringLiteral("actionEditSummary"), tr("Case summary…"), {}, [this] { editSummary(); });
    add(t, QStringLiteral("actionMerge"), tr("Merge selected tickets"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), [this] { mergeSelected(); });
    add(t, QStringLiteral("actionSplit"), tr("Split a message out…"), {}, [this] { splitMessage(); });
    add(t, QStringLiteral("actionConfirmTransfer"), tr("Confirm Coupang transfer"), {},
        [this] { confirmTransfer(); });
    t->addSeparator();
    m_abusive = add(t, QStringLiteral("actionFlagAbusive"), tr("Customer is abusive"), {}, [this] {
        const bool on = m_abusive->isChecked();
        onSelected(on ? tr("Customer flagged abusive") : tr("Abusive flag removed"),
                   BulkChange{.flag = CustomerFlag::Abusive, .flagOn = on});
    });
    m_abusive->setCheckable(true);
    m_vip = add(t, QStringLiteral("actionFlagVip"), tr("Customer is a VIP"), {}, [this] {
        const bool on = m_vip->isChecked();
        onSelected(on ? tr("Customer marked VIP") : tr("VIP mark removed"),
                   BulkChange{.flag = CustomerFlag::Vip, .flagOn = on});
    });
    m_vip->setCheckable(true);
    add(t, QStringLiteral("actionWake"), tr("Wake (end snooze)"), {}, [this] {
        onSelected(tr("Back in the Inbox"), BulkChange{.snooze = QDateTime()});
    });
    t->addSeparator();
    m_undo = add(t, QStringLiteral("actionUndo"), tr("Undo"), QKeySequence::Undo, [this] { undo(); });
}

void TicketActionsController::install()
{
    m_window->menuBar()->addMenu(m_goMenu);
    m_window->menuBar()->addMenu(m_ticketMenu);
    QTreeView* view = m_list->view();
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this,
            [this, view](const QPoint& pos) { m_ticketMenu->exec(view->viewport()->mapToGlobal(pos)); });
    connect(view, &QAbstractItemView::activated, this, &TicketActionsController::openCurrent);
}

QAction* TicketActionsController::action(const QString& objectName) const
{
    return m_window->findChild<QAction*>(objectName);
}

void TicketActionsController::updateState()
{
    const QModelIndex current = m_list->view()->currentIndex();
    const QStringList flags = current.data(TicketListModel::CustomerFlagsRole).toStringList();
    m_abusive->setChecked(flags.contains(QStringLiteral("abusive")));
    m_vip->setChecked(flags.contains(QStringLiteral("vip")));
    const auto undoable = m_actions.lastUndoable();
    m_undo->setText(undoable ? tr("Undo %1").arg(UndoText::of(*undoable)) : tr("Undo"));
    m_undo->setEnabled(undoable.has_value());
}

// The category the rules suggest, from what the customer first wrote; read when a menu opens.
void TicketActionsController::updateSuggestion()
{
    const qint64 id = m_list->currentTicketId();
    m_suggested->setVisible(false);
    if (!id)
        return;
    for (const MessageRecord& m : ticket_queries::messagesOfTicket(m_db.reader(), id)) {
        if (m.direction != Direction::In)
            continue;
        const CategorySuggestion s = CategorySuggester::builtin().suggest(m.subject, m.text);
        if (s.category == Category::Other)
            break;
        m_suggested->setText(tr("Suggested: %1 (%2)")
                                 .arg(categoryDisplayName(s.category), s.matched.join(QStringLiteral(", "))));
        disconnect(m_suggested, &QAction::triggered, nullptr, nullptr);
        connect(m_suggested, &QAction::triggered, this, [this, c = s.category] {
            onSelected(tr("Category set to %1").arg(categoryDisplayName(c)), BulkChange{.category = c});
        });
        m_suggested->setVisible(true);
        break;
    }
}

void TicketActionsController::moveBy(int rows)
{
    QTreeView* view = m_list->view();
    const int row = view->currentIndex().isValid() ? view->currentIndex().row() + rows : 0;
    m_list->selectRow(std::clamp(row, 0, std::max(0, view->model()->rowCount() - 1)));
}

void TicketActionsController::openCurrent()
{
    if (!m_list->currentTicketId())
        return;
    if (auto* conversation = m_window->findChild<QWidget*>(QStringLiteral("conversationPane")))
        conversation->setFocus(Qt::OtherFocusReason);
}

void TicketActionsController::onSelected(const QString& done, const BulkChange& change)
{
    const QList<qint64> ids = m_list->selectedTicketIds();
    if (ids.isEmpty())
        return fail(tr("Select a ticket first."));
    // One ticket is one action of its own kind (its undo says what it was); several are one step, all or none.
    const qint64 id = ids.first();
    Result<void> r = ids.size() > 1   ? m_actions.applyToAll(ids, change)
                     : change.status   ? m_actions.setStatus(id, *change.status)
                     : change.priority ? m_actions.setPriority(id, *change.priority)
                     : change.category ? m_actions.setCategory(id, *change.category)
                     : change.snooze   ? m_actions.snooze(id, *change.snooze)
                     : change.flag     ? m_actions.setCustomerFlag(id, *change.flag, change.flagOn)
                                       : m_actions.applyToAll(ids, change);
    if (!r) {
        finish({});
        return fail(r.error().message);
    }
    finish(ids.size() == 1 ? done : tr("%1 (%n tickets)", nullptr, static_cast<int>(ids.size())).arg(done));
}

void TicketActionsController::finish(const QString& message)
{
    m_list->reloadKeepingPlace();
    m_views->refreshCounts();
    updateState();
    if (!message.isEmpty())
        m_window->statusBar()->showMessage(message, 8000);
    Q_EMIT changed();
}

void TicketActionsController::fail(const QString& message)
{
    m_window->statusBar()->showMessage(message, 12000);
}

void TicketActionsController::snoozeSelected()
{
    if (m_list->selectedTicketIds().isEmpty())
        return fail(tr("Select a ticket first."));
    auto* dialog = new SnoozeDialog(m_clock, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QDateTime until = dialog->until();
        onSelected(tr("Snoozed until %1").arg(QLocale().toString(until.toLocalTime(), QLocale::ShortFormat)),
                   BulkChange{.snooze = until});
    });
    dialog->open();
}

void TicketActionsController::addOrderNumber()
{
    const qint64 id = m_list->currentTicketId();
    if (!id)
        return fail(tr("Select a ticket first."));
    auto* dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("orderNumberDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Add order number"));
    dialog->setLabelText(tr("Order number (Coupang, Naver, Amazon …):"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, id](const QString& order) {
        if (auto r = m_actions.addOrderNumber(id, order); !r)
            return fail(r.error().message);
        finish(tr("Order %1 added").arg(order.trimmed()));
    });
    dialog->open();
}

// The seller's own account of the case, which the case file prints on its cover.
void TicketActionsController::editSummary()
{
    const qint64 id = m_list->currentTicketId();
    if (!id)
        return fail(tr("Select a ticket first."));
    const QList<TicketSummary> tickets = ticket_queries::ticketsByIds(m_db.reader(), {id});
    if (tickets.isEmpty())
        return;
    auto* dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("summaryDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setOption(QInputDialog::UsePlainTextEditForTextInput);
    dialog->setWindowTitle(tr("Case summary for #%1").arg(tickets.first().number));
    dialog->setLabelText(tr("What happened, in your words (printed on the case file's cover):"));
    dialog->setTextValue(tickets.first().summary);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, id](const QString& text) {
        if (auto r = m_actions.setSummary(id, text); !r)
            return fail(r.error().message);
        finish(tr("Summary saved"));
    });
    dialog->open();
}

void TicketActionsController::mergeSelected()
{
    QList<qint64> ids = m_list->selectedTicketIds();
    if (ids.size() < 2)
        return fail(tr("Select two tickets to merge (Ctrl+click or Shift+click)."));
    // Into the oldest: its number is the one the customer has seen longest.
    const QList<TicketSummary> tickets = ticket_queries::ticketsByIds(m_db.reader(), ids);
    const auto oldest = std::min_element(tickets.begin(), tickets.end(),
                                         [](const auto& a, const auto& b) { return a.number < b.number; });
    QStringList merged;
    for (const TicketSummary& t : tickets) {
        if (t.id == oldest->id)
            continue;
        if (auto r = m_actions.merge(oldest->id, t.id); !r) {
            finish({});
            return fail(r.error().message);
        }
        merged << QStringLiteral("#%1").arg(t.number);
    }
    const int row = m_list->model()->rowOfTicket(oldest->id);
    finish(tr("Merged %1 into #%2 — %3 undoes it")
               .arg(merged.join(QStringLiteral(", ")))
               .arg(oldest->number)
               .arg(m_undo->shortcut().toString(QKeySequence::NativeText)));
    const int now = m_list->model()->rowOfTicket(oldest->id);
    m_list->selectRow(now >= 0 ? now : row);
}

void TicketActionsController::splitMessage()
{
    const qint64 id = m_list->currentTicketId();
    if (!id)
        return fail(tr("Select a ticket first."));
    const QList<MessageRecord> messages = ticket_queries::messagesOfTicket(m_db.reader(), id);
    if (messages.size() < 2)
        return fail(tr("This ticket has one message: there is nothing to split it from."));
    QStringList items;
    for (const MessageRecord& m : messages)
        items << QStringLiteral("%1 · %2 · %3")
                     .arg(QLocale().toString(m.date.toLocalTime(), QLocale::ShortFormat),
                          m.fromName.isEmpty() ? m.fromAddress : m.fromName, m.subject);
    auto* dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("splitDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Split a message out"));
    dialog->setLabelText(tr("Move this message into a new ticket:"));
    dialog->setComboBoxItems(items);
    dialog->setTextValue(items.last());
    connect(dialog, &QInputDialog::textValueSelected, this, [this, messages, items](const QString& chosen) {
        const qsizetype i = items.indexOf(chosen);
        if (i < 0)
            return;
        auto created = m_actions.split(messages[i].id);
        if (!created)
            return fail(created.error().message);
        const auto fresh = ticket_queries::ticketsByIds(m_db.reader(), {created.value()});
        finish(tr("Split into #%1").arg(fresh.isEmpty() ? 0 : fresh.first().number));
    });
    dialog->open();
}

void TicketActionsController::confirmTransfer()
{
    const qint64 id = m_list->currentTicketId();
    if (!id)
        return fail(tr("Select a ticket first."));
    if (m_confirming->busy())
        return fail(tr("A confirmation is already on its way to Coupang."));
    m_window->statusBar()->showMessage(tr("Confirming the transfer with Coupang…"));
    auto result = std::make_shared<Result<QString>>(makeError(QString()));
    // The network waits on the worker; the status bar, not a dialog, says it is under way.
    m_confirming->run([this, id, result] { *result = confirmCoupangTransfer(m_db, *m_secrets, id); },
                      [this, result] {
                          if (!*result)
                              return fail(result->error().message);
                          finish(tr("Coupang inquiry %1 confirmed").arg(result->value()));
                      });
}

void TicketActionsController::undo()
{
    auto undone = m_actions.undo();
    if (!undone)
        return fail(undone.error().message);
    finish(tr("Undone: %1").arg(UndoText::of(*undone)));
}

void TicketActionsController::showShortcuts()
{
    auto* dialog = new ShortcutHelpDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void TicketActionsController::showCommandPalette()
{
    auto* palette = new CommandPalette(m_window);
    palette->setAttribute(Qt::WA_DeleteOnClose);
    palette->open();
    palette->input()->setFocus();
}

} // namespace casebook::ui
