// CSV exports of boards without an API (Kmong, 11st, Gmarket, Coupang and Naver without API access, anything
// else): read as Excel saves them
// (UTF-8 with or without BOM, or CP949), mapped column by column to inquiry fields.
#pragma once

#include "model/result.h"
#include "model/values.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace casebook {

// A CSV file as text: the header and the rows; quoted fields may hold commas, quotes and line breaks.
struct CsvTable {
    QStringList header;
    QList<QStringList> rows;
    QString encoding; // "UTF-8" or "CP949", as detected
    QStringList problems; // lines read in another encoding than the file's, quotes never closed
};

// Decodes the bytes (a UTF-8 BOM, else UTF-8 when valid, else CP949; a UTF-8 file with some CP949 lines
// is decoded line by line) and splits them (comma, or tab when the header holds tabs and no commas). What
// had to be guessed is in `problems`; csvMessages reports it with the rows' own problems.
Result<CsvTable> readCsv(const QByteArray& bytes);
Result<CsvTable> readCsvFile(const QString& path);

// The fields a column can fill. `text` (the question) is required; `id` gives a stable row id (else one is
// made from the date, customer and text).
const QStringList& csvFields();

// Which column fills which field, by header name.
struct CsvMapping {
    QString source;                      // names the board in external ids: csv:<source>:<row id>
    QHash<QString, QStringList> columns; // field -> header names to try, first found wins
    bool allowUndated = false;           // a file without a date column is refused unless this is set

    // Presets: kmong, 11st, gmarket, coupang, naver, generic (data: resources/csv_presets/presets.json).
    static Result<CsvMapping> preset(const QString& name);
    static QStringList presetNames();
    // The preset whose columns the header row has most of (a board's own columns count most); an error
    // when no preset finds a text column or two boards fit the header equally well.
    static Result<CsvMapping> detect(const QStringList& header);
    // Every column name any preset reads an answer or its date from: left out of a question's identity, so
    // a row answered on the board since the last export, or read with another mapping, is the same row.
    static const QStringList& answerColumnNames();
    // "column=field,column=field" as the CLI's --map takes it.
    static Result<CsvMapping> fromSpec(const QString& spec, const QString& source = QStringLiteral("custom"));

    // The header index of each field found; an error names a missing `text` column and the header seen.
    Result<QHash<QString, int>> resolve(const QStringList& header) const;
};

// The messages of a table: per row the question and, when the row holds one, the answer already given.
// Rows without text are reported in `problems` and skipped.
struct CsvMessages {
    QList<InboundMessage> messages;
    QStringList problems;
};
Result<CsvMessages> csvMessages(const CsvTable& table, const CsvMapping& mapping, const QString& sourceLabel);

} // namespace casebook
