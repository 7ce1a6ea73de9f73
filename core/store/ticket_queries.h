#pragma once

#include "model/values.h"

#include <SQLiteCpp/Database.h>

#include <QHash>
#include <QMap>

#include <optional>

namespace casebook {

// The views of the inbox, as the left pane lists them. Inbox is new and open tickets not snoozed (a snooze
// ends by itself when `now` passes it); Due soon and Overdue are the Inbox's tickets by their answer clock.
enum class TicketView { Inbox, DueSoon, Overdue, Waiting, Resolved, Spam, Snoozed, All };

// The column a list is sorted by; Default is the view's own order (answer clock or last activity).
enum class TicketSort { Default, Due, Channel, Customer, Subject, Category, Status, Activity, Number };

struct TicketFilter {
    TicketView view = TicketView::All;
    QDateTime now;              // for the answer clocks and snoozes; null means the system time
    qint64 dueSoonSecs = 6 * 3600;
    std::optional<Channel> channel;   // only tickets with a message on this channel
    std::optional<Category> category; // only tickets of this category
    // Only tickets in these statuses, within the view (the All view then lists spam too when it is named).
    QList<TicketStatus> statuses;
    QDateTime dueBefore; // only tickets whose answer is due before this moment; null: no such limit
    TicketSort sort = TicketSort::Default;
    bool ascending = true;            // for sort other than Default
    int limit = -1;
    int offset = 0;
};

inline size_t qHash(TicketView v, size_t seed = 0) noexcept
{
    return ::qHash(static_cast<int>(v), seed);
}

// The numbers beside the views: each view's count, and the All view's count per channel and per category.
struct ViewCounts {
    QHash<TicketView, int> views;
    QMap<QString, int> channels;   // channel name → tickets
    QHash<Category, int> categories;
    int quarantined = 0;
};

// Read-only queries over tickets, messages and customers; they run on any connection (usually a reader).
namespace ticket_queries {

StoreStats stats(SQLite::Database& db);

QList<qint64> ticketIds(SQLite::Database& db, const TicketFilter& filter);
QList<TicketSummary> tickets(SQLite::Database& db, const TicketFilter& filter);
QList<TicketSummary> ticketsByIds(SQLite::Database& db, const QList<qint64>& ids);
std::optional<TicketSummary> ticketByNumber(SQLite::Database& db, int number);
int countInView(SQLite::Database& db, const TicketFilter& filter);
ViewCounts viewCounts(SQLite::Database& db, const QDateTime& now, qint64 dueSoonSecs = 6 * 3600);

QList<MessageRecord> messagesOfTicket(SQLite::Database& db, qint64 ticketId);
std::optional<CustomerRecord> customerOfTicket(SQLite::Database& db, qint64 ticketId);

// Messages that could not be read: kept raw, outside any ticket.
QList<MessageRecord> quarantined(SQLite::Database& db);

// The raw bytes of a message as received, or empty.
QByteArray rawMessage(SQLite::Database& db, const QString& sha256);

// The ticket a message with this external id (Message-ID, inquiry key) belongs to.
std::optional<qint64> ticketOfExternalId(SQLite::Database& db, const QString& externalId);

} // namespace ticket_queries
} // namespace casebook
