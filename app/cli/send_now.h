#pragma once

#include "store/database.h"

#include <QString>

namespace casebook::cli {

class Context;

// Prints `queuedLine` for the outbox item `id` just queued; with --send, then flushes the outbox
// (recovering what a crashed run left) and says whether this item went out. `what` names it in a refusal
// ("reply", "edit"). Returns the command's exit code.
int sendIfAsked(Context& c, Database& db, qint64 id, const QString& what, const QString& queuedLine);

} // namespace casebook::cli
