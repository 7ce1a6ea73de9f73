#include "ticket_list_pane.h"

#include "quarantine_pane.h"
#include "ticket_list_model.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace casebook::ui {

TicketListPane::TicketListPane(TicketListModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_view(new QTreeView(this)), m_search(new QLineEdit(this)),
      m_quarantine(new QuarantinePane(model->database(), this)), m_stack(new QStackedWidget(this))
{
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setPlaceholderText(
        tr("Search (Ctrl+K): words, \"phrases\", from:, order:, after:2026-03-01 …"));
    m_search->setClearButtonEnabled(true);
    // Search as the seller types, once they pause.
    auto* debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &TicketListPane::runSearch);
    connect(m_search, &QLineEdit::returnPressed, this, [this, debounce] {
        debounce->stop();
        runSearch();
        m_view->setFocus();
    });
    setObjectName(QStringLiteral("ticketListPane"));
    m_view->setObjectName(QStringLiteral("ticketList"));
    m_view->setModel(model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAllColumnsShowFocus(true);
    m_view->setFrameShape(QFrame::NoFrame);
    QHeaderView* header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(TicketListModel::SubjectColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(40);
    header->resizeSection(TicketListModel::DueColumn, 105);
    header->resizeSection(TicketListModel::ChannelColumn, 92);
    header->resizeSection(TicketListModel::CustomerColumn, 120);
    header->resizeSection(TicketListModel::CategoryColumn, 92);
    header->resizeSection(TicketListModel::StatusColumn, 66);
    header->resizeSection(TicketListModel::ActivityColumn, 86);
    // Sorting is the model's, in SQL; until the seller picks a column the indicator shows the view's order.
    showViewOrder();
    header->setSortIndicatorShown(true);
    header->setSectionsClickable(true);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder order) {
        m_sortChosen = true;
        const qint64 current = currentTicketId();
        m_model->sort(column, order);
        const int row = m_model->rowOfTicket(current);
        selectRow(row >= 0 ? row : 0);
    });
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_quarantine);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_stack);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    Q_EMIT ticketSelected(current.data(TicketListModel::TicketIdRole).toLongLong());
            });
}

void TicketListPane::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    // Only this row, whatever modifier keys the application thinks are down (setCurrentIndex would read them,
    // and a stale Ctrl left one row selected beside the chosen one).
    m_view->selectionModel()->setCurrentIndex(m_model->index(row, TicketListModel::SubjectColumn),
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void TicketListPane::runSearch()
{
    m_stack->setCurrentWidget(m_view);
    Q_EMIT searchProblem(m_model->setSearch(m_search->text()));
    selectRow(0);
}

void TicketListPane::showSelection(const ViewSelection& selection)
{
    if (selection.kind == ViewSelection::Kind::Quarantine) {
        m_quarantine->reload();
        m_stack->setCurrentWidget(m_quarantine);
        return;
    }
    m_stack->setCurrentWidget(m_view);
    // A saved search fills the search box, so the seller sees (and can refine) what it asks.
    const QString query = selection.kind == ViewSelection::Kind::SavedSearch ? selection.query : QString();
    {
        const QSignalBlocker quiet(m_search);
        m_search->setText(query);
    }
    if (selection.kind == ViewSelection::Kind::Tickets)
        m_model->showTickets(selection.ticketIds);
    else
        m_model->show(selection.view, selection.channel, selection.category, query);
    showViewOrder();
    selectRow(0);
}

void TicketListPane::showViewOrder()
{
    if (m_sortChosen)
        return;
    const bool byDue = m_model->view() == TicketView::Inbox || m_model->view() == TicketView::DueSoon ||
                       m_model->view() == TicketView::Overdue;
    const QSignalBlocker quiet(m_view->header());
    m_view->header()->setSortIndicator(byDue ? TicketListModel::DueColumn : TicketListModel::ActivityColumn,
                                       byDue ? Qt::AscendingOrder : Qt::DescendingOrder);
    m_view->header()->viewport()->update();
}

QString TicketListPane::chosenSort() const
{
    if (!m_sortChosen)
        return {};
    const QHeaderView* header = m_view->header();
    return QStringLiteral("%1,%2")
        .arg(header->sortIndicatorSection())
        .arg(header->sortIndicatorOrder() == Qt::AscendingOrder ? QStringLiteral("asc") : QStringLiteral("desc"));
}

void TicketListPane::restoreChosenSort(const QString& sort)
{
    bool ok = false;
    const int column = sort.section(QLatin1Char(','), 0, 0).toInt(&ok);
    const QString order = sort.section(QLatin1Char(','), 1);
    if (!ok || column < 0 || column >= TicketListModel::ColumnCount ||
        (order != QLatin1String("asc") && order != QLatin1String("desc"))) {
        m_sortChosen = false;
        showViewOrder();
        return;
    }
    QHeaderView* header = m_view->header();
    const Qt::SortOrder want = order == QLatin1String("asc") ? Qt::AscendingOrder : Qt::DescendingOrder;
    // The header's saved state may already show this indicator: sort the model either way.
    {
        const QSignalBlocker quiet(header);
        header->setSortIndicator(column, want);
    }
    m_sortChosen = true;
    m_model->sort(column, want);
    selectRow(0);
}

QList<qint64> TicketListPane::selectedTicketIds() const
{
    QList<qint64> ids;
    const qint64 current = currentTicketId();
    if (current)
        ids << current;
    for (const QModelIndex& row : m_view->selectionModel()->selectedRows()) {
        const qint64 id = row.data(TicketListModel::TicketIdRole).toLongLong();
        if (!ids.contains(id))
            ids << id;
    }
    return ids;
}

qint64 TicketListPane::currentTicketId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(TicketListModel::TicketIdRole).toLongLong() : 0;
}

void TicketListPane::reloadKeepingPlace()
{
    const qint64 current = currentTicketId();
    const int oldRow = m_view->currentIndex().row();
    m_model->reload();
    const int row = m_model->rowOfTicket(current);
    selectRow(row >= 0 ? row : std::min(std::max(oldRow, 0), m_model->rowCount() - 1));
}

void TicketListPane::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

QByteArray TicketListPane::saveHeaderState() const
{
    return m_view->header()->saveState();
}

void TicketListPane::restoreHeaderState(const QByteArray& state)
{
    if (!state.isEmpty())
        m_view->header()->restoreState(state);
}

} // namespace casebook::ui
