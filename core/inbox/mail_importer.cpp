#include "inbox/mail_importer.h"

#include "model/sha256.h"
#include "store/statement_cache.h"
#include "store/ticket_lookup.h"
#include "store/ticket_writes.h"

#include <QElapsedTimer>
#include <QSet>
#include <SQLiteCpp/Exception.h>
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
    bool end = false;
    while (!end && !report.cancelled) {
        while (static_cast<int>(batch.mails.size()) < m_options.batchSize) {
            auto item = source.next();
            if (!item) {
                // Keep what was read before the source failed, then say why it stopped.
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
                batch.mails.push_back(m_ingestor.prepareMail(mail.raw, sourceId, mail.ref));
            }
            if (report.read % m_options.progressEvery == 0 && !tell()) {
                report.cancelled = true;
                break;
            }
        }
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
