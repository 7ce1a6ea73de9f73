// core/evidence/ owns the evidence locker: files kept by content (SHA-256, read-only, once per content) with
// their intake record, and the append-only custody log of each case, whose entries chain by hash.
#pragma once

#include "evidence/progress.h"
#include "model/result.h"
#include "model/values.h"
#include "store/database.h"

#include <QIODevice>
#include <QString>
#include <optional>

namespace casebook {

// Safe to use from a worker thread (writes go through Database::write, reads through the thread's reader):
// a UI runs add() in a QThread or QtConcurrent and forwards Progress through a signal; returning false from
// the Progress cancels, and a cancelled add stores nothing.
class EvidenceLocker {
public:
    explicit EvidenceLocker(Database& db);

    struct AddRequest {
        qint64 ticketId = 0;
        QString path;         // a regular file or a Qt resource (":/...")
        QString originalName; // defaults to the file's name
        QString note;
        QString source; // "file", "mail attachment <message-id>", "demo"
    };

    // Hashes while copying (never loading the file whole), files it under its hash and records it with a
    // custody entry. Adding the same content to the same case again returns the existing record. Only a
    // regular file (or a Qt resource) is read: a pipe, FIFO or device is refused, naming its kind. A stored
    // copy that no longer matches its hash is replaced by the bytes offered again.
    Result<EvidenceRecord> add(const AddRequest& request, const Progress& progress = {});

    // A mail attachment (attachments.id) becomes evidence of its message's ticket in one call.
    Result<EvidenceRecord> promoteAttachment(qint64 attachmentId, const QString& note = {},
                                             const Progress& progress = {});

    QList<EvidenceRecord> list(qint64 ticketId);
    // The same on a connection the caller holds (inside its read transaction).
    static QList<EvidenceRecord> list(SQLite::Database& db, qint64 ticketId);
    std::optional<EvidenceRecord> find(qint64 evidenceId);

    // Where the content with this hash is kept.
    QString pathOf(const QString& sha256) const;

    // Re-reads the stored copy and fails, naming the file, unless it still has the recorded hash and size.
    Result<void> checkStored(const EvidenceRecord& record, const Progress& progress = {}) const;

    // A display- and export-safe version of a file name (see safeFileName).
    static QString safeName(const QString& name);

private:
    Result<EvidenceRecord> store(QIODevice& in, const AddRequest& request, const Progress& progress);

    Database& m_db;
};

} // namespace casebook
