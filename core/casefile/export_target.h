#pragma once

#include "model/result.h"

#include <QString>

namespace casebook::export_target {

// Where a case file may be written, checked before any work: the path must name a regular file or
// nothing (never a FIFO, a device, a folder or a symbolic link, which a rename would replace or a write
// would follow), must not lie in the database's folder or anywhere in its evidence locker (a case file
// written there could replace the database or a stored original), and an existing file is replaced only
// when `replaceExisting` says the user agreed. Returns the absolute target path.
Result<QString> check(const QString& outPath, const QString& databasePath, const QString& lockerDir,
                      bool replaceExisting);

// A fresh temporary name beside `target`, starting with "<target>.partial", so that a crash leaves only
// names a person recognises and never collides with another export writing the same target.
QString partialNameFor(const QString& target);

// Gives the finished `partial` its name `target`. Without `replaceExisting` this never replaces a file
// that appeared since check() (an atomic no-replace rename); with it, only a regular file is replaced.
Result<void> moveIntoPlace(const QString& partial, const QString& target, bool replaceExisting);

} // namespace casebook::export_target
