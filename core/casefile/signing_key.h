#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QString>
#include <memory>
#include <optional>

typedef struct evp_pkey_st EVP_PKEY;

namespace casebook {

// The seller's Ed25519 key that signs case files (OpenSSL 3, EVP). Its fingerprint is what the seller
// publishes and a receiver compares: the SHA-256 of the 32-byte raw public key, in lowercase hex, in 16
// groups of four separated by spaces ("3f9a 07c2 …"). The same value comes out of
// `openssl pkey -pubin -in public-key.pem -outform DER | tail -c 32 | sha256sum`.
class SigningKey {
public:
    static Result<SigningKey> generate();
    // PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"), as privatePem() writes it; other key types are refused.
    static Result<SigningKey> fromPrivatePem(const QByteArray& pem);

    QByteArray privatePem() const;
    QByteArray publicPem() const; // SubjectPublicKeyInfo, what `openssl pkeyutl -pubin -inkey` reads
    QByteArray publicRaw() const; // the 32 bytes
    QString fingerprint() const;
    // The 64-byte Ed25519 signature of `data` (PureEdDSA: the message itself, no pre-hash).
    Result<QByteArray> sign(const QByteArray& data) const;

private:
    explicit SigningKey(std::shared_ptr<EVP_PKEY> key) : m_key(std::move(key)) {}
    std::shared_ptr<EVP_PKEY> m_key;
};

namespace signing {

QString fingerprint(const QByteArray& rawPublicKey);
// A fingerprint as a person typed or pasted it (any case, spaces, colons or dashes between digits) as 64
// lowercase hex digits; nullopt when it is not one.
std::optional<QString> normalizedFingerprint(const QString& text);
// The raw public key of an Ed25519 SubjectPublicKeyInfo PEM; fails on anything else.
Result<QByteArray> publicRawFromPem(const QByteArray& pem);
bool verify(const QByteArray& rawPublicKey, const QByteArray& data, const QByteArray& signature);

} // namespace signing
} // namespace casebook
