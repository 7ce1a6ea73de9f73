#pragma once

#include "model/result.h"
#include "store/database.h"

#include <QString>

namespace casebook {

// Internal notes: a message of direction `note` in the ticket's conversation, written straight to the
// store. A note never goes through the outbox, so nothing the seller jots down for the team can reach the
// customer by accident.
class NoteWriter {
public:
    explicit NoteWriter(Database& db) : m_db(&db) {}

    // Adds the note to the ticket; returns the message id. Refuses an empty note or an unknown ticket.
    Result<qint64> add(qint64 ticketId, const QString& text);

private:
    Database* m_db;
};

} // namespace casebook
