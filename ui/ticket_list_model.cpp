#include "ticket_list_model.h"

#include "channel_badge.h"
#include "model/enums.h"
#include "store/message_search.h"
#include "store/takeover_queries.h"

#include <QFont>
#include <QGuiApplication>
#include <QIcon>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QLocale>
#include <algorithm>

namespace casebook::ui {
namespace {

// The marketplace a ticket came through, if any: it sets the answer clock, so its badge is the one shown.
QString primaryChannel(const QStringList& channels)
{
    for (const QString& c : channels)
        if (channelFromString(c) != Channel::Email)
            return c;
    return channels.value(0);
}

// A search finds tickets newest match first, in every view, spam included. Sorted by a column, its tickets
// (usually a few hundred) are ordered here by the keys the views sort by in SQL: tickets owing no answer last
// by due time, names without regard to case, ties by id.
int compareBy(TicketSort sort, const TicketSummary& a, const TicketSummary& b)
{
    const auto byTime = [](const QDateTime& x, const QDateTime& y) { return x < y ? -1 : y < x ? 1 : 0; };
    switch (sort) {
    case TicketSort::Default:
        return 0;
    case TicketSort::Due:
        return byTime(a.dueAt, b.dueAt);
    case TicketSort::Channel: {
        const auto first = [](const QStringList& c) {
            return c.isEmpty() ? QString() : *std::min_element(c.begin(), c.end());
        };
        return first(a.channels).compare(first(b.channels));
    }
    case TicketSort::Customer:
        return a.customerName.compare(b.customerName, Qt::CaseInsensitive);
    case TicketSort::Subject:
        return a.subject.compare(b.subject, Qt::CaseInsensitive);
    case TicketSort::Category:
        return toString(a.category).compare(toString(b.category));
    case TicketSort::Status:
        return static_cast<int>(a.status) - static_cast<int>(b.status);
    case TicketSort::Activity:
        return byTime(a.lastActivityAt, b.lastActivityAt);
    case TicketSort::Number:
        return a.number - b.number;
    }
    return 0;
}

// Unread shows as a dot before the subject as well as in bold: in Korean the bold face of the fallback font
// does not always reach the row (Hangul drew in the regular weight beside bold Latin), and a dot reads the same
// in every script.
QIcon unreadDot()
{
    QPixmap dot(16, 16);
    dot.fill(Qt::transparent);
    QPainter p(&dot);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QGuiApplication::palette().color(QPalette::Highlight));
    p.drawEllipse(QRectF(4, 4, 8, 8));
    return QIcon(dot);
}

bool showsUnread(const TicketSummary& t)
{
    return t.unreadCount > 0 && (t.status == TicketStatus::New || t.status == TicketStatus::Open);
}

QList<qint64> inSortedOrder(SQLite::Database& db, const QList<qint64>& found, TicketSort sort, bool ascending)
{
    QList<TicketSummary> tickets = ticket_queries::ticketsByIds(db, found);
    std::sort(tickets.begin(), tickets.end(), [&](const TicketSummary& a, const TicketSummary& b) {
        if (sort == TicketSort::Due && a.dueAt.isValid() != b.dueAt.isValid())
            return a.dueAt.isValid();
        int c = compareBy(sort, a, b);
        if (c == 0)
            c = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
        return ascending ? c < 0 : c > 0;
    });
    QList<qint64> ids;
    ids.reserve(tickets.size());
    for (const TicketSummary& t : tickets)
        ids << t.id;
    return ids;
}

} // namespace

TicketListModel::TicketListModel(Database& db, const Clock& clock, QObject* parent)
    : QAbstractTableModel(parent), m_db(db), m_clock(clock)
{
}

void TicketListModel::setView(TicketView view)
{
    m_fixed.reset();
    m_filter.view = view;
    m_filter.channel.reset();
    m_filter.category.reset();
    reload();
}

void TicketListModel::show(TicketView view, std::optional<Channel> channel, std::optional<Category> category,
                           const QString& query)
{
    m_fixed.reset();
    m_filter.view = view;
    m_filter.channel = channel;
    m_filter.category = category;
    m_search = query;
    reload();
}

void TicketListModel::showTickets(const QList<qint64>& ids)
{
    m_fixed = ids;
    m_search.clear();
    reload();
}

void TicketListModel::sort(int column, Qt::SortOrder order)
{
    static constexpr TicketSort kByColumn[ColumnCount] = {
        TicketSort::Due,      TicketSort::Channel, TicketSort::Customer, TicketSort::Subject,
        TicketSort::Category, TicketSort::Status,  TicketSort::Activity};
    m_filter.sort = column >= 0 && column < ColumnCount ? kByColumn[column] : TicketSort::Default;
    m_filter.ascending = order == Qt::AscendingOrder;
    reload();
}

void TicketListModel::reload()
{
    beginResetModel();
    TicketFilter filter = m_filter;
    filter.now = m_clock.now();
    m_searchError.clear();
    if (m_fixed && m_search.trimmed().isEmpty()) {
        m_ids = filter.sort == TicketSort::Default
                    ? *m_fixed
                    : inSortedOrder(m_db.reader(), *m_fixed, filter.sort, filter.ascending);
    } else if (m_search.trimmed().isEmpty()) {
        m_ids = ticket_queries::ticketIds(m_db.reader(), filter);
    } else if (auto found = MessageSearch(m_db.reader()).ticketIds(m_search); found) {
        m_ids = filter.sort == TicketSort::Default
                    ? found.value()
                    : inSortedOrder(m_db.reader(), found.value(), filter.sort, filter.ascending);
    } else {
        m_ids.clear();
        m_searchError = found.error().message;
    }
    m_blocks.clear();
    m_takeover.clear();
    endResetModel();
}

QString TicketListModel::setSearch(const QString& query)
{
    if (!query.trimmed().isEmpty())
        m_fixed.reset(); // a search looks across every ticket, as it does from a view
    m_search = query;
    reload();
    return m_searchError;
}

int TicketListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_ids.size());
}

int TicketListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::optional<Channel> TicketListModel::takeoverOf(qint64 ticketId) const
{
    const auto it = m_takeover.constFind(ticketId);
    return it == m_takeover.constEnd() ? std::nullopt : std::optional(it.value());
}

const TicketSummary* TicketListModel::summaryAt(int row) const
{
    if (row < 0 || row >= m_ids.size())
        return nullptr;
    const int block = row / kBlock;
    auto it = m_blocks.find(block);
    if (it == m_blocks.end()) {
        const QList<qint64> ids = m_ids.mid(block * kBlock, kBlock);
        QList<TicketSummary> loaded = ticket_queries::ticketsByIds(m_db.reader(), ids);
        // A ticket deleted since the ids were read leaves a gap; keep rows aligned with ids.
        QList<TicketSummary> aligned;
        aligned.reserve(ids.size());
        qsizetype j = 0;
        for (qint64 id : ids) {
            if (j < loaded.size() && loaded[j].id == id)
                aligned << loaded[j++];
            else
                aligned << TicketSummary{.id = id};
        }
        it = m_blocks.insert(block, aligned);
        m_takeover.insert(takeover_queries::ofTickets(m_db.reader(), ids));
    }
    return &it.value()[row % kBlock];
}

QVariant TicketListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    const TicketSummary* t = summaryAt(index.row());
    if (!t)
        return {};
    switch (role) {
    case TicketIdRole:
        return t->id;
    case TicketNumberRole:
        return t->number;
    case StatusRole:
        return toString(t->status);
    case DueAtRole:
        return t->dueAt;
    case ChannelsRole:
        return t->channels;
    case UnreadRole:
        return t->unreadCount;
    case CustomerFlagsRole: {
        QStringList flags;
        if (t->customerAbusive)
            flags << QStringLiteral("abusive");
        if (t->customerVip)
            flags << QStringLiteral("vip");
        return flags;
    }
    case Qt::FontRole:
        if (showsUnread(*t)) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == CustomerColumn && t->customerAbusive)
            return QColor(0xc0, 0x39, 0x2b);
        if (index.column() == CustomerColumn && t->customerVip)
            return QColor(0xb7, 0x79, 0x1f);
        if (index.column() == DueColumn) {
            const QColor c = dueText(t->dueAt, m_clock.now(), takeoverOf(t->id)).color;
            return c.isValid() ? QVariant(c) : QVariant();
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == ChannelColumn && !t->channels.isEmpty())
            return channelIcon(primaryChannel(t->channels));
        if (index.column() == SubjectColumn && showsUnread(*t)) {
            static const QIcon dot = unreadDot();
            return dot;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ChannelColumn) {
            QStringList names;
            for (const QString& c : t->channels)
                names << channelDisplayName(c);
            return names.join(QStringLiteral(", "));
        }
        if (index.column() == SubjectColumn) {
            const QString unread = showsUnread(*t) ? tr("%n unread message(s)", nullptr, t->unreadCount) +
                                                         QStringLiteral("\n\n")
                                                   : QString();
            return unread + (t->summary.isEmpty() ? t->subject : t->subject + QStringLiteral("\n\n") + t->summary);
        }
        if (index.column() == ActivityColumn)
            return QLocale().toString(t->lastActivityAt.toLocalTime(), QLocale::LongFormat);
        if (index.column() == CustomerColumn && (t->customerAbusive || t->customerVip))
            return t->customerAbusive ? tr("Flagged abusive: answer with care, keep records")
                                      : tr("VIP customer");
        if (index.column() == DueColumn && t->snoozedUntil.isValid())
            return tr("Snoozed until %1")
                .arg(QLocale().toString(t->snoozedUntil.toLocalTime(), QLocale::ShortFormat));
        if (index.column() == DueColumn) {
            // The column says it briefly ("Coupang in 3h"); the whole sentence is here.
            const DueText due = dueText(t->dueAt, m_clock.now(), takeoverOf(t->id));
            return due.brief != due.text ? QVariant(due.text) : QVariant();
        }
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case DueColumn:
        return dueText(t->dueAt, m_clock.now(), takeoverOf(t->id)).brief;
    case ChannelColumn: {
        // The channel whose badge is shown, and how many more the ticket came through ("Coupang +1"): the
        // names of all of them would not fit the column; the tooltip lists them.
        if (t->channels.isEmpty())
            return QString();
        const QString name = channelDisplayName(primaryChannel(t->channels));
        return t->channels.size() == 1 ? name : QStringLiteral("%1 +%2").arg(name).arg(t->channels.size() - 1);
    }
    case CustomerColumn:
        // The flag goes before the name so it is seen even when the column is narrow.
        if (t->customerAbusive)
            return QStringLiteral("⚠ ") + t->customerName;
        if (t->customerVip)
            return QStringLiteral("★ ") + t->customerName;
        return t->customerName;
    case SubjectColumn: {
        const QString mark = t->priority >= 2   ? QStringLiteral("‼ ")
                             : t->priority == 1 ? QStringLiteral("! ")
                                                : QString();
        return QStringLiteral("#%1  %2%3").arg(t->number).arg(mark, t->subject);
    }
    case CategoryColumn:
        return categoryDisplayName(t->category);
    case StatusColumn:
        return statusDisplayName(t->status);
    case ActivityColumn: {
        // Like a mail client: the time for today, the date before that.
        const QDateTime local = t->lastActivityAt.toLocalTime();
        const QDate today = m_clock.now().toLocalTime().date();
        if (local.date() == today)
            return QLocale().toString(local.time(), QStringLiteral("HH:mm"));
        if (local.date().year() == today.year())
            // A month and day in the language's own order and words ("Dec 6", "12월 6일").
            return QLocale().toString(local.date(), tr("MMM d", "date format for a day of this year"));
        return QLocale().toString(local.date(), QLocale::ShortFormat);
    }
    }
    return {};
}

QVariant TicketListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DueColumn:
        return tr("Due");
    case ChannelColumn:
        return tr("Channel");
    case CustomerColumn:
        return tr("Customer");
    case SubjectColumn:
        return tr("Subject");
    case CategoryColumn:
        return tr("Category");
    case StatusColumn:
        return tr("Status");
    case ActivityColumn:
        return tr("Last activity");
    }
    return {};
}

} // namespace casebook::ui
