#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace casebook {

// Coupang's CEA signature (HMAC-SHA256, no token): the message is signed-date + METHOD + path + query, the
// query exactly as sent and without '?'; host and body are not signed.
struct CoupangSignature {
    QString signedDate;       // yyMMdd'T'HHmmss'Z', UTC
    QString signature;        // lower-case hex
    QByteArray authorization; // the whole Authorization header value
};

QString coupangSignedDate(const QDateTime& at);

CoupangSignature coupangSign(const QString& accessKey, const QString& secretKey, const QDateTime& at,
                             const QByteArray& method, const QString& path, const QString& query);

} // namespace casebook
