#include "casefile/signing_key.h"

#include "casefile/openssl_error.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace casebook {
namespace {

constexpr size_t kRawKeySize = 32;
constexpr size_t kSignatureSize = 64;

std::shared_ptr<EVP_PKEY> own(EVP_PKEY* key)
{
    return key ? std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free) : nullptr;
}

QByteArray bioBytes(BIO* bio)
{
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(n));
}

using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;

Bio readBio(const QByteArray& bytes)
{
    return Bio(BIO_new_mem_buf(bytes.constData(), static_cast<int>(bytes.size())), BIO_free);
}

} // namespace

Result<SigningKey> SigningKey::generate()
{
    EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    if (!key)
        return makeError(ErrorCode::Unknown,
                         QStringLiteral("Could not create a signing key: %1").arg(opensslReason()));
    return SigningKey(own(key));
}

Result<SigningKey> SigningKey::fromPrivatePem(const QByteArray& pem)
{
    Bio bio = readBio(pem);
    auto key = own(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key) {
        ERR_clear_error();
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("This is not a private key in PEM form (\"BEGIN PRIVATE KEY\")."));
    }
    if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_ED25519)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("This private key is not an Ed25519 key; case files are signed "
                                        "with Ed25519 only."));
    return SigningKey(key);
}

QByteArray SigningKey::privatePem() const
{
    Bio bio(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    return bioBytes(bio.get());
}

QByteArray SigningKey::publicPem() const
{
    Bio bio(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_PUBKEY(bio.get(), m_key.get());
    return bioBytes(bio.get());
}

QByteArray SigningKey::publicRaw() const
{
    QByteArray raw(kRawKeySize, '\0');
    size_t n = kRawKeySize;
    if (EVP_PKEY_get_raw_public_key(m_key.get(), reinterpret_cast<unsigned char*>(raw.data()), &n) != 1)
        return {};
    raw.resize(static_cast<qsizetype>(n));
    return raw;
}

QString SigningKey::fingerprint() const
{
    return signing::fingerprint(publicRaw());
}

Result<QByteArray> SigningKey::sign(const QByteArray& data) const
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    QByteArray sig(kSignatureSize, '\0');
    size_t n = kSignatureSize;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, m_key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &n,
                       reinterpret_cast<const unsigned char*>(data.constData()),
                       static_cast<size_t>(data.size())) != 1)
        return makeError(ErrorCode::Unknown,
                         QStringLiteral("Could not sign the manifest: %1").arg(opensslReason()));
    sig.resize(static_cast<qsizetype>(n));
    return sig;
}

namespace signing {

QString fingerprint(const QByteArray& rawPublicKey)
{
    const QString hex =
        QString::fromLatin1(QCryptographicHash::hash(rawPublicKey, QCryptographicHash::Sha256).toHex());
    QStringList groups;
    for (qsizetype i = 0; i < hex.size(); i += 4)
        groups << hex.mid(i, 4);
    return groups.join(QLatin1Char(' '));
}

std::optional<QString> normalizedFingerprint(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s:\\-]"));
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    const QString digits = text.toLower().remove(separators);
    if (!hex.match(digits).hasMatch())
        return std::nullopt;
    return digits;
}

Result<QByteArray> publicRawFromPem(const QByteArray& pem)
{
    Bio bio = readBio(pem);
    auto key = own(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_ED25519) {
        ERR_clear_error();
        return makeError(ErrorCode::Damaged, QStringLiteral("not an Ed25519 public key in PEM form"));
    }
    QByteArray raw(kRawKeySize, '\0');
    size_t n = kRawKeySize;
    if (EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char*>(raw.data()), &n) != 1)
        return makeError(ErrorCode::Damaged, QStringLiteral("the public key cannot be read"));
    return raw;
}

bool verify(const QByteArray& rawPublicKey, const QByteArray& data, const QByteArray& signature)
{
    auto key = own(EVP_PKEY_new_raw_public_key(
        EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char*>(rawPublicKey.constData()),
        static_cast<size_t>(rawPublicKey.size())));
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    const bool ok = key && ctx && signature.size() == static_cast<qsizetype>(kSignatureSize) &&
                    EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
                    EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.constData()),
                                     static_cast<size_t>(signature.size()),
                                     reinterpret_cast<const unsigned char*>(data.constData()),
                                     static_cast<size_t>(data.size())) == 1;
    ERR_clear_error();
    return ok;
}

} // namespace signing
} // namespace casebook
