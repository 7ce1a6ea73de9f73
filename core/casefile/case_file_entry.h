#pragma once

#include <QJsonObject>
#include <QString>

namespace casebook {

struct CaseFileOptions {
    bool includeNotes = false;               // internal notes in the PDF's timeline
    bool maskContact = false;                // hide the customer's phone and e-mail (for sharing)
    bool replaceExisting = false;            // the user agreed to replace a file already at the target path
    QString language = QStringLiteral("en"); // the PDF's words: "en" or "ko" (case_file_labels)
};

// One file inside a case file, as the manifest lists it.
struct CaseFileEntry {
    QString path;   // inside the ZIP, built by Casebook: "evidence/01-packing-video.mp4"
    QString source; // where the bytes are on disk while exporting
    QString sha256;
    qint64 size = 0;
    QString role;     // "report", "evidence", "message"
    QJsonObject meta; // times, names, media type: merged into the manifest's entry
};

} // namespace casebook
