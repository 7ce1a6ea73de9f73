#pragma once

#include <QDateTime>
#include <QStringList>
#include <SQLiteCpp/Database.h>
#include <optional>
#include <vector>

namespace casebook {

// The lookups ticket matching needs, each answering "which ticket, if any".
namespace ticket_lookup {

// A ticket a message could join, with what tells tickets apart when a Message-ID is not unique.
struct TicketCandidate {
    qint64 ticketId = 0;
    std::optional<qint64> customerId;
    QString subjectKey;
};

// The tickets of stored email messages whose Message-ID is `messageId`, oldest first (one Message-ID
// can name different messages: forged, or reused by a broken mailer).
std::vector<TicketCandidate> ticketsOfMessageId(SQLite::Database& db, const QString& messageId);

// The tickets of stored messages that name `messageId` in In-Reply-To or References, oldest first: the
// replies that came before their parent, or siblings under a parent we never received.
std::vector<TicketCandidate> ticketsReferencing(SQLite::Database& db, const QString& messageId);

// Of those, the tickets of stored messages whose chain runs through `messageId` to a nearer parent: for them
// `messageId` is a thread's root (or a middle link), not just the one parent they answer.
std::vector<TicketCandidate> ticketsThroughAncestor(SQLite::Database& db, const QString& messageId);

// The resume point stored for a source, or an empty string.
QString sourceCursor(SQLite::Database& db, const QString& source);

// Messages kept raw because they could not be read, newest first.
struct QuarantinedMessage {
    qint64 id = 0;
    QString source;
    QString sourceRef;
    QString reason;
    qint64 size = 0;
    QString sha256;
    QDateTime createdAt;
};
std::vector<QuarantinedMessage> quarantined(SQLite::Database& db);

std::optional<qint64> byNumber(SQLite::Database& db, int number);
std::optional<qint64> byThreadKey(SQLite::Database& db, const QString& threadKey);

// The most recent ticket that carries one of these order numbers; limited to one customer when given.
std::optional<qint64> byOrderNumbers(SQLite::Database& db, const QStringList& orders,
                                     std::optional<qint64> customerId);

// The customer's most recent ticket with this normalised subject and activity since `since`.
std::optional<qint64> byCustomerSubject(SQLite::Database& db, qint64 customerId, const QString& subjectKey,
                                        const QDateTime& since);

std::optional<qint64> customerOfTicket(SQLite::Database& db, qint64 ticketId);

} // namespace ticket_lookup
} // namespace casebook
