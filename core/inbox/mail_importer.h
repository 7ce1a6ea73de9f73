#pragma once

#include "inbox/ingestor.h"
#include "sources/mail_source.h"

#include <functional>
#include <vector>

namespace casebook {

// Counts of one import run; the CLI prints them as JSON under these names.
struct ImportReport {
    qint64 read = 0;        // messages the source yielded
    qint64 imported = 0;    // stored in a ticket
    qint64 duplicates = 0;  // bytes already stored
    qint64 quarantined = 0; // kept raw: could not be read
    qint64 ticketsCreated = 0;
    double seconds = 0;
    bool cancelled = false;
    bool resumed = false; // the run continued after the point where an earlier import of the source ended
    QStringList problems; // items of the source that could not be read at all (skipped, with why)
};

struct ImportProgress {
    ImportReport counts; // so far
    double messagesPerSecond = 0;
    QString current; // the source reference being read
};

struct ImportOptions {
    // Messages read from the source per transaction, at most. Each batch dirties index pages all over the
    // hash and Message-ID trees; a larger batch shares more of them (see docs/performance.md).
    int batchSize = 3000;
    // A batch also closes as soon as the messages it holds reach this many bytes (it always holds at least
    // one): what an import keeps in memory follows the bytes in flight, not the count, so 300 messages of
    // 7 MB do not make a 2 GB batch. The reading side also stops reading while the batches queued and being
    // written and the one it reads would reach twice this, so a message larger than that is held alone.
    qint64 batchBytes = 4 * 1024 * 1024;
    int parseThreads = 0; // threads parsing a batch while the previous one is written; 0: one per core
};

// Drives a MailSource into the store in batches, each written in one transaction together with the
// source's resume point. Killing the process at any moment therefore loses nothing committed, and the next
// run continues where the last commit left off; what is stored already is recognised by its bytes. A
// message that cannot be read is quarantined, never the end of the run.
//
// Reading, hashing and parsing run on other threads, one batch ahead of the writer: while batch N is
// written, batch N+1 is parsed. Each message is hashed once, and one already stored is not parsed.
class MailImporter {
public:
    MailImporter(Database& db, IngestOptions ingest, ImportOptions options = {});

    // `progress` is called from this thread after every committed batch; returning false cancels (the
    // batch read ahead is dropped, and the run can be resumed later). The counts are those committed.
    Result<ImportReport> run(MailSource& source,
                             const std::function<bool(const ImportProgress&)>& progress = {});
    // Whether the last run() failed writing the store (a full disk, a read-only file) rather than reading
    // the source: a network source's caller reconnects for the one, never for the other.
    bool storeFailed() const { return m_storeFailed; }

private:
    struct Batch;
    class Pipeline;
    Batch readBatch(MailSource& source, bool resumable, Pipeline* pipe) const;
    void produce(MailSource& source, Pipeline& pipe) const;
    Result<void> commit(const QString& sourceId, Batch& batch, ImportReport& report);
    void tally(const IngestOutcome& outcome, ImportReport& report) const;
    void parse(std::vector<RawMail>& raws, std::vector<QString>& hashes, const QString& sourceId,
               Batch& batch) const;

    Database& m_db;
    Ingestor m_ingestor;
    ImportOptions m_options;
    bool m_storeFailed = false;
};

} // namespace casebook
