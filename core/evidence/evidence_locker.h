// core/evidence/ owns the evidence locker: files kept by content (SHA-256, read-only, once per content) with
// their intake record, and the append-only custody log of each case, whose entries chain by hash.
#pragma once

#include "model/result.h"
#include "model/values.h"
#include "store/database.h"

#include <QString>

#include <functional>

namespace casebook {

class EvidenceLocker {
public:
    explicit EvidenceLocker(Database& db);

    struct AddRequest {
        qint64 ticketId = 0;
        QString path;          // any file QFile can open, Qt resources included
        QString originalName;  // defaults to the file's name
        QString note;
        QString source;        // "file", "mail attachment", "demo"
    };

    // Hashes while copying (never loading the file whole), files it under its hash and records it with a
    // custody entry. Adding the same content to the same case again returns the existing record.
    // `progress` gets (bytes done, bytes total) and may return false to cancel.
    Result<EvidenceRecord> add(const AddRequest& request,
                               const std::function<bool(qint64, qint64)>& progress = {});

    QList<EvidenceRecord> list(qint64 ticketId);

    // Where the content with this hash is kept.
    QString pathOf(const QString& sha256) const;

    // A display- and export-safe version of a file name: no folders, controls, bidi overrides, device names.
    static QString safeName(const QString& name);

private:
    Database& m_db;
};

} // namespace casebook
