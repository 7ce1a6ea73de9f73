#pragma once

#include "inbox/ingestor.h"

namespace casebook {

struct RethreadReport {
    qint64 messages = 0;          // email messages placed again
    qint64 directionsChanged = 0; // of them, now the seller's reply instead of a customer's mail, or back
    qint64 ticketsKept = 0;       // tickets that survived, with the seller's triage
    qint64 ticketsCreated = 0;    // threads that came apart and needed a ticket of their own
    qint64 ticketsFolded = 0;     // tickets whose mail all joined other threads: now merged into them
    qint64 ownIdentitiesRemoved = 0; // the seller's addresses taken off customers they were made part of
};

// Derives directions, customers and tickets of all stored email again from the raw messages, after the
// seller's own addresses changed. One transaction: all or nothing. A thread takes over the ticket its first
// message was in, so status, priority, category, snooze, notes and evidence survive wherever the ticket
// does; a ticket whose mail all went elsewhere is merged into where its first message went (as a merge
// would, so its notes and evidence follow and its number still leads somewhere).
class Rethreader {
public:
    Rethreader(Database& db, IngestOptions options);
    Result<RethreadReport> run();

private:
    Database& m_db;
    IngestOptions m_options;
};

} // namespace casebook
