#pragma once

#include <QDateTime>
#include <QStringList>

#include <SQLiteCpp/Database.h>

#include <optional>

namespace casebook {

// The lookups ticket matching needs, each answering "which ticket, if any".
namespace ticket_lookup {

// Tickets of stored messages whose Message-ID is one of `ids`, in the order of `ids` (first hit wins).
std::optional<qint64> byMessageIds(SQLite::Database& db, const QStringList& ids);

// A ticket holding a message that names `messageId` in its In-Reply-To or References (the child came first).
std::optional<qint64> byReferencingMessage(SQLite::Database& db, const QString& messageId);

// A ticket holding a message that names any of `refs` too (siblings under a parent we never received).
std::optional<qint64> bySharedReference(SQLite::Database& db, const QStringList& refs);

std::optional<qint64> byNumber(SQLite::Database& db, int number);
std::optional<qint64> byThreadKey(SQLite::Database& db, const QString& threadKey);

// The most recent ticket that carries one of these order numbers; limited to one customer when given.
std::optional<qint64> byOrderNumbers(SQLite::Database& db, const QStringList& orders, std::optional<qint64> customerId);

// The customer's most recent ticket with this normalised subject and activity since `since`.
std::optional<qint64> byCustomerSubject(SQLite::Database& db, qint64 customerId, const QString& subjectKey,
                                        const QDateTime& since);

std::optional<qint64> customerOfTicket(SQLite::Database& db, qint64 ticketId);

} // namespace ticket_lookup
} // namespace casebook
