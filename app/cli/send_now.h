#pragma once

#include "compose/outbox_item.h"
#include "store/database.h"

#include <QString>
#include <functional>

namespace casebook::cli {

class Context;

// Puts `draft` in the outbox and prints `queued(id)`; with --send, then flushes the outbox (recovering what a
// crashed run left) and says whether this item went out. `what` names it in a refusal ("reply", "edit").
// Returns the command's exit code.
int queueAndMaybeSend(Context& c, Database& db, const OutboxDraft& draft, const QString& what,
                      const std::function<QString(qint64 id)>& queued);

} // namespace casebook::cli
