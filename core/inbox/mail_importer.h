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
    QStringList problems; // items of the source that could not be read at all (skipped, with why)
};

struct ImportProgress {
    ImportReport counts; // so far
    double messagesPerSecond = 0;
    QString current; // the source reference being read
};

struct ImportOptions {
    int batchSize = 500;     // messages per transaction
    int progressEvery = 100; // messages between progress calls (and after every commit)
    int parseThreads = 0;    // threads parsing a batch while none is written; 0: one per core
};

// Drives a MailSource into the store: messages are parsed outside the write lock and written in batches,
// each batch in one transaction together with the source's resume point. Killing the process at any moment
// therefore loses nothing committed, and the next run continues where the last commit left off; what is
// stored already is recognised by its bytes. A message that cannot be read is quarantined, never the end
// of the run.
class MailImporter {
public:
    MailImporter(Database& db, IngestOptions ingest, ImportOptions options = {});

    // `progress` is called now and then from this thread; returning false cancels after the current batch
    // is committed (the run can be resumed later).
    Result<ImportReport> run(MailSource& source,
                             const std::function<bool(const ImportProgress&)>& progress = {});

private:
    struct Batch;
    Result<void> commit(MailSource& source, Batch& batch, ImportReport& report);
    void tally(const IngestOutcome& outcome, ImportReport& report) const;
    void parse(const std::vector<RawMail>& raws, const QString& sourceId, Batch& batch) const;

    Database& m_db;
    Ingestor m_ingestor;
    ImportOptions m_options;
};

} // namespace casebook
