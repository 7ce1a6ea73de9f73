#include "model/sha256.h"

#include <openssl/sha.h>

namespace casebook {

QString sha256Hex(const QByteArray& bytes)
{
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(bytes.constData()), static_cast<size_t>(bytes.size()),
           digest);
    static constexpr char kHex[] = "0123456789abcdef";
    QString out(2 * SHA256_DIGEST_LENGTH, Qt::Uninitialized);
    QChar* p = out.data();
    for (unsigned char b : digest) {
        *p++ = QLatin1Char(kHex[b >> 4]);
        *p++ = QLatin1Char(kHex[b & 0xF]);
    }
    return out;
}

} // namespace casebook
