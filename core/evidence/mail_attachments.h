#pragma once

#include "model/result.h"

#include <QList>
#include <QString>
#include <SQLiteCpp/Database.h>
#include <optional>

namespace casebook {

// A mail attachment as the store keeps it: its row id is what promotion to evidence and the UI's
// open/save actions name.
struct StoredAttachment {
    qint64 id = 0;
    qint64 messageId = 0;
    QString filename; // as the mail named it: sanitise before it becomes part of a path
    QString mediaType;
    QString sha256;
    qint64 size = 0;
};

// Mail attachments of a case, looked up for promotion to evidence and for opening or saving a copy.
namespace mail_attachments {

// Every attachment of the case's messages, in message order.
QList<StoredAttachment> ofTicket(SQLite::Database& db, qint64 ticketId);

// The case's attachment whose SHA-256 is `sha256`, or starts with it (at least 8 hex digits). Fails, saying
// why, when none or several match.
Result<StoredAttachment> findInTicket(SQLite::Database& db, qint64 ticketId, const QString& sha256);

// Writes a copy of the attachment's bytes to `path` (through a temporary file, so a failed write leaves
// nothing); read-only when asked, as a copy opened for viewing must not pass for the original.
Result<void> saveCopy(SQLite::Database& db, qint64 attachmentId, const QString& path, bool readOnly);

} // namespace mail_attachments
} // namespace casebook
