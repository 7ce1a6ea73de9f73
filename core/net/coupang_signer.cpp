#include "net/coupang_signer.h"

#include <QMessageAuthenticationCode>

namespace casebook {

QString coupangSignedDate(const QDateTime& at)
{
    return at.toUTC().toString(QStringLiteral("yyMMdd'T'HHmmss'Z'"));
}

CoupangSignature coupangSign(const QString& accessKey, const QString& secretKey, const QDateTime& at,
                             const QByteArray& method, const QString& path, const QString& query)
{
    CoupangSignature s;
    s.signedDate = coupangSignedDate(at);
    const QByteArray message = (s.signedDate + QString::fromLatin1(method) + path + query).toUtf8();
    s.signature = QString::fromLatin1(
        QMessageAuthenticationCode::hash(message, secretKey.toUtf8(), QCryptographicHash::Sha256).toHex());
    s.authorization = QStringLiteral("CEA algorithm=HmacSHA256, access-key=%1, signed-date=%2, signature=%3")
                          .arg(accessKey, s.signedDate, s.signature)
                          .toUtf8();
    return s;
}

} // namespace casebook
