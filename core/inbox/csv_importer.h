#pragma once

#include "model/result.h"
#include "sources/csv_source.h"
#include "store/database.h"

namespace casebook {

struct CsvImportReport {
    int rows = 0;
    int imported = 0;   // messages (questions and the answers the file holds)
    int duplicates = 0; // already stored: importing the same file again adds nothing
    int ticketsCreated = 0;
    QStringList problems;
};

// Imports a CSV export in one transaction: each row an inquiry (its own ticket unless an order number or
// the customer links it to one), its answer an outgoing message; due in 24 hours as the marketplaces.
Result<CsvImportReport> importCsv(Database& db, const CsvTable& table, const CsvMapping& mapping,
                                  const QString& fileName);

} // namespace casebook
