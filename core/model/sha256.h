#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

namespace casebook {

inline QString sha256Hex(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace casebook
