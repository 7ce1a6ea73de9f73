#pragma once

#include "store/database.h"

#include <QString>

namespace casebook::cli {

// Flushes the outbox (recovering what a crashed run left) and says whether the queued item `id` went out;
// `what` names it in the refusal ("reply", "edit"). Returns the command's exit code.
int sendNow(Database& db, qint64 id, const QString& what);

} // namespace casebook::cli
