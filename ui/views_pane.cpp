#include "views_pane.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace casebook::ui {
namespace {

struct ViewEntry {
    TicketView view;
    const char* name;
};

constexpr ViewEntry kViews[] = {
    {TicketView::Inbox, QT_TRANSLATE_NOOP("casebook::ui::ViewsPane", "Inbox")},
    {TicketView::DueSoon, QT_TRANSLATE_NOOP("casebook::ui::ViewsPane", "Due soon")},
    {TicketView::Waiting, QT_TRANSLATE_NOOP("casebook::ui::ViewsPane", "Waiting")},
    {TicketView::Resolved, QT_TRANSLATE_NOOP("casebook::ui::ViewsPane", "Resolved")},
    {TicketView::All, QT_TRANSLATE_NOOP("casebook::ui::ViewsPane", "All")}};

} // namespace

ViewsPane::ViewsPane(Database& db, const Clock& clock, QWidget* parent)
    : QWidget(parent), m_db(db), m_clock(clock), m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("viewsPane"));
    m_list->setObjectName(QStringLiteral("viewsList"));
    m_list->setFrameShape(QFrame::NoFrame);
    auto* title = new QLabel(tr("Views"), this);
    title->setStyleSheet(QStringLiteral("font-weight: 600; padding: 6px 4px;"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(title);
    layout->addWidget(m_list);
    for (const ViewEntry& v : kViews) {
        auto* item = new QListWidgetItem(m_list);
        item->setData(Qt::UserRole, static_cast<int>(v.view));
    }
    refreshCounts();
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            Q_EMIT viewChosen(kViews[row].view);
    });
}

void ViewsPane::refreshCounts()
{
    for (int i = 0; i < m_list->count(); ++i) {
        TicketFilter f;
        f.view = kViews[i].view;
        f.now = m_clock.now();
        const int n = ticket_queries::countInView(m_db.reader(), f);
        m_list->item(i)->setText(QStringLiteral("%1   %2").arg(tr(kViews[i].name)).arg(n));
    }
}

void ViewsPane::selectView(TicketView view)
{
    for (int i = 0; i < m_list->count(); ++i)
        if (kViews[i].view == view)
            m_list->setCurrentRow(i);
}

TicketView ViewsPane::currentView() const
{
    const int row = m_list->currentRow();
    return row >= 0 ? kViews[row].view : TicketView::Inbox;
}

} // namespace casebook::ui
