// core/inbox/ owns what happens to a message on its way in: deduplication, matching it to a ticket, the
// ticket's status and answer-due clock, and (later) triage rules, merge and split.
#pragma once

#include "inbox/ticket_matcher.h"
#include "model/result.h"
#include "model/values.h"
#include "store/database.h"

namespace casebook {

struct IngestOptions {
    QStringList ownAddresses;            // the seller's addresses: mail from them is outgoing
    qint64 emailAnswerWithinSecs = 24 * 3600;
    qint64 marketplaceAnswerWithinSecs = 24 * 3600;
};

struct IngestOutcome {
    enum class Kind { Imported, Duplicate, Quarantined } kind = Kind::Imported;
    qint64 ticketId = 0;
    bool createdTicket = false;
    QString reason; // why it was quarantined
};

// Writes messages into the store, one transaction each: raw bytes first, then the parsed message in its
// ticket. The same raw bytes twice are one message.
class Ingestor {
public:
    Ingestor(Database& db, IngestOptions options);

    // Raw mail: parsed here; what cannot be parsed is quarantined with its bytes, never dropped.
    Result<IngestOutcome> ingestMail(const QByteArray& raw, const QString& source, const QString& sourceRef);

    // An already parsed message (marketplace items, replies we sent).
    Result<IngestOutcome> ingest(InboundMessage m);

private:
    qint64 answerWithin(Channel c) const;

    Database& m_db;
    IngestOptions m_options;
    TicketMatcher m_matcher;
};

} // namespace casebook
