// core/inbox/ owns what happens to a message on its way in: deduplication, matching it to a ticket, the
// ticket's status and answer-due clock, and (later) triage rules, merge and split.
#pragma once

#include "inbox/ticket_matcher.h"
#include "mail/mime_parser.h"
#include "model/result.h"
#include "model/values.h"
#include "store/app_settings.h"
#include "store/database.h"

#include <functional>
#include <optional>

namespace casebook {

struct IngestOptions {
    // The seller's addresses: mail from them is outgoing. "@shop.example" stands for a whole domain.
    QStringList ownAddresses;
    // When the answer is due, per channel; unset: the seller's settings in the database (AppSettings).
    std::optional<DueClocks> dueClocks;
    ParseLimits limits; // what one hostile message may cost before it is kept raw instead
    qsizetype maxMessageBytes = 256 * 1024 * 1024; // larger is kept raw without parsing
};

struct IngestOutcome {
    enum class Kind { Imported, Duplicate, Quarantined } kind = Kind::Imported;
    qint64 ticketId = 0;
    bool createdTicket = false;
    QString reason; // why it was quarantined
};

// A raw message parsed and ready to be written, or kept raw with the reason it could not be read.
struct PreparedMail {
    InboundMessage message;
    QString quarantineReason; // empty when the message was read
};

// Writes messages into the store: raw bytes first, then the parsed message in its ticket. The same raw bytes
// twice are one message.
class Ingestor {
public:
    Ingestor(Database& db, IngestOptions options);

    // Raw mail, one transaction: parsed here; what cannot be parsed is quarantined with its bytes, never
    // dropped.
    Result<IngestOutcome> ingestMail(const QByteArray& raw, const QString& source, const QString& sourceRef);

    // An already parsed message (marketplace items, replies we sent), one transaction.
    Result<IngestOutcome> ingest(InboundMessage m);

    // For batched imports: parse outside any transaction (the slow part, no lock held; `rawSha256` when the
    // caller hashed the bytes already) …
    PreparedMail prepareMail(const QByteArray& raw, const QString& source, const QString& sourceRef,
                             const QString& rawSha256 = {}) const;
    // … then write inside one that Database::write opened. Throws SQLite::Exception on a store failure.
    IngestOutcome writePrepared(SQLite::Database& db, PreparedMail& prepared);

    Database& database() { return m_db; }

    // For rethread: a message already stored (row `messageId`, taken out of its ticket) placed again as if it
    // arrived now, with this ingestor's own addresses: direction, customer and ticket derived afresh. A
    // message that opens a thread takes the ticket `reuse` offers (so the seller's triage survives) before
    // a new one is created. Returns the ticket; throws SQLite::Exception like every write.
    struct Placement {
        qint64 ticketId = 0;
        bool createdTicket = false;
        bool reused = false;
    };
    Placement replace(SQLite::Database& db, qint64 messageId, InboundMessage& m,
                      const std::function<std::optional<qint64>()>& reuse);

private:
    QDateTime dueAt(SQLite::Database& db, const InboundMessage& m);
    bool isOwnAddress(const QString& address) const;
    void complete(InboundMessage& m) const;
    IngestOutcome writeMessage(SQLite::Database& db, InboundMessage& m);
    Placement place(SQLite::Database& db, InboundMessage& m, std::optional<qint64>& customerId,
                    const std::function<std::optional<qint64>()>& reuse);
    IngestOutcome writeQuarantined(SQLite::Database& db, const InboundMessage& m, const QString& reason);
    Result<IngestOutcome> writeOne(const std::function<IngestOutcome(SQLite::Database&)>& fn);

    Database& m_db;
    IngestOptions m_options;
    std::optional<DueClocks> m_dueClocks; // the options' or, once read, the stored settings
    TicketMatcher m_matcher;
};

} // namespace casebook
