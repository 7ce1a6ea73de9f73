#pragma once

#include <QByteArray>
#include <QString>

namespace casebook {

// Lower-case hex SHA-256 of the bytes. OpenSSL's: several times faster than QCryptographicHash's, and an
// import hashes every message it reads.
QString sha256Hex(const QByteArray& bytes);

// HMAC-SHA256 of `message` under `key`, the 32 raw bytes (OpenSSL 3's EVP_Q_mac). Signers build on it
// (ESM's JWT), so no code of ours computes a digest by hand.
QByteArray hmacSha256(const QByteArray& key, const QByteArray& message);

} // namespace casebook
