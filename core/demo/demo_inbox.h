// core/demo/ owns the demo inbox: a recorded seller's inbox (resources/demo/) loaded through the same
// parsing and ingest paths as real mail and marketplace data, into a demo database under the cache folder.
#pragma once

#include "model/clock.h"
#include "model/result.h"
#include "store/database.h"

#include <QStringList>

namespace casebook {

struct DemoLoadReport {
    int messages = 0;
    int quarantined = 0;
    int tickets = 0;
    int evidence = 0;
    int orders = 0;
    QStringList problems;
};

class DemoInbox {
public:
    // The demo source compiled into the program (Qt resources).
    static QString resourceRoot();

    // A hash over every file of the demo source: the demo database is rebuilt when it changes.
    static QString fingerprint(const QString& root);

    // Loads the demo into a database. Dates are replayed so that the demo's reference time is "now".
    static Result<DemoLoadReport> load(Database& db, const QString& root);

    // The demo database under the cache folder: built on first use, and built again when the demo source
    // changed or the last build is more than a day old (so answer-due clocks stay lifelike).
    static Result<QString> ensureDatabase(const Clock& clock, const QString& root = resourceRoot());
    static QString databasePath();
};

// The database a program opens: the demo's with --demo, else --db FILE, else $CASEBOOK_DB or the default.
Result<QString> chooseDatabasePath(const QString& dbOption, bool demo, const Clock& clock);

} // namespace casebook
