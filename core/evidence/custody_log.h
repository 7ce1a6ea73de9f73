#pragma once

#include <QDateTime>
#include <QString>

#include <SQLiteCpp/Database.h>

namespace casebook {

// The append-only custody log of one case. Each entry's hash covers the previous entry's hash, so removing
// or changing an entry breaks the chain from there on.
namespace custody_log {

// Appends an entry inside the caller's write transaction.
void append(SQLite::Database& db, qint64 ticketId, const QDateTime& at, const QString& action, const QString& detail);

QString entryHash(const QString& prevHash, int seq, const QDateTime& at, const QString& action,
                  const QString& detail);

// True when every entry of the case hashes to what it claims and points at its predecessor.
bool verifyChain(SQLite::Database& db, qint64 ticketId);

} // namespace custody_log
} // namespace casebook
