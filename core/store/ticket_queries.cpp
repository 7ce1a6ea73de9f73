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
    "(SELECT COUNT(*) FROM messages WHERE ticket_id = t.id) ";

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
    return t;
}

QString whereFor(TicketView view)
{
    switch (view) {
    case TicketView::Inbox:
        return QStringLiteral("t.status IN ('new','open')");
    case TicketView::DueSoon:
        return QStringLiteral("t.status IN ('new','open') AND t.due_at IS NOT NULL AND t.due_at <= :due_limit");
    case TicketView::Waiting:
        return QStringLiteral("t.status = 'waiting'");
    case TicketView::Resolved:
        return QStringLiteral("t.status = 'resolved'");
    case TicketView::Spam:
        return QStringLiteral("t.status = 'spam'");
    case TicketView::All:
        break;
    }
    return QStringLiteral("t.status <> 'spam'");
}

void bindFilter(SQLite::Statement& st, const TicketFilter& f)
{
    if (f.view == TicketView::DueSoon)
        bindTime(st, st.getIndex(":due_limit"), (f.now.isValid() ? f.now : QDateTime::currentDateTimeUtc())
                                                    .addSecs(f.dueSoonSecs));
}

QString orderFor(TicketView view)
{
    return view == TicketView::DueSoon ? QStringLiteral(" ORDER BY t.due_at ASC, t.id")
                                       : QStringLiteral(" ORDER BY t.last_activity_at DESC, t.id DESC");
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
    const QString q = QStringLiteral("SELECT t.id FROM tickets t WHERE ") + whereFor(filter.view) +
                      orderFor(filter.view) + limitFor(filter);
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
                      whereFor(filter.view) + orderFor(filter.view) + limitFor(filter);
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
    const QString q = QStringLiteral("SELECT COUNT(*) FROM tickets t WHERE ") + whereFor(filter.view);
    SQLite::Statement st(db, q.toStdString());
    bindFilter(st, filter);
    st.executeStep();
    return st.getColumn(0).getInt();
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
