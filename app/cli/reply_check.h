#pragma once

#include "compose/reply_service.h"

#include <QCommandLineOption>
#include <functional>

namespace casebook::cli {

class Context;

// The options every command that answers takes besides its text: --override-tone REASON, --dry-run, --json.
QList<QCommandLineOption> replyCheckOptions();

// The one way a CLI command answers a ticket: through the ReplyService, as the window does. With
// --dry-run it prints the check (text, or --json) and queues nothing; else a reply with a problem
// (unfilled placeholders, the board's length) or tone findings is refused with each finding named, unless
// --override-tone gives the reason to send it anyway (kept in the ticket's history). A queued reply prints
// `queuedLine` and, with --send, goes out now. Returns the exit code.
int answerThroughService(Context& c, Database& db, const ReplyRequest& request, const QString& what,
                         const std::function<QString(const ReplyOutcome&)>& queuedLine);

} // namespace casebook::cli
