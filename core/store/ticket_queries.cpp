#include "store/ticket_queries.h"

#include "store/sql_util.h"

#include <SQLiteCpp/Statement.h>

namespace casebook::ticket_queries {

using sql::bindText;
using sql::bindTime;
using sql::textOf;
using sql::timeOf;

namespace {

// Columns of a ticket row, in the order readSummary expects.
constexpr const char* kSummaryColumns =
    "t.id, t.number, t.subject, t.status, t.priority, t.category, COALESCE(c.display_name, ''), t.created_at, "
    "t.due_at, t.last_activity_at, t.unread_count, t.summary, "
    "(SELECT group_concat(channel) FROM (SELECT DISTINCT channel FROM messages WHERE ticket_id = t.id)), "
    "(SELECT group_concat(order_number) FROM ticket_orders WHERE ticket_id = t.id), "
    "(SELECT COUNT(*) FROM messages WHERE ticket_id = t.id), "
    "COALESCE(c.abusive, 0), COALESCE(c.vip, 0), t.snoozed_until ";

TicketSummary readSummary(SQLite::Statement& st)
{
    TicketSummary t;
    t.id = st.getColumn(0).getInt64();
    t.number = st.getColumn(1).getInt();
    t.subject = textOf(st.getColumn(2));
    t.status = ticketStatusFromString(textOf(st.getColumn(3))).value_or(TicketStatus::Open);
    t.priority = st.getColumn(4).getInt();
    t.category = categoryFromString(textOf(st.getColumn(5))).value_or(Category::Other);
    t.customerName = textOf(st.getColumn(6));
    t.createdAt = timeOf(st.getColumn(7));
    t.dueAt = timeOf(st.getColumn(8));
    t.lastActivityAt = timeOf(st.getColumn(9));
    t.unreadCount = st.getColumn(10).getInt();
    t.summary = textOf(st.getColumn(11));
    const QString channels = textOf(st.getColumn(12));
    t.channels = channels.isEmpty() ? QStringList{} : channels.split(QLatin1Char(','));
    t.channels.sort();
    const QString orders = textOf(st.getColumn(13));
    t.orderNumbers = orders.isEmpty() ? QStringList{} : orders.split(QLatin1Char(','));
    t.messageCount = st.getColumn(14).getInt();
    t.customerAbusive = st.getColumn(15).getInt() != 0;
    t.customerVip = st.getColumn(16).getInt() != 0;
    t.snoozedUntil = timeOf(st.getColumn(17));
    return t;
}

// Merged tickets are hidden everywhere: their messages live in the ticket they joined.
QString whereFor(const TicketFilter& f)
{
    static const QString kAwake = QStringLiteral("(t.snoozed_until IS NULL OR t.snoozed_until <= :now)");
    static const QString kActive = QStringLiteral("t.status IN ('new','open') AND ") + kAwake;
    QString w = QStringLiteral("t.merged_into IS NULL AND ");
    switch (f.view) {
    case TicketView::Inbox:
        w += kActive;
        break;
    case TicketView::DueSoon:
        w += kActive + QStringLiteral(" AND t.due_at > :now AND t.due_at <= :due_limit");
        break;
    case TicketView::Overdue:
        w += kActive + QStringLiteral(" AND t.due_at <= :now");
        break;
    case TicketView::Waiting:
        w += QStringLiteral("t.status = 'waiting'");
        break;
    case TicketView::Resolved:
        w += QStringLiteral("t.status = 'resolved'");
        break;
    case TicketView::Spam:
        w += QStringLiteral("t.status = 'spam'");
        break;
    case TicketView::Snoozed:
        // The statuses named (not "NOT IN ('resolved','spam')") so the count walks tickets_live by status.
        w += QStringLiteral("t.snoozed_until > :now AND t.status IN ('new','open','waiting')");
        break;
    case TicketView::All:
        w += f.statuses.isEmpty() ? QStringLiteral("t.status <> 'spam'") : QStringLiteral("1");
        break;
    }
    if (!f.statuses.isEmpty()) {
        QStringList names; // the enum's own names: nothing the user typed reaches the SQL text
        for (TicketStatus s : f.statuses)
            names << QLatin1Char('\'') + toString(s) + QLatin1Char('\'');
        w += QStringLiteral(" AND t.status IN (") + names.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    if (f.dueBefore.isValid())
        w += QStringLiteral(" AND t.due_at < :due_before");
    if (f.channel)
        w += QStringLiteral(" AND EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id AND m.channel = :channel)");
    if (f.category)
        w += QStringLiteral(" AND t.category = :category");
    return w;
}

void bindFilter(SQLite::Statement& st, const TicketFilter& f)
{
    const QDateTime now = f.now.isValid() ? f.now : QDateTime::currentDateTimeUtc();
    // Each view names only some parameters; an index of 0 means this statement has none by that name.
    if (const int i = st.getIndex(":now"))
        bindTime(st, i, now);
    if (const int i = st.getIndex(":due_limit"))
        bindTime(st, i, now.addSecs(f.dueSoonSecs));
    if (const int i = st.getIndex(":due_before"))
        bindTime(st, i, f.dueBefore);
    if (const int i = st.getIndex(":channel"); i && f.channel)
        bindText(st, i, toString(*f.channel));
    if (const int i = st.getIndex(":category"); i && f.category)
        bindText(st, i, toString(*f.category));
}

// Sorting happens in SQL so the list keeps loading ids first and details lazily.
QString orderFor(const TicketFilter& f)
{
    const QString dir = f.ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    QString key;
    switch (f.sort) {
    case TicketSort::Default:
        // The Inbox opens on what is due first: overdue, then the soonest, tickets owing no answer last.
        // It holds new and open tickets only, so SQLite finds them on tickets_live by status and sorts that
        // set (a temporary b-tree), never the whole table (query_plans_test holds this order to that plan).
        if (f.view == TicketView::Inbox)
            return QStringLiteral(" ORDER BY t.due_at IS NULL, t.due_at, t.id");
        return f.view == TicketView::DueSoon || f.view == TicketView::Overdue
                   ? QStringLiteral(" ORDER BY t.due_at ASC, t.id")
                   : QStringLiteral(" ORDER BY t.last_activity_at DESC, t.id DESC");
    case TicketSort::Due:
        // Tickets that owe no answer go last either way.
        return QStringLiteral(" ORDER BY t.due_at IS NULL, t.due_at") + dir + QStringLiteral(", t.id") + dir;
    case TicketSort::Channel:
        key = QStringLiteral("(SELECT MIN(channel) FROM messages WHERE ticket_id = t.id)");
        break;
    case TicketSort::Customer:
        key = QStringLiteral("COALESCE(c.display_name, '') COLLATE NOCASE");
        break;
    case TicketSort::Subject:
        key = QStringLiteral("t.subject COLLATE NOCASE");
        break;
    case TicketSort::Category:
        key = QStringLiteral("t.category");
        break;
    case TicketSort::Status:
        key = QStringLiteral("CASE t.status WHEN 'new' THEN 0 WHEN 'open' THEN 1 WHEN 'waiting' THEN 2 "
                             "WHEN 'resolved' THEN 3 ELSE 4 END");
        break;
    case TicketSort::Activity:
        key = QStringLiteral("t.last_activity_at");
        break;
    case TicketSort::Number:
        key = QStringLiteral("t.number");
        break;
    }
    return QStringLiteral(" ORDER BY ") + key + dir + QStringLiteral(", t.id") + dir;
}

QString limitFor(const TicketFilter& f)
{
    return QStringLiteral(" LIMIT %1 OFFSET %2").arg(f.limit).arg(f.offset);
}

} // namespace

StoreStats stats(SQLite::Database& db)
{
    StoreStats s;
    s.messages = db.execAndGet("SELECT COUNT(*) FROM messages WHERE quarantine_reason IS NULL").getInt64();
    s.tickets = db.execAndGet("SELECT COUNT(*) FROM tickets").getInt64();
    s.customers = db.execAndGet("SELECT COUNT(*) FROM customers").getInt64();
    s.quarantined = db.execAndGet("SELECT COUNT(*) FROM messages WHERE quarantine_reason IS NOT NULL").getInt64();
    return s;
}

QList<qint64> ticketIds(SQLite::Database& db, const TicketFilter& filter)
{
    const QString q = QStringLiteral("SELECT t.id FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id WHERE ") +
                      whereFor(filter) + orderFor(filter) + limitFor(filter);
    SQLite::Statement st(db, q.toStdString());
    bindFilter(st, filter);
    QList<qint64> ids;
    while (st.executeStep())
        ids << st.getColumn(0).getInt64();
    return ids;
}

QList<TicketSummary> tickets(SQLite::Database& db, const TicketFilter& filter)
{
    const QString q = QStringLiteral("SELECT ") + QLatin1String(kSummaryColumns) +
                      QStringLiteral("FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id WHERE ") +
                      whereFor(filter) + orderFor(filter) + limitFor(filter);
    SQLite::Statement st(db, q.toStdString());
    bindFilter(st, filter);
    QList<TicketSummary> out;
    while (st.executeStep())
        out << readSummary(st);
    return out;
}

QList<TicketSummary> ticketsByIds(SQLite::Database& db, const QList<qint64>& ids)
{
    QList<TicketSummary> out;
    SQLite::Statement st(db, std::string("SELECT ") + kSummaryColumns +
                                 "FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id WHERE t.id = ?");
    for (qint64 id : ids) {
        st.reset();
        st.bind(1, static_cast<int64_t>(id));
        if (st.executeStep())
            out << readSummary(st);
    }
    return out;
}

std::optional<TicketSummary> ticketByNumber(SQLite::Database& db, int number)
{
    SQLite::Statement st(db, std::string("SELECT ") + kSummaryColumns +
                                 "FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id WHERE t.number = ?");
    st.bind(1, number);
    if (st.executeStep())
        return readSummary(st);
    return std::nullopt;
}

int countInView(SQLite::Database& db, const TicketFilter& filter)
{
    // Every view names only columns of tickets_live, which holds the live tickets only: counting off it reads
    // the index, never the table. With statistics (an ANALYZE) SQLite would rather scan the table when most
    // tickets match, which reads every ticket's row; INDEXED BY keeps the count on the index either way.
    const QString q = QStringLiteral("SELECT COUNT(*) FROM tickets t INDEXED BY tickets_live WHERE ") +
                      whereFor(filter);
    SQLite::Statement st(db, q.toStdString());
    bindFilter(st, filter);
    st.executeStep();
    return st.getColumn(0).getInt();
}

ViewCounts viewCounts(SQLite::Database& db, const QDateTime& now, qint64 dueSoonSecs)
{
    ViewCounts counts;
    for (TicketView v : {TicketView::Inbox, TicketView::DueSoon, TicketView::Overdue, TicketView::Waiting,
                         TicketView::Resolved, TicketView::Spam, TicketView::Snoozed, TicketView::All}) {
        TicketFilter f;
        f.view = v;
        f.now = now;
        f.dueSoonSecs = dueSoonSecs;
        counts.views.insert(v, countInView(db, f));
    }
    // One pass each for the per-channel and per-category numbers, as the All view counts them.
    SQLite::Statement channels(db, "SELECT m.channel, COUNT(DISTINCT m.ticket_id) FROM messages m JOIN tickets t "
                                   "ON t.id = m.ticket_id WHERE t.status <> 'spam' AND t.merged_into IS NULL "
                                   "GROUP BY m.channel");
    while (channels.executeStep())
        counts.channels.insert(textOf(channels.getColumn(0)), channels.getColumn(1).getInt());
    SQLite::Statement categories(db, "SELECT category, COUNT(*) FROM tickets WHERE status <> 'spam' AND "
                                     "merged_into IS NULL GROUP BY category");
    while (categories.executeStep())
        if (auto c = categoryFromString(textOf(categories.getColumn(0))))
            counts.categories.insert(*c, categories.getColumn(1).getInt());
    counts.quarantined =
        db.execAndGet("SELECT COUNT(*) FROM messages WHERE quarantine_reason IS NOT NULL").getInt();
    return counts;
}

namespace {

constexpr const char* kMessageColumns =
    "m.id, COALESCE(m.ticket_id, 0), m.direction, m.channel, COALESCE(m.external_id, ''), "
    "COALESCE(m.raw_sha256, ''), m.from_name, m.from_address, m.to_addresses, m.subject, m.date, m.text_body, "
    "m.html_body ";

MessageRecord readMessage(SQLite::Statement& st)
{
    MessageRecord m;
    m.id = st.getColumn(0).getInt64();
    m.ticketId = st.getColumn(1).getInt64();
    m.direction = directionFromString(textOf(st.getColumn(2))).value_or(Direction::In);
    m.channel = channelFromString(textOf(st.getColumn(3))).value_or(Channel::Email);
    m.externalId = textOf(st.getColumn(4));
    m.rawSha256 = textOf(st.getColumn(5));
    m.fromName = textOf(st.getColumn(6));
    m.fromAddress = textOf(st.getColumn(7));
    m.to = textOf(st.getColumn(8));
    m.subject = textOf(st.getColumn(9));
    m.date = timeOf(st.getColumn(10));
    m.text = textOf(st.getColumn(11));
    m.html = textOf(st.getColumn(12));
    return m;
}

void loadAttachments(SQLite::Database& db, QList<MessageRecord>& messages)
{
    SQLite::Statement st(db, "SELECT filename, media_type, sha256, size FROM attachments WHERE message_id = ? "
                             "ORDER BY id");
    for (MessageRecord& m : messages) {
        st.reset();
        st.bind(1, static_cast<int64_t>(m.id));
        while (st.executeStep())
            m.attachments << Attachment{textOf(st.getColumn(0)), textOf(st.getColumn(1)), textOf(st.getColumn(2)),
                                        st.getColumn(3).getInt64(), {}};
    }
}

} // namespace

QList<MessageRecord> messagesOfTicket(SQLite::Database& db, qint64 ticketId)
{
    SQLite::Statement st(db, std::string("SELECT ") + kMessageColumns +
                                 "FROM messages m WHERE m.ticket_id = ? ORDER BY m.date, m.id");
    st.bind(1, static_cast<int64_t>(ticketId));
    QList<MessageRecord> out;
    while (st.executeStep())
        out << readMessage(st);
    loadAttachments(db, out);
    return out;
}

std::optional<CustomerRecord> customerOfTicket(SQLite::Database& db, qint64 ticketId)
{
    SQLite::Statement st(db, "SELECT c.id, c.display_name, c.abusive, c.vip, c.note FROM customers c "
                             "JOIN tickets t ON t.customer_id = c.id WHERE t.id = ?");
    st.bind(1, static_cast<int64_t>(ticketId));
    if (!st.executeStep())
        return std::nullopt;
    CustomerRecord c;
    c.id = st.getColumn(0).getInt64();
    c.displayName = textOf(st.getColumn(1));
    c.abusive = st.getColumn(2).getInt() != 0;
    c.vip = st.getColumn(3).getInt() != 0;
    c.note = textOf(st.getColumn(4));
    SQLite::Statement ids(db, "SELECT kind, value FROM customer_identities WHERE customer_id = ? ORDER BY id");
    ids.bind(1, static_cast<int64_t>(c.id));
    while (ids.executeStep())
        c.identities << Identity{textOf(ids.getColumn(0)), textOf(ids.getColumn(1))};
    return c;
}

QList<MessageRecord> quarantined(SQLite::Database& db)
{
    SQLite::Statement st(db, std::string("SELECT ") + kMessageColumns +
                                 "FROM messages m WHERE m.quarantine_reason IS NOT NULL ORDER BY m.created_at, m.id");
    QList<MessageRecord> out;
    while (st.executeStep())
        out << readMessage(st);
    return out;
}

QByteArray rawMessage(SQLite::Database& db, const QString& sha256)
{
    SQLite::Statement st(db, "SELECT data FROM raw_messages WHERE sha256 = ?");
    bindText(st, 1, sha256);
    if (!st.executeStep())
        return {};
    const SQLite::Column c = st.getColumn(0);
    return QByteArray(static_cast<const char*>(c.getBlob()), c.getBytes());
}

std::optional<qint64> ticketOfExternalId(SQLite::Database& db, const QString& externalId)
{
    SQLite::Statement st(db, "SELECT ticket_id FROM messages WHERE external_id = ? AND ticket_id IS NOT NULL "
                             "ORDER BY id LIMIT 1");
    bindText(st, 1, externalId);
    if (st.executeStep())
        return st.getColumn(0).getInt64();
    return std::nullopt;
}

} // namespace casebook::ticket_queries
