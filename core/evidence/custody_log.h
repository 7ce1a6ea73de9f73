#pragma once

#include "model/result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <SQLiteCpp/Database.h>

namespace casebook {

struct CustodyEntry {
    int seq = 0;
    QDateTime at;
    QString action; // "added", "exported", "verified"
    QString detail; // compact JSON
    QString prevHash;
    QString entryHash;
};

// The append-only custody log of one case. Each entry's hash covers the previous entry's hash, so removing
// or changing an entry breaks the chain from there on. The chain can be checked from the database or from a
// copy (a case file's manifest) alone.
namespace custody_log {

// Appends an entry inside the caller's write transaction.
void append(SQLite::Database& db, qint64 ticketId, const QDateTime& at, const QString& action,
            const QString& detail);

QString entryHash(const QString& prevHash, int seq, const QDateTime& at, const QString& action,
                  const QString& detail);

QList<CustodyEntry> entries(SQLite::Database& db, qint64 ticketId);

// Empty when every entry hashes to what it claims and points at its predecessor, in order from seq 1;
// otherwise the first entry that breaks the chain and how.
QString chainProblem(const QList<CustodyEntry>& entries);

// True when every entry of the case hashes to what it claims and points at its predecessor.
bool verifyChain(SQLite::Database& db, qint64 ticketId);

QJsonArray toJson(const QList<CustodyEntry>& entries);
Result<QList<CustodyEntry>> fromJson(const QJsonArray& array);

} // namespace custody_log
} // namespace casebook
