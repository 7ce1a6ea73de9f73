#include "net/esm_jwt.h"

#include "model/sha256.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace casebook {
namespace {

QByteArray base64Url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray compactJson(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

QString esmSsi(const EsmSigner& signer)
{
    QStringList parts;
    if (!signer.auctionId.isEmpty())
        parts << QStringLiteral("A:") + signer.auctionId;
    if (!signer.gmarketId.isEmpty())
        parts << QStringLiteral("G:") + signer.gmarketId;
    return parts.join(QLatin1Char(','));
}

QByteArray esmJwt(const EsmSigner& signer, const QString& secretKey, const QDateTime& at)
{
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")},
                             {QStringLiteral("typ"), QStringLiteral("JWT")},
                             {QStringLiteral("kid"), signer.masterId}};
    const QJsonObject payload{{QStringLiteral("iss"), QStringLiteral("www.esmplus.com")},
                              {QStringLiteral("sub"), QStringLiteral("sell")},
                              {QStringLiteral("aud"), QStringLiteral("sa.esmplus.com")},
                              {QStringLiteral("iat"), at.toSecsSinceEpoch()},
                              {QStringLiteral("ssi"), esmSsi(signer)}};
    const QByteArray signingInput = base64Url(compactJson(header)) + '.' + base64Url(compactJson(payload));
    return signingInput + '.' + base64Url(hmacSha256(secretKey.toUtf8(), signingInput));
}

} // namespace casebook
