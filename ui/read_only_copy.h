#pragma once

#include "model/result.h"

#include <QString>
#include <functional>

namespace casebook::ui {

// A copy of a stored file (an attachment, an evidence original) for the desktop's viewer: written by
// `write` into a folder of this session under a sanitised name, then made read-only, so a viewer can neither
// change the kept original nor be tricked by the name the sender chose.
Result<QString> readOnlyCopy(const QString& name,
                             const std::function<Result<void>(const QString& path)>& write);

// readOnlyCopy, then QDesktopServices opens it.
Result<void> openReadOnlyCopy(const QString& name,
                              const std::function<Result<void>(const QString& path)>& write);

} // namespace casebook::ui
