#pragma once

#include "model/enums.h"

#include <QDateTime>
#include <QString>

namespace casebook {

// The words of a case file's PDF in the language it is exported in ("en" or "ko"). core has no translator
// (the CLI loads none), so the report's few dozen labels are a table here; statuses and categories say
// what the window says in that language.
namespace case_file_labels {

bool supported(const QString& language);
// The user's language when it is one of ours (Korean), else English.
QString defaultLanguage();

// `english` as the language says it; English itself, or a word the table lacks, unchanged.
QString text(const QString& language, const char* english);
QString status(const QString& language, TicketStatus s);
QString category(const QString& language, Category c);
QString direction(const QString& language, Direction d); // "← received", "→ sent", "✎ internal note"
// A custody entry's action as a reader of this language reads it; in Korean with the stored word beside it
// ("추가됨 (added)"), which is what manifest.json and the hash chain hold.
QString custodyAction(const QString& language, const QString& action);

// Local time with its zone and offset: "2026-03-05 14:22 KST (UTC+09:00)"; "—" for no time.
QString when(const QDateTime& t);

} // namespace case_file_labels
} // namespace casebook
