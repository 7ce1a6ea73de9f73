#include "ticket_list_pane.h"

#include "ticket_list_model.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace casebook::ui {

TicketListPane::TicketListPane(TicketListModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_view(new QTreeView(this)), m_search(new QLineEdit(this))
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
    connect(debounce, &QTimer::timeout, this, [this] {
        Q_EMIT searchProblem(m_model->setSearch(m_search->text()));
        selectRow(0);
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this, debounce] {
        debounce->stop();
        Q_EMIT searchProblem(m_model->setSearch(m_search->text()));
        selectRow(0);
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
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_view);
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
    m_view->setCurrentIndex(m_model->index(row, TicketListModel::SubjectColumn));
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
