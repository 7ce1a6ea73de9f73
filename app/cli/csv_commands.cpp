// import csv: inquiries of boards without an API, from their CSV exports.
#include "cli/cli.h"
#include "inbox/csv_importer.h"

namespace casebook::cli {

QList<QCommandLineOption> csvImportOptions()
{
    return {{QStringLiteral("preset"),
             QStringLiteral("CSV columns as a board exports them: %1.")
                 .arg(CsvMapping::presetNames().join(QStringLiteral(", "))),
             QStringLiteral("NAME")},
            {QStringLiteral("map"),
             QStringLiteral("CSV columns by hand: COLUMN=FIELD,... (fields: %1).")
                 .arg(csvFields().join(QStringLiteral(", "))),
             QStringLiteral("SPEC")}};
}

int importCsvFile(Context& c)
{
    if (c.args.size() != 2 || c.isSet(QStringLiteral("preset")) == c.isSet(QStringLiteral("map")))
        return fail(
            QStringLiteral("usage: import csv FILE (--preset NAME | --map COLUMN=FIELD,...) [--json]"),
            kUsage);
    auto mapping = c.isSet(QStringLiteral("preset")) ? CsvMapping::preset(c.value(QStringLiteral("preset")))
                                                     : CsvMapping::fromSpec(c.value(QStringLiteral("map")));
    if (!mapping)
        return fail(mapping.error().message, kUsage);
    auto table = readCsvFile(c.args[1]);
    if (!table)
        return fail(table.error());
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    auto report = importCsv(*db, table.value(), mapping.value(), c.args[1]);
    if (!report)
        return fail(report.error());
    const CsvImportReport& r = report.value();
    QTextStream err(stderr);
    for (const QString& p : r.problems)
        err << "skipped " << p << Qt::endl;
    if (c.isSet(QStringLiteral("json"))) {
        out() << QStringLiteral("{\"rows\":%1,\"imported\":%2,\"duplicates\":%3,\"tickets_created\":%4,"
                                "\"encoding\":\"%5\"}")
                     .arg(r.rows)
                     .arg(r.imported)
                     .arg(r.duplicates)
                     .arg(r.ticketsCreated)
                     .arg(table->encoding)
              << Qt::endl;
    } else {
        out() << "rows:            " << r.rows << " (" << table->encoding
              << ")\nimported:        " << r.imported << "\nduplicates:      " << r.duplicates
              << "\ntickets created: " << r.ticketsCreated << Qt::endl;
    }
    return kOk;
}

} // namespace casebook::cli
