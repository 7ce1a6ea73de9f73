#pragma once

#include "model/values.h"

#include <SQLiteCpp/Database.h>

#include <optional>

namespace casebook {

// The views of the inbox, as the left pane lists them.
enum class TicketView { Inbox, DueSoon, Waiting, Resolved, Spam, All };

struct TicketFilter {
    TicketView view = TicketView::All;
    QDateTime now;              // for "due soon"
    qint64 dueSoonSecs = 6 * 3600;
    int limit = -1;
    int offset = 0;
};

// Read-only queries over tickets, messages and customers; they run on any connection (usually a reader).
namespace ticket_queries {

StoreStats stats(SQLite::Database& db);

QList<qint64> ticketIds(SQLite::Database& db, const TicketFilter& filter);
QList<TicketSummary> tickets(SQLite::Database& db, const TicketFilter& filter);
QList<TicketSummary> ticketsByIds(SQLite::Database& db, const QList<qint64>& ids);
std::optional<TicketSummary> ticketByNumber(SQLite::Database& db, int number);
int countInView(SQLite::Database& db, const TicketFilter& filter);

QList<MessageRecord> messagesOfTicket(SQLite::Database& db, qint64 ticketId);
std::optional<CustomerRecord> customerOfTicket(SQLite::Database& db, qint64 ticketId);

// Messages that could not be read: kept raw, outside any ticket.
QList<MessageRecord> quarantined(SQLite::Database& db);

// The ticket a message with this external id (Message-ID, inquiry key) belongs to.
std::optional<qint64> ticketOfExternalId(SQLite::Database& db, const QString& externalId);

} // namespace ticket_queries
} // namespace casebook
