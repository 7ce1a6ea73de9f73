#pragma once

#include <QByteArray>
#include <QString>

namespace casebook {

// RFC 2047 encoded words, decoded the way mail from Korean webmail needs: adjacent words of one charset are
// joined as BYTES before the charset conversion (mailers split a base64 run anywhere, also inside a
// three-byte UTF-8 syllable, and pad each piece with '='), whitespace between two encoded words is dropped,
// plain words between them are kept, and Korean labels (ks_c_5601-1987, EUC-KR) are read as CP949.

// The text of one header value, encoded words decoded and everything else kept as it stands.
QString decodeHeaderWords(const QByteArray& value);

// The header block with every run of adjacent encoded words replaced by one UTF-8 base64 word, so that
// GMime (whose decoder drops the word after a '='-padded one, and hands ks_c_5601-1987 to iconv as KS X 1001)
// reads each header exactly as decodeHeaderWords would. Returns `head` unchanged when it has no encoded word.
QByteArray mergeEncodedWords(const QByteArray& head);

} // namespace casebook
