// core/store/ owns the SQLite database: opening it with the pragmas docs/reliability.md lists, numbered
// migrations, the single writer connection, per-thread read connections, and the query functions.
#pragma once

#include "model/clock.h"
#include "model/result.h"

#include <QHash>
#include <QString>

#include <SQLiteCpp/Database.h>

#include <functional>
#include <memory>
#include <mutex>

namespace casebook {

struct OpenOptions {
    bool quickCheck = true; // PRAGMA quick_check at open; off for throw-away databases in tests
    // For one-shot readers (a CLI search): no writer connection is opened and write() fails, unless the
    // schema needs migrating, which opens the writer as usual.
    bool readOnly = false;
};

// The database file: one writer connection shared under a lock, and one read connection per thread.
// Writes go through write(), which runs the function inside BEGIN IMMEDIATE … COMMIT and rolls back when
// it throws or returns an error.
class Database {
public:
    static Result<std::unique_ptr<Database>> open(const QString& path, const Clock& clock,
                                                  OpenOptions options = {});
    ~Database();

    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const QString& path() const { return m_path; }
    const Clock& clock() const { return m_clock; }

    // The folder beside the database file where content-addressed files (evidence) live.
    QString lockerDir() const;

    // Runs fn in one write transaction on the writer connection.
    Result<void> write(const std::function<Result<void>(SQLite::Database&)>& fn);

    // This thread's read connection, opened on first use in this thread.
    SQLite::Database& reader();
    // Closes this thread's read connection, if it has one. A worker thread calls it when its job ends:
    // readers are keyed by thread, so one left behind stays open (and holds its file handles and page
    // cache) until the database closes. The connection must not be in use (no live statement).
    void closeReader();
    // How many read connections are open now, over all threads (tests check that jobs leave none).
    int openReaderCount();

    int schemaVersion() const { return m_schemaVersion; }
    static int latestSchemaVersion();

    // The default file: casebook.sqlite under the app data folder, or $CASEBOOK_DB.
    static QString defaultPath();

private:
    Database(QString path, const Clock& clock);
    Result<void> openWriter(OpenOptions options);

    QString m_path;
    const Clock& m_clock;
    std::unique_ptr<SQLite::Database> m_writer;
    std::mutex m_writeMutex;
    std::mutex m_readersMutex;
    QHash<void*, std::shared_ptr<SQLite::Database>> m_readers;
    int m_schemaVersion = 0;
};

// Sets the pragmas every Casebook connection must have (WAL, synchronous=FULL, foreign keys, busy timeout)
// and registers the search tokenizer.
void configureConnection(SQLite::Database& db);

} // namespace casebook
