#include "model/sha256.h"

#include <openssl/evp.h>
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

QByteArray hmacSha256(const QByteArray& key, const QByteArray& message)
{
    unsigned char mac[EVP_MAX_MD_SIZE];
    size_t length = 0;
    // An empty key is a valid HMAC key; OpenSSL wants a non-null pointer for it all the same.
    static const unsigned char kNoKey = 0;
    const unsigned char* k = key.isEmpty() ? &kNoKey : reinterpret_cast<const unsigned char*>(key.constData());
    if (!EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, k, static_cast<size_t>(key.size()),
                   reinterpret_cast<const unsigned char*>(message.constData()), static_cast<size_t>(message.size()),
                   mac, sizeof mac, &length))
        return {};
    return QByteArray(reinterpret_cast<const char*>(mac), static_cast<qsizetype>(length));
}

} // namespace casebook
