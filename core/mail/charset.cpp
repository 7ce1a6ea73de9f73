#include "mail/charset.h"

#include <QStringDecoder>

namespace casebook {
namespace {

QByteArray canonicalName(QByteArray name)
{
    name = name.trimmed().toLower();
    if (name.startsWith('"') && name.endsWith('"') && name.size() >= 2)
        name = name.mid(1, name.size() - 2);
    if (name == "ks_c_5601-1987" || name == "ks_c_5601" || name == "ksc5601" || name == "euc-kr" ||
        name == "euckr" || name == "x-windows-949" || name == "windows-949" || name == "uhc" || name == "cp949" ||
        name == "ms949")
        return "windows-949"; // ICU's "CP949" is IBM's code page, not the Unified Hangul Code
    if (name.isEmpty() || name == "us-ascii" || name == "ascii" || name == "unknown-8bit" || name == "x-unknown")
        return "UTF-8";
    if (name == "utf8")
        return "UTF-8";
    return name;
}

} // namespace

QString decodeCharset(const QByteArray& bytes, const QByteArray& charset)
{
    const QByteArray name = canonicalName(charset);
    QStringDecoder decoder(name.constData(), QStringDecoder::Flag::Stateless);
    if (!decoder.isValid()) {
        // An unknown label: try UTF-8, and if that is not valid either, keep what reads as Latin-1-ish text
        // with replacement characters for the rest. The raw bytes stay in the store regardless.
        QStringDecoder utf8(QStringDecoder::Utf8);
        return utf8.decode(bytes);
    }
    return decoder.decode(bytes);
}

} // namespace casebook
