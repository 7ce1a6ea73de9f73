#pragma once

#include <QByteArray>
#include <QString>

namespace casebook {

// Decodes bytes in the named charset. Korean names map to CP949 (a superset of EUC-KR; ks_c_5601-1987 is
// what Outlook calls it). Unknown charsets and invalid bytes give replacement characters, never an error.
QString decodeCharset(const QByteArray& bytes, const QByteArray& charset);

} // namespace casebook
