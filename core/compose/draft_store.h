#pragma once

#include "model/result.h"
#include "store/database.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace casebook {

// What the seller was writing on a ticket and had not sent: a reply or an internal note.
struct Draft {
    enum class Mode { Reply, Note };
    QString body;
    Mode mode = Mode::Reply;
    QDateTime updatedAt;
};

// The drafts, one per ticket, kept in the database so a half-written reply survives switching tickets and
// closing the app. Saving blank text removes the draft; queuing the reply (or saving the note) should too.
class DraftStore {
public:
    explicit DraftStore(Database& db) : m_db(&db) {}

    // The ticket's draft, if there is one; read on this thread's reader.
    std::optional<Draft> load(qint64 ticketId) const;
    // Keeps `body` as the ticket's draft, or removes the draft when body is blank.
    Result<void> save(qint64 ticketId, const QString& body, Draft::Mode mode);
    Result<void> remove(qint64 ticketId);

private:
    Database* m_db;
};

} // namespace casebook
