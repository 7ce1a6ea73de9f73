#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QString>

// Reading a file a user or a mailbox names, when it may be something other than a file: a FIFO (whose
// open blocks until a writer comes), a device (/dev/zero never ends), a symbolic link to anything. Only a
// regular file is read; anything else is refused with a reason that says what it is.
namespace casebook::regular_file {

// "a pipe (FIFO)", "a device", "a folder", "a symbolic link", "a socket" for a st_mode that is not a
// regular file.
QString kindOf(unsigned int mode);

// An open descriptor (O_CLOEXEC, blocking again once checked) of the regular file at `path`, or why not:
// NotFound when missing, InvalidInput when it is not a regular file (a symbolic link too, unless
// `followLinks`), Io otherwise. The open itself never blocks (O_NONBLOCK), so a FIFO is refused at once.
Result<int> open(const QString& path, bool followLinks);

// The whole regular file, at most `maxBytes` (InvalidInput beyond, without reading more).
Result<QByteArray> readAll(const QString& path, bool followLinks, qint64 maxBytes);

} // namespace casebook::regular_file
