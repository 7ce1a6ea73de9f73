#include "inbox/csv_importer.h"

#include "inbox/ingestor.h"
#include "model/channel_keys.h"

#include <QFileInfo>

namespace casebook {

Result<CsvImportReport> importCsv(Database& db, const CsvTable& table, const CsvMapping& mapping,
                                  const QString& fileName)
{
    auto messages = csvMessages(table, mapping, sourceFor(Channel::Csv, QFileInfo(fileName).fileName()));
    if (!messages)
        return messages.error();
    CsvImportReport report;
    report.rows = static_cast<int>(table.rows.size());
    report.problems = messages->problems;
    Ingestor ingestor(db, IngestOptions{});
    auto written = db.write([&](SQLite::Database& w) -> Result<void> {
        for (InboundMessage& m : messages->messages) {
            PreparedMail p{std::move(m), {}};
            const IngestOutcome o = ingestor.writePrepared(w, p);
            if (o.kind == IngestOutcome::Kind::Imported)
                ++report.imported;
            else
                ++report.duplicates;
            if (o.createdTicket)
                ++report.ticketsCreated;
        }
        return {};
    });
    if (!written)
        return written.error();
    return report;
}

} // namespace casebook
