#include "ticket_list_pane.h"

#include "channel_badge.h"
#include "quarantine_pane.h"
#include "ticket_list_model.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QStyle>
#include <QStyleOptionViewItem>
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
    // Enter searches now and leaves the keyboard in the box: the seller may still be typing ("from:priya"),
    // and in the list every letter is a command (r replies, e resolves). Down or Tab goes to the results.
    connect(m_search, &QLineEdit::returnPressed, this, [this, debounce] {
        debounce->stop();
        runSearch();
    });
    m_search->installEventFilter(this);
    m_search->setToolTip(tr("Enter searches; Down goes to the results"));
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
    // The short columns grow to what they hold (every reload), so "Coupang" or "overdue 1d 2h" is never cut;
    // a column the seller sized by hand keeps its width.
    connect(model, &QAbstractItemModel::modelReset, this, &TicketListPane::fitColumns);
    connect(header, &QHeaderView::sectionResized, this, [this](int column) {
        if (!m_fitting)
            m_sizedByHand.insert(column);
    });
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

bool TicketListPane::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Down && m_stack->currentWidget() == m_view) {
        m_view->setFocus(Qt::ShortcutFocusReason);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void TicketListPane::fitColumns()
{
    QHeaderView* header = m_view->header();
    QStyleOptionViewItem option;
    option.initFrom(m_view);
    option.widget = m_view;
    option.font = m_view->font();
    const int icon = m_view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_view);
    option.decorationSize = QSize(icon, icon);
    option.features = QStyleOptionViewItem::HasDisplay;
    QFont bold = m_view->font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    // Room for the text beside the item's margins (both sides).
    const int margin = 2 * (m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1) + 2;
    // The rows of the first blocks (the ones on screen first), and for the columns with a fixed set of words
    // each word in bold (an unread row), so the width does not change from one view to the next.
    const int rows = std::min(m_model->rowCount(), 400);
    for (int column : {int(TicketListModel::DueColumn), int(TicketListModel::ChannelColumn),
                       int(TicketListModel::CategoryColumn), int(TicketListModel::StatusColumn),
                       int(TicketListModel::ActivityColumn)}) {
        if (m_sizedByHand.contains(column))
            continue;
        // The title, with room for the sort arrow beside it.
        int need = header->fontMetrics().horizontalAdvance(
                       m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString()) +
                   margin + 8;
        for (int row = 0; row < rows; ++row) {
            const QModelIndex index = m_model->index(row, column);
            need = std::max(need, m_view->itemDelegate()->sizeHint(option, index).width() + 2);
            // The same text in bold: a row turns bold when a message arrives.
            const int iconRoom = index.data(Qt::DecorationRole).isNull() ? 0 : icon + 4;
            need = std::max(need, boldMetrics.horizontalAdvance(index.data().toString()) + iconRoom + margin);
        }
        QStringList words;
        if (column == TicketListModel::CategoryColumn)
            for (const QString& name : allCategoryNames())
                words << categoryDisplayName(*categoryFromString(name));
        if (column == TicketListModel::StatusColumn)
            for (TicketStatus status : {TicketStatus::New, TicketStatus::Open, TicketStatus::Waiting,
                                        TicketStatus::Resolved, TicketStatus::Spam})
                words << statusDisplayName(status);
        for (const QString& word : words)
            need = std::max(need, boldMetrics.horizontalAdvance(word) + margin);
        if (header->sectionSize(column) < need) {
            m_fitting = true;
            header->resizeSection(column, need);
            m_fitting = false;
        }
    }
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
    if (state.isEmpty())
        return;
    // The widths of the last session are where the fitting starts, not widths the seller just chose.
    m_fitting = true;
    m_view->header()->restoreState(state);
    m_fitting = false;
    fitColumns();
}

} // namespace casebook::ui
