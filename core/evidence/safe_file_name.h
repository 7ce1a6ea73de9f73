#pragma once

#include <QString>

namespace casebook {

// A file name that is safe to show and to use as the last part of a path on Linux, macOS and Windows:
// no folders, no controls or bidi/format characters (so `invoice<RLO>gpj.exe` shows as what it is), no
// Windows device names or trailing dots, NFC, and at most `maxUtf8Bytes` bytes of UTF-8 (file systems
// count bytes, and a Korean character takes three) with the extension kept. Never empty.
QString safeFileName(const QString& name, int maxUtf8Bytes = 180);

} // namespace casebook
