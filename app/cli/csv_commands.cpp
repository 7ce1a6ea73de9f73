// import csv: inquiries of boards without an API, from their CSV exports.
#include "cli/cli.h"
#include "inbox/csv_importer.h"

namespace casebook::cli {

QList<QCommandLineOption> csvImportOptions()
{
    return {{QStringLiteral("preset"),
             QStringLiteral("CSV columns as a board exports them: %1 (default: recognised from the header).")
                 .arg(CsvMapping::presetNames().join(QStringLiteral(", "))),
             QStringLiteral("NAME")},
            {QStringLiteral("map"),
             QStringLiteral("CSV columns by hand: COLUMN=FIELD,... (fields: %1).")
                 .arg(csvFields().join(QStringLiteral(", "))),
             QStringLiteral("SPEC")},
            {QStringLiteral("undated"),
             QStringLiteral("Import a CSV file without a date column, dating its rows now.")}};
}

int importCsvFile(Context& c)
{
    if (c.args.size() != 2 || (c.isSet(QStringLiteral("preset")) && c.isSet(QStringLiteral("map"))))
        return fail(QStringLiteral("usage: import csv FILE [--preset NAME | --map COLUMN=FIELD,...] [--undated] "
                                   "[--json]"),
                    kUsage);
    auto table = readCsvFile(c.args[1]);
    if (!table)
        return fail(table.error());
    const bool detected = !c.isSet(QStringLiteral("preset")) && !c.isSet(QStringLiteral("map"));
    auto mapping = c.isSet(QStringLiteral("preset")) ? CsvMapping::preset(c.value(QStringLiteral("preset")))
                   : c.isSet(QStringLiteral("map"))  ? CsvMapping::fromSpec(c.value(QStringLiteral("map")))
                                                     : CsvMapping::detect(table->header);
    if (!mapping)
        return fail(mapping.error().message, kUsage);
    mapping->allowUndated = c.isSet(QStringLiteral("undated"));
    QTextStream err(stderr);
    if (detected)
        err << "preset: " << mapping->source << " (recognised from the header row)" << Qt::endl;
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    auto report = importCsv(*db, table.value(), mapping.value(), c.args[1]);
    if (!report)
        return fail(report.error());
    const CsvImportReport& r = report.value();
    for (const QString& p : r.problems)
        err << "warning: " << p << Qt::endl;
    if (c.isSet(QStringLiteral("json"))) {
        out() << QStringLiteral("{\"rows\":%1,\"imported\":%2,\"duplicates\":%3,\"tickets_created\":%4,"
                                "\"encoding\":\"%5\",\"preset\":\"%6\"}")
                     .arg(r.rows)
                     .arg(r.imported)
                     .arg(r.duplicates)
                     .arg(r.ticketsCreated)
                     .arg(table->encoding)
                     .arg(mapping->source)
              << Qt::endl;
    } else {
        out() << "rows:            " << r.rows << " (" << table->encoding
              << ")\nimported:        " << r.imported << "\nduplicates:      " << r.duplicates
              << "\ntickets created: " << r.ticketsCreated << Qt::endl;
    }
    return kOk;
}

} // namespace casebook::cli
