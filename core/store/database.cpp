#include "store/database.h"

#include "search/fts_tokenizer.h"
#include "store/database_integrity.h"
#include "store/migrations.h"
#include "store/sqlite_errors.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>

#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

namespace casebook {
namespace {

constexpr int kBusyTimeoutMs = 5000;

QString sqliteMessage(const std::exception& e)
{
    return QString::fromUtf8(e.what());
}

// Reads user_version through a read-only connection, so that a database we will refuse is not touched:
// switching to WAL or creating tables would change the file.
Result<int> peekSchemaVersion(const QString& path)
{
    if (!QFileInfo::exists(path))
        return 0;
    std::unique_ptr<SQLite::Database> db;
    try {
        db = std::make_unique<SQLite::Database>(path.toStdString(), SQLite::OPEN_READONLY);
        db->setBusyTimeout(kBusyTimeoutMs);
        // One read transaction, so that the version and what isCasebookDatabase reads come from one state
        // of the file: read statement by statement, another process setting up this new database in between
        // showed us its version 0 and then its tables, and we refused our own schema as another program's.
        SQLite::Transaction snapshot(*db, SQLite::TransactionBehavior::DEFERRED);
        const int version = db->execAndGet("PRAGMA user_version").getInt();
        // A version past ours is refused by the caller as a newer Casebook's (a future one may add tables).
        if (version <= latestMigration() && !isCasebookDatabase(*db, version))
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("%1 is an SQLite database of another program, not Casebook's. It "
                                            "was left untouched: give Casebook a new file or one of its own.")
                                 .arg(path));
        return version;
    } catch (const SQLite::Exception& e) {
        if (sqlite_errors::isDiskFull(e, db.get()))
            return sqlite_errors::diskFull();
        return makeError(ErrorCode::Io,
                         QStringLiteral("Could not read the database %1: %2").arg(path, sqliteMessage(e)));
    }
}

// Switching a new database to WAL takes its exclusive lock after reading it. When two processes open one
// new database at once, SQLite answers one of them SQLITE_BUSY at once, without the busy handler (waiting
// could deadlock); so that one waits here, within the same timeout, until the other has switched.
void switchToWal(SQLite::Database& db)
{
    constexpr int kPauseMs = 10;
    for (int waited = 0;; waited += kPauseMs) {
        try {
            db.exec("PRAGMA journal_mode=WAL");
            return;
        } catch (const SQLite::Exception& e) {
            if ((e.getErrorCode() & 0xff) != SQLITE_BUSY || waited >= kBusyTimeoutMs)
                throw;
        }
        QThread::msleep(kPauseMs);
    }
}

} // namespace

void configureConnection(SQLite::Database& db)
{
    db.setBusyTimeout(kBusyTimeoutMs);
    switchToWal(db);
    db.exec("PRAGMA synchronous=FULL");
    db.exec("PRAGMA foreign_keys=ON");
    // The search index's triggers tokenize on every write to messages, and queries on every read.
    if (const int rc = FtsTokenizer::registerWith(db.getHandle()); rc != SQLITE_OK)
        throw SQLite::Exception("Could not set up the search tokenizer (is SQLite built with FTS5?)", rc);
}

Database::Database(QString path, const Clock& clock) : m_path(std::move(path)), m_clock(clock) {}

Database::~Database()
{
    std::scoped_lock lock(m_readersMutex);
    m_readers.clear();
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const Clock& clock, OpenOptions options)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return makeError(QStringLiteral("Could not create the folder %1 for the database.").arg(info.absolutePath()));

    auto peeked = peekSchemaVersion(path);
    if (!peeked)
        return peeked.error();
    if (peeked.value() > latestMigration())
        return newerSchemaError(path, peeked.value());

    std::unique_ptr<Database> db(new Database(info.absoluteFilePath(), clock));
    if (options.readOnly && peeked.value() == latestMigration()) {
        db->m_schemaVersion = peeked.value();
        return db;
    }
    if (auto opened = db->openWriter(options); !opened)
        return opened.error();
    return db;
}

Result<void> Database::openWriter(OpenOptions options)
{
    try {
        m_writer = std::make_unique<SQLite::Database>(m_path.toStdString(),
                                                      SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        configureConnection(*m_writer);
        if (options.quickCheck)
            if (auto checked = integrity::quickCheck(*m_writer, m_path); !checked)
                return checked.error();
    } catch (const SQLite::Exception& e) {
        if (sqlite_errors::isDiskFull(e, m_writer.get()))
            return sqlite_errors::diskFull();
        return makeError(ErrorCode::Io,
                         QStringLiteral("Could not open the database %1: %2").arg(m_path, sqliteMessage(e)));
    }
    auto migrated = migrate(*m_writer);
    if (!migrated)
        return migrated.error();
    m_schemaVersion = migrated.value();
    return {};
}

QString Database::lockerDir() const
{
    const QFileInfo info(m_path);
    return info.absolutePath() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral(".locker");
}

Result<void> Database::write(const std::function<Result<void>(SQLite::Database&)>& fn)
{
    std::scoped_lock lock(m_writeMutex);
    if (!m_writer)
        return makeError(
            ErrorCode::Io,
            QStringLiteral("The database %1 was opened for reading only: nothing was written.").arg(m_path));
    try {
        SQLite::Transaction tx(*m_writer, SQLite::TransactionBehavior::IMMEDIATE);
        Result<void> r = fn(*m_writer);
        if (!r)
            return r; // the transaction's destructor rolls back
        tx.commit();
        return {};
    } catch (const SQLite::Exception& e) {
        if (sqlite_errors::isDiskFull(e, m_writer.get()))
            return sqlite_errors::diskFull();
        if (e.getErrorCode() == SQLITE_READONLY)
            return makeError(
                ErrorCode::Io,
                QStringLiteral("The database %1 is read-only: nothing was written.").arg(m_path));
        if (e.getErrorCode() == SQLITE_BUSY)
            return makeError(
                ErrorCode::Io,
                QStringLiteral("The database %1 is locked by another program: nothing was written.")
                    .arg(m_path));
        return makeError(ErrorCode::Io,
                         QStringLiteral("Could not write to the database: %1").arg(sqliteMessage(e)));
    }
}

SQLite::Database& Database::reader()
{
    void* key = QThread::currentThreadId();
    std::scoped_lock lock(m_readersMutex);
    auto it = m_readers.find(key);
    if (it != m_readers.end())
        return **it;
    auto conn = std::make_shared<SQLite::Database>(m_path.toStdString(), SQLite::OPEN_READWRITE);
    configureConnection(*conn);
    conn->exec("PRAGMA query_only=ON");
    // A reader that closes last would checkpoint and delete the WAL, and the next one-shot reader (a CLI
    // search) create it again: a quarter of such a search's time. Checkpoints are the writer's business.
    sqlite3_db_config(conn->getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    m_readers.insert(key, conn);
    return *conn;
}

void Database::closeReader()
{
    std::shared_ptr<SQLite::Database> closing;
    {
        std::scoped_lock lock(m_readersMutex);
        closing = m_readers.take(QThread::currentThreadId());
    }
    // Closed here, outside the lock: other threads' reader() need not wait for it.
}

int Database::openReaderCount()
{
    std::scoped_lock lock(m_readersMutex);
    return static_cast<int>(m_readers.size());
}

int Database::latestSchemaVersion()
{
    return latestMigration();
}

QString Database::defaultPath()
{
    const QString env = qEnvironmentVariable("CASEBOOK_DB");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/casebook.sqlite");
}

} // namespace casebook
