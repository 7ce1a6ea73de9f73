#pragma once

#include <QByteArray>
#include <QString>

namespace casebook {

// Lower-case hex SHA-256 of the bytes. OpenSSL's: several times faster than QCryptographicHash's, and an
// import hashes every message it reads.
QString sha256Hex(const QByteArray& bytes);

} // namespace casebook
