#include "views_pane.h"

#include "channel_badge.h"
#include "store/saved_searches.h"

#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QVBoxLayout>

namespace casebook::ui {
namespace {

struct ViewEntry {
    TicketView view;
    const char* name;
};

// "All" stays fifth, where it always was, so the everyday views come first.
constexpr ViewEntry kViews[] = {
    {TicketView::Inbox, QT_TRANSLATE_NOOP("casebook::ui::ViewsPane", "Inbox")},
    {TicketView::DueSoon, QT_TRANSLATE_NOOP("casebook::ui::ViewsPane", "Due soon")},
    {TicketView::Overdue, QT_TRANSLATE_NOOP("casebook::ui::ViewsPane", "Overdue")},
    {TicketView::Waiting, QT_TRANSLATE_NOOP("casebook::ui::ViewsPane", "Waiting on customer")},
    {TicketView::All, QT_TRANSLATE_NOOP("casebook::ui::ViewsPane", "All")},
    {TicketView::Resolved, QT_TRANSLATE_NOOP("casebook::ui::ViewsPane", "Resolved")},
    {TicketView::Spam, QT_TRANSLATE_NOOP("casebook::ui::ViewsPane", "Spam")},
    {TicketView::Snoozed, QT_TRANSLATE_NOOP("casebook::ui::ViewsPane", "Snoozed")}};

constexpr int kKeyRole = Qt::UserRole; // "view:0", "quarantine", "channel:email", "category:3", "saved:12"
constexpr int kQueryRole = Qt::UserRole + 1; // a saved search's query
constexpr int kNameRole = Qt::UserRole + 2;  // a saved search's name

const QString kSaved = QStringLiteral("saved:");

} // namespace

ViewsPane::ViewsPane(Database& db, const Clock& clock, QWidget* parent)
    : QWidget(parent), m_db(db), m_clock(clock), m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("viewsPane"));
    m_list->setObjectName(QStringLiteral("viewsList"));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setIconSize(QSize(14, 14));
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideRight);
    auto* title = new QLabel(tr("Views"), this);
    title->setStyleSheet(QStringLiteral("font-weight: 600; padding: 6px 4px;"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(title);
    layout->addWidget(m_list);
    // The numbers come once the window has first painted (MainWindow asks): the list comes first.
    rebuild(false);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (!item || m_rebuilding)
            return;
        const ViewSelection s = currentSelection();
        if (s.kind == ViewSelection::Kind::View && !s.channel && !s.category)
            Q_EMIT viewChosen(s.view);
        Q_EMIT selectionChosen(s);
    });
    connect(m_list, &QWidget::customContextMenuRequested, this, &ViewsPane::showContextMenu);
}

void ViewsPane::rebuild(bool withCounts)
{
    m_rebuilding = true;
    const QString current =
        m_list->currentItem() ? m_list->currentItem()->data(kKeyRole).toString() : QString();
    const ViewCounts counts =
        withCounts ? ticket_queries::viewCounts(m_db.reader(), m_clock.now()) : ViewCounts{};
    auto withCount = [withCounts](const QString& name, int n) {
        return withCounts ? QStringLiteral("%1   %2").arg(name).arg(n) : name;
    };
    m_list->clear();
    auto add = [this](const QString& key, const QString& text) {
        auto* item = new QListWidgetItem(text, m_list);
        item->setData(kKeyRole, key);
        return item;
    };
    auto header = [this](const QString& text) {
        auto* item = new QListWidgetItem(text, m_list);
        item->setFlags(Qt::NoItemFlags);
        QFont f = item->font();
        f.setBold(true);
        item->setFont(f);
    };
    for (const ViewEntry& v : kViews)
        add(QStringLiteral("view:%1").arg(static_cast<int>(v.view)),
            withCount(tr(v.name), counts.views.value(v.view)));
    add(QStringLiteral("quarantine"), withCount(tr("Could not read"), counts.quarantined));
    if (!counts.channels.isEmpty()) {
        header(tr("Channels"));
        for (auto it = counts.channels.cbegin(); it != counts.channels.cend(); ++it)
            add(QStringLiteral("channel:") + it.key(), withCount(channelDisplayName(it.key()), it.value()))
                ->setIcon(channelIcon(it.key()));
    }
    header(tr("Categories"));
    for (const QString& name : allCategoryNames()) {
        const Category c = *categoryFromString(name);
        add(QStringLiteral("category:%1").arg(static_cast<int>(c)),
            withCount(categoryDisplayName(c), counts.categories.value(c)));
    }
    header(tr("Saved searches"));
    const QList<SavedSearch> saved = saved_searches::list(m_db.reader());
    if (saved.isEmpty()) {
        auto* hint = new QListWidgetItem(tr("Right-click to save a search"), m_list);
        hint->setFlags(Qt::NoItemFlags);
        QFont f = hint->font();
        f.setItalic(true);
        hint->setFont(f);
    }
    for (const SavedSearch& s : saved) {
        QListWidgetItem* item = add(kSaved + QString::number(s.id), s.name);
        item->setData(kQueryRole, s.query);
        item->setData(kNameRole, s.name);
        item->setToolTip(s.query);
    }
    for (int i = 0; i < m_list->count(); ++i)
        if (!current.isEmpty() && m_list->item(i)->data(kKeyRole).toString() == current)
            m_list->setCurrentRow(i);
    m_rebuilding = false;
}

void ViewsPane::refreshCounts()
{
    rebuild();
}

void ViewsPane::selectView(TicketView view)
{
    const QString key = QStringLiteral("view:%1").arg(static_cast<int>(view));
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(kKeyRole).toString() == key)
            m_list->setCurrentRow(i);
}

TicketView ViewsPane::currentView() const
{
    const ViewSelection s = currentSelection();
    return s.kind == ViewSelection::Kind::View ? s.view : TicketView::All;
}

ViewSelection ViewsPane::currentSelection() const
{
    ViewSelection s;
    const QListWidgetItem* item = m_list->currentItem();
    if (!item)
        return s;
    const QString key = item->data(kKeyRole).toString();
    const QString value = key.section(QLatin1Char(':'), 1);
    if (key.startsWith(QStringLiteral("view:"))) {
        s.view = static_cast<TicketView>(value.toInt());
    } else if (key == QLatin1String("quarantine")) {
        s.kind = ViewSelection::Kind::Quarantine;
    } else if (key.startsWith(QStringLiteral("channel:"))) {
        s.view = TicketView::All;
        s.channel = channelFromString(value);
    } else if (key.startsWith(QStringLiteral("category:"))) {
        s.view = TicketView::All;
        s.category = static_cast<Category>(value.toInt());
    } else if (key.startsWith(kSaved)) {
        s.kind = ViewSelection::Kind::SavedSearch;
        s.view = TicketView::All;
        s.query = item->data(kQueryRole).toString();
    }
    return s;
}

void ViewsPane::showContextMenu(const QPoint& pos)
{
    QListWidgetItem* item = m_list->itemAt(pos);
    const bool saved = item && item->data(kKeyRole).toString().startsWith(kSaved);
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("viewsContextMenu"));
    menu.addAction(tr("Save current search…"), this, &ViewsPane::addSavedSearch);
    if (saved) {
        menu.addAction(tr("Rename saved search…"), this, [this, item] { renameSavedSearch(item); });
        menu.addAction(tr("Delete saved search"), this, [this, item] { deleteSavedSearch(item); });
    }
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

void ViewsPane::addSavedSearch()
{
    bool ok = false;
    const QString query = QInputDialog::getText(this, tr("Save search"), tr("Search for:"), QLineEdit::Normal,
                                                m_currentSearch, &ok);
    if (!ok || query.trimmed().isEmpty())
        return;
    const QString name =
        QInputDialog::getText(this, tr("Save search"), tr("Name:"), QLineEdit::Normal, query.trimmed(), &ok);
    if (!ok)
        return;
    if (auto added = saved_searches::add(m_db, name, query); !added)
        return reportError(added.error().message);
    rebuild();
}

void ViewsPane::renameSavedSearch(QListWidgetItem* item)
{
    const qint64 id = item->data(kKeyRole).toString().mid(kSaved.size()).toLongLong();
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename saved search"), tr("Name:"),
                                               QLineEdit::Normal, item->data(kNameRole).toString(), &ok);
    if (!ok)
        return;
    if (auto renamed = saved_searches::rename(m_db, id, name); !renamed)
        return reportError(renamed.error().message);
    rebuild();
}

void ViewsPane::deleteSavedSearch(QListWidgetItem* item)
{
    const qint64 id = item->data(kKeyRole).toString().mid(kSaved.size()).toLongLong();
    const bool wasCurrent = item == m_list->currentItem();
    if (auto removed = saved_searches::remove(m_db, id); !removed)
        return reportError(removed.error().message);
    rebuild();
    if (wasCurrent)
        selectView(TicketView::Inbox);
}

void ViewsPane::reportError(const QString& message)
{
    QMessageBox::warning(this, tr("Saved searches"), message);
}

} // namespace casebook::ui
