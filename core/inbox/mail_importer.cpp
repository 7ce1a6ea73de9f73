#include "inbox/mail_importer.h"

#include "model/sha256.h"
#include "store/statement_cache.h"
#include "store/ticket_lookup.h"
#include "store/ticket_writes.h"

#include <QElapsedTimer>
#include <QSet>
#include <QThread>
#include <SQLiteCpp/Exception.h>
#include <atomic>
#include <thread>
#include <vector>

namespace casebook {

struct MailImporter::Batch {
    std::vector<PreparedMail> mails;
    QSet<QString> hashes;
    QString cursor;
};

MailImporter::MailImporter(Database& db, IngestOptions ingest, ImportOptions options)
    : m_db(db), m_ingestor(db, std::move(ingest)), m_options(options)
{
    if (m_options.batchSize < 1)
        m_options.batchSize = 1;
    if (m_options.progressEvery < 1)
        m_options.progressEvery = 1;
    if (m_options.parseThreads < 1)
        m_options.parseThreads = std::clamp(QThread::idealThreadCount(), 1, 8);
}

// Parsing is most of an import's work and touches no shared state, so a batch is parsed on every core;
// the results keep the source's order, so tickets come out the same as from one thread.
void MailImporter::parse(const std::vector<RawMail>& raws, const QString& sourceId, Batch& batch) const
{
    std::vector<PreparedMail> parsed(raws.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < raws.size(); i = next++)
            parsed[i] = m_ingestor.prepareMail(raws[i].raw, sourceId, raws[i].ref);
    };
    const int helpers = std::min<int>(m_options.parseThreads, static_cast<int>(raws.size() / 16 + 1)) - 1;
    std::vector<std::thread> threads;
    for (int i = 0; i < helpers; ++i)
        threads.emplace_back(work);
    work();
    for (std::thread& t : threads)
        t.join();
    for (PreparedMail& p : parsed)
        batch.mails.push_back(std::move(p));
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

Result<void> MailImporter::commit(MailSource& source, Batch& batch, ImportReport& report)
{
    const QString sourceId = source.id();
    const QDateTime now = m_db.clock().now();
    auto saveCursor = [&](SQLite::Database& db) {
        if (!batch.cursor.isEmpty())
            ticket_writes::saveSourceCursor(db, sourceId, batch.cursor, now);
    };
    ImportReport counted;
    auto written = m_db.write([&](SQLite::Database& db) -> Result<void> {
        counted = {};
        for (PreparedMail& p : batch.mails)
            tally(m_ingestor.writePrepared(db, p), counted);
        saveCursor(db);
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
    report.imported += counted.imported;
    report.duplicates += counted.duplicates;
    report.quarantined += counted.quarantined;
    report.ticketsCreated += counted.ticketsCreated;
    batch.mails.clear();
    batch.hashes.clear();
    return {};
}

Result<ImportReport> MailImporter::run(MailSource& source,
                                       const std::function<bool(const ImportProgress&)>& progress)
{
    QElapsedTimer timer;
    timer.start();
    sql::StatementCache statements; // compiled once for the run, not once per message
    ImportReport report;
    const QString sourceId = source.id();
    const bool resumable = !source.cursor().isEmpty();
    // Lookups by hash and Message-ID touch the whole index as it grows; SQLite's default 2 MB page cache
    // would send most of them to the file. 64 MB per connection keeps a 100k import well inside its budget.
    try {
        m_db.reader().exec("PRAGMA cache_size = -65536");
        if (auto sized = m_db.write([](SQLite::Database& db) -> Result<void> {
                db.exec("PRAGMA cache_size = -65536");
                return {};
            });
            !sized)
            return sized.error();
    } catch (const SQLite::Exception& e) {
        return makeError(QStringLiteral("Could not prepare the database for the import: %1")
                             .arg(QString::fromUtf8(e.what())));
    }
    if (resumable) {
        try {
            const QString stored = ticket_lookup::sourceCursor(m_db.reader(), sourceId);
            if (!stored.isEmpty())
                source.resume(stored);
        } catch (const SQLite::Exception& e) {
            return makeError(QStringLiteral("Could not read the resume point of %1: %2")
                                 .arg(sourceId, QString::fromUtf8(e.what())));
        }
    }

    QString current;
    auto tell = [&]() -> bool {
        if (!progress)
            return true;
        ImportProgress p;
        p.counts = report;
        p.counts.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        p.counts.problems = source.problems();
        p.messagesPerSecond = p.counts.seconds > 0 ? static_cast<double>(report.read) / p.counts.seconds : 0;
        p.current = current;
        return progress(p);
    };

    Batch batch;
    std::vector<RawMail> raws;
    bool end = false;
    while (!end && !report.cancelled) {
        raws.clear();
        while (static_cast<int>(raws.size()) < m_options.batchSize) {
            auto item = source.next();
            if (!item) {
                // Keep what was read before the source failed, then say why it stopped.
                parse(raws, sourceId, batch);
                if (auto committed = commit(source, batch, report); !committed)
                    return committed.error();
                return item.error();
            }
            if (!item->has_value()) {
                end = true;
                break;
            }
            RawMail& mail = **item;
            ++report.read;
            current = mail.ref;
            const QString sha = sha256Hex(mail.raw);
            bool known = batch.hashes.contains(sha);
            if (!known) {
                try {
                    known = ticket_writes::rawMessageExists(m_db.reader(), sha);
                } catch (const SQLite::Exception&) {
                    known = false; // checked again in the write transaction
                }
            }
            if (known) {
                // Not parsed again: re-importing a source costs a read and a hash per message.
                ++report.duplicates;
            } else {
                batch.hashes.insert(sha);
                raws.push_back(std::move(mail));
            }
            if (report.read % m_options.progressEvery == 0 && !tell()) {
                report.cancelled = true;
                break;
            }
        }
        parse(raws, sourceId, batch);
        if (resumable)
            batch.cursor = source.cursor();
        if (auto committed = commit(source, batch, report); !committed)
            return committed.error();
        if (!tell())
            report.cancelled = true;
    }
    report.problems = source.problems();
    report.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    return report;
}

} // namespace casebook
