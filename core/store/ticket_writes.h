#pragma once

#include "model/values.h"

#include <SQLiteCpp/Database.h>
#include <optional>

namespace casebook {

// Writes for tickets, messages and customers. Each runs inside a transaction that Database::write opened.
namespace ticket_writes {

bool rawMessageExists(SQLite::Database& db, const QString& sha256);

// The customer who owns this identity, created (with the identity) when none does.
qint64 customerFor(SQLite::Database& db, const Identity& identity, const QString& displayName,
                   const QDateTime& now);
std::optional<qint64> customerOf(SQLite::Database& db, const Identity& identity);
void addIdentity(SQLite::Database& db, qint64 customerId, const Identity& identity);

struct NewTicket {
    QString subject;
    QString subjectKey;
    std::optional<qint64> customerId;
    QDateTime createdAt;
};
qint64 createTicket(SQLite::Database& db, const NewTicket& t);

// Stores the raw bytes, the message, its references, attachments and order numbers. Returns the message row
// id.
qint64 insertMessage(SQLite::Database& db, const InboundMessage& m, qint64 ticketId,
                     std::optional<qint64> customerId, const QDateTime& now);

// Keeps raw bytes that could not be parsed, with the reason, outside any ticket.
qint64 quarantine(SQLite::Database& db, const InboundMessage& m, const QString& reason, const QDateTime& now);

// After a message joined the ticket: last activity, unread count, status and the answer-due clock (`dueAt`:
// when an answer to this message is due, DueClocks::dueAt; read for a customer's message only).
void noteActivity(SQLite::Database& db, qint64 ticketId, Direction direction, const QDateTime& at,
                  const QDateTime& dueAt);

// The resume point of a source, written in the transaction of the messages it covers.
void saveSourceCursor(SQLite::Database& db, const QString& source, const QString& cursor,
                      const QDateTime& now);

void addOrderNumbers(SQLite::Database& db, qint64 ticketId, const QStringList& orders);

// For rethread: a stored message (taken out of its ticket) placed in `ticketId` with what was derived again.
void placeMessage(SQLite::Database& db, qint64 messageId, qint64 ticketId, Direction direction,
                  std::optional<qint64> customerId);
void setCustomer(SQLite::Database& db, qint64 ticketId, std::optional<qint64> customerId);

void setStatus(SQLite::Database& db, qint64 ticketId, TicketStatus status);
void setPriority(SQLite::Database& db, qint64 ticketId, int priority);
void setCategory(SQLite::Database& db, qint64 ticketId, Category category);
void setSummary(SQLite::Database& db, qint64 ticketId, const QString& summary);
void setCustomerFlags(SQLite::Database& db, qint64 customerId, bool abusive, bool vip);

void recordEvent(SQLite::Database& db, std::optional<qint64> ticketId, const QDateTime& at,
                 const QString& kind, const QString& detailJson = QStringLiteral("{}"));

} // namespace ticket_writes
} // namespace casebook
