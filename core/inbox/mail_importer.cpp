#include "inbox/mail_importer.h"

#include "model/sha256.h"
#include "store/deferred_search_index.h"
#include "store/statement_cache.h"
#include "store/ticket_lookup.h"
#include "store/ticket_writes.h"

#include <QElapsedTimer>
#include <QSet>
#include <QThread>
#include <SQLiteCpp/Exception.h>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace casebook {

// What the reading side hands the writer: one transaction's worth of the source.
struct MailImporter::Batch {
    std::vector<PreparedMail> mails;
    qint64 read = 0;  // messages the source yielded for this batch
    qint64 known = 0; // of them, bytes stored before (not parsed)
    qint64 bytes = 0; // raw bytes of the messages kept for parsing: what the batch holds in memory
    QString cursor;   // the source's resume point after this batch
    QString last;     // the last message's reference, for progress
    QStringList problems;
    std::optional<Error> failure; // the source failed after this batch
    bool end = false;             // nothing follows
};

// One batch waits while another is written: enough to keep the writer busy, and memory bounded by count
// and by bytes (the bytes of batches queued or being written, `inFlight`).
class MailImporter::Pipeline {
public:
    explicit Pipeline(qint64 budget) : m_budget(budget) {}

    // Blocks while the queue is full; false when the run was stopped (the batch is dropped).
    bool push(Batch&& b)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stopped || m_queue.empty(); });
        if (m_stopped)
            return false;
        m_inFlight += b.bytes;
        m_queue.push_back(std::move(b));
        m_changed.notify_all();
        return true;
    }

    // Called by the reading side before it reads another message into a batch holding `reading` bytes:
    // blocks while that and the batches queued or being written reach the budget, unless nothing is in
    // flight (a message larger than the budget still goes, alone). False when the run was stopped.
    bool waitForRoom(qint64 reading)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock,
                       [&] { return m_stopped || m_inFlight == 0 || m_inFlight + reading < m_budget; });
        return !m_stopped;
    }

    Batch pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return !m_queue.empty(); });
        Batch b = std::move(m_queue.front());
        m_queue.pop_front();
        m_changed.notify_all();
        return b;
    }

    // The writer is done with a batch of `bytes` (committed, its messages released).
    void written(qint64 bytes)
    {
        std::scoped_lock lock(m_mutex);
        m_inFlight -= bytes;
        m_changed.notify_all();
    }

    void stop()
    {
        std::scoped_lock lock(m_mutex);
        m_stopped = true;
        m_changed.notify_all();
    }

    bool stopped()
    {
        std::scoped_lock lock(m_mutex);
        return m_stopped;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch> m_queue;
    qint64 m_budget;
    qint64 m_inFlight = 0;
    bool m_stopped = false;
};

MailImporter::MailImporter(Database& db, IngestOptions ingest, ImportOptions options)
    : m_db(db), m_ingestor(db, std::move(ingest)), m_options(options)
{
    if (m_options.batchSize < 1)
        m_options.batchSize = 1;
    if (m_options.batchBytes < 1)
        m_options.batchBytes = 1;
    if (m_options.parseThreads < 1)
        m_options.parseThreads = std::clamp(QThread::idealThreadCount(), 1, 8);
}

// Parsing touches no shared state, so a batch is parsed on every core; the results keep the source's order,
// so tickets come out the same as from one thread.
void MailImporter::parse(std::vector<RawMail>& raws, std::vector<QString>& hashes, const QString& sourceId,
                         Batch& batch) const
{
    batch.mails.resize(raws.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < raws.size(); i = next++) {
            batch.mails[i] = m_ingestor.prepareMail(raws[i].raw, sourceId, raws[i].ref, hashes[i]);
            raws[i].raw = {}; // the prepared message holds the bytes now
        }
    };
    const int helpers = std::min<int>(m_options.parseThreads, static_cast<int>(raws.size() / 16 + 1)) - 1;
    std::vector<std::thread> threads;
    for (int i = 0; i < helpers; ++i)
        threads.emplace_back(work);
    work();
    for (std::thread& t : threads)
        t.join();
}

// Reads one batch from the source, hashes each message once, skips what the store holds already and parses
// the rest.
// A batch closes at batchSize messages or once its kept messages reach batchBytes, whichever comes first.
// `pipe` (the reading thread's) holds the reading back while the batches in flight use the memory budget.
MailImporter::Batch MailImporter::readBatch(MailSource& source, bool resumable, Pipeline* pipe) const
{
    const QString sourceId = source.id();
    Batch batch;
    std::vector<RawMail> raws;
    std::vector<QString> hashes;
    QSet<QString> seen; // the same bytes twice in one batch are parsed once
    bool end = false;
    while (batch.read < m_options.batchSize && batch.bytes < m_options.batchBytes) {
        if (pipe && !pipe->waitForRoom(batch.bytes))
            break; // stopped: the batch is dropped by push
        auto item = source.next();
        if (!item) {
            batch.failure = item.error();
            end = true;
            break;
        }
        if (!item->has_value()) {
            end = true;
            break;
        }
        RawMail& mail = **item;
        ++batch.read;
        batch.last = mail.ref;
        QString sha = sha256Hex(mail.raw);
        bool known = seen.contains(sha);
        if (!known) {
            try {
                known = ticket_writes::rawMessageExists(m_db.reader(), sha);
            } catch (const SQLite::Exception&) {
                known = false; // checked again in the write transaction
            }
        }
        if (known) {
            // Not parsed again: re-importing a source costs a read and a hash per message.
            ++batch.known;
            continue;
        }
        seen.insert(sha);
        batch.bytes += mail.raw.size();
        raws.push_back(std::move(mail));
        hashes.push_back(std::move(sha));
    }
    parse(raws, hashes, sourceId, batch);
    if (resumable)
        batch.cursor = source.cursor();
    batch.problems = source.problems();
    batch.end = end;
    return batch;
}

// The reading side, on a thread of its own: reads a batch from the source, hashes each message once, skips
// what the store holds already, parses the rest and queues the batch for the writer.
void MailImporter::produce(MailSource& source, Pipeline& pipe) const
{
    const bool resumable = !source.cursor().isEmpty();
    // This thread's own cache: the stored-bytes lookup would otherwise be compiled once per message.
    sql::StatementCache statements;
    bool end = false;
    while (!end && !pipe.stopped()) {
        Batch batch = readBatch(source, resumable, &pipe);
        end = batch.end;
        if (!pipe.push(std::move(batch)))
            return;
    }
}

void MailImporter::tally(const IngestOutcome& outcome, ImportReport& report) const
{
    switch (outcome.kind) {
    case IngestOutcome::Kind::Imported:
        ++report.imported;
        if (outcome.createdTicket)
            ++report.ticketsCreated;
        break;
    case IngestOutcome::Kind::Duplicate:
        ++report.duplicates;
        break;
    case IngestOutcome::Kind::Quarantined:
        ++report.quarantined;
        break;
    }
}

Result<void> MailImporter::commit(const QString& sourceId, Batch& batch, ImportReport& report)
{
    const QDateTime now = m_db.clock().now();
    auto saveCursor = [&](SQLite::Database& db) {
        if (!batch.cursor.isEmpty())
            ticket_writes::saveSourceCursor(db, sourceId, batch.cursor, now);
    };
    ImportReport counted;
    auto written = m_db.write([&](SQLite::Database& db) -> Result<void> {
        counted = {};
        DeferredSearchIndex index(db); // the batch is indexed in one statement, not message by message
        for (PreparedMail& p : batch.mails)
            tally(m_ingestor.writePrepared(db, p), counted);
        saveCursor(db);
        index.finish();
        return {};
    });
    if (!written) {
        // One message the store refuses (a constraint we did not foresee) must not cost the others: write
        // them one by one, and keep the one that fails raw with the store's reason.
        counted = {};
        for (PreparedMail& p : batch.mails) {
            IngestOutcome outcome;
            auto one = m_db.write([&](SQLite::Database& db) -> Result<void> {
                outcome = m_ingestor.writePrepared(db, p);
                return {};
            });
            if (!one && p.quarantineReason.isEmpty()) {
                p.quarantineReason = QStringLiteral("could not be stored: %1").arg(one.error().message);
                one = m_db.write([&](SQLite::Database& db) -> Result<void> {
                    outcome = m_ingestor.writePrepared(db, p);
                    return {};
                });
            }
            if (!one)
                return one
                    .error(); // the store itself fails (disk full, read-only): stop, nothing half-written
            tally(outcome, counted);
        }
        if (auto cursor = m_db.write([&](SQLite::Database& db) -> Result<void> {
                saveCursor(db);
                return {};
            });
            !cursor)
            return cursor.error();
    }
    report.read += batch.read;
    report.duplicates += batch.known + counted.duplicates;
    report.imported += counted.imported;
    report.quarantined += counted.quarantined;
    report.ticketsCreated += counted.ticketsCreated;
    batch.mails.clear();
    return {};
}

Result<ImportReport> MailImporter::run(MailSource& source,
                                       const std::function<bool(const ImportProgress&)>& progress)
{
    QElapsedTimer timer;
    timer.start();
    sql::StatementCache statements; // compiled once for the run, not once per message
    ImportReport report;
    m_storeFailed = false;
    const QString sourceId = source.id();
    // Lookups by hash and Message-ID touch the whole index as it grows; SQLite's default 2 MB page cache
    // would send most of them to the file. 64 MB keeps a 100k import well inside its memory budget.
    //
    // Checkpoints: each batch inserts into indexes keyed by hashes and Message-IDs, so its rows land on
    // pages all over those trees, and the larger the mailbox the more distinct pages a batch dirties. At
    // SQLite's default (a checkpoint once the WAL holds 1,000 pages, i.e. after every batch) each of them
    // was copied into the database after every batch: bytes written per message grew 2.3× from 10k to 100k
    // messages. Checkpointing every 30,000 pages (about 120 MB of WAL) copies a page dirtied by several
    // batches once. The writer's usual setting comes back when the run ends.
    if (auto sized = m_db.write([](SQLite::Database& db) -> Result<void> {
            db.exec("PRAGMA cache_size = -65536");
            db.exec("PRAGMA wal_autocheckpoint = 30000");
            return {};
        });
        !sized) {
        m_storeFailed = true;
        return sized.error();
    }
    struct RestoreCheckpoints {
        Database& db;
        ~RestoreCheckpoints()
        {
            (void)db.write([](SQLite::Database& conn) -> Result<void> {
                conn.exec("PRAGMA wal_autocheckpoint = 1000");
                return {};
            });
        }
    } restoreCheckpoints{m_db};
    if (!source.cursor().isEmpty()) {
        try {
            const QString stored = ticket_lookup::sourceCursor(m_db.reader(), sourceId);
            if (!stored.isEmpty()) {
                source.resume(stored);
                report.resumed = true;
            }
        } catch (const SQLite::Exception& e) {
            return makeError(QStringLiteral("Could not read the resume point of %1: %2")
                                 .arg(sourceId, QString::fromUtf8(e.what())));
        }
    }

    // A source bound to its thread (a network connection) is read here, a batch at a time; any other is
    // read on a thread of its own, one batch ahead of the writer.
    const bool readHere = source.boundToThread();
    const bool resumable = !source.cursor().isEmpty();
    // Twice a batch: one batch is written while the next is read, as long as both fit.
    Pipeline pipe(2 * m_options.batchBytes);
    std::thread reader;
    if (!readHere)
        reader = std::thread([&] { produce(source, pipe); });
    // Whatever way the loop ends, the reading side stops and is joined before the source goes away.
    struct Join {
        Pipeline& pipe;
        std::thread& thread;
        ~Join()
        {
            pipe.stop();
            if (thread.joinable())
                thread.join();
        }
    } join{pipe, reader};

    QString current;
    QStringList problems;
    for (bool end = false; !end && !report.cancelled;) {
        Batch batch = readHere ? readBatch(source, resumable, nullptr) : pipe.pop();
        end = batch.end;
        current = batch.last;
        problems = batch.problems;
        // A batch is kept even when the source failed after it; then the run says why it stopped.
        auto committed = commit(sourceId, batch, report);
        if (!readHere)
            pipe.written(batch.bytes);
        if (!committed) {
            m_storeFailed = true;
            return committed.error();
        }
        if (batch.failure)
            return *batch.failure;
        if (progress) {
            ImportProgress p;
            p.counts = report;
            p.counts.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
            p.counts.problems = problems;
            p.messagesPerSecond =
                p.counts.seconds > 0 ? static_cast<double>(report.read) / p.counts.seconds : 0;
            p.current = current;
            report.cancelled = !progress(p);
        }
    }
    report.problems = problems;
    report.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    return report;
}

} // namespace casebook
