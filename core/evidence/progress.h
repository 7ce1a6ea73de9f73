#pragma once

#include <QtGlobal>
#include <functional>

namespace casebook {

// Called with (bytes done, bytes total) while a long job streams a file; returning false cancels the job,
// which then leaves nothing half-done behind. Runs on the job's thread: a UI forwards it through a signal.
using Progress = std::function<bool(qint64 done, qint64 total)>;

} // namespace casebook
