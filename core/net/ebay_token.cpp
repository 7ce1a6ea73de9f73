#include "net/ebay_token.h"

#include "model/sha256.h"
#include "net/marketplace_http.h"
#include "net/token_cache.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace casebook {
namespace {

// eBay's identity service answers errors the OAuth way ({"error", "error_description"}).
QString identityWords(const HttpReply& reply)
{
    const QJsonObject o = QJsonDocument::fromJson(reply.body).object();
    const QString error = o.value(QStringLiteral("error")).toString();
    const QString words = o.value(QStringLiteral("error_description")).toString();
    if (error.isEmpty() && words.isEmpty())
        return QString::fromUtf8(reply.body.left(200)).simplified();
    return words.isEmpty() ? error : error + QStringLiteral(": ") + words;
}

} // namespace

Result<EbayCredentials> ebayCredentials(const QString& clientId, const QString& secret)
{
    const QStringList parts = secret.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (clientId.trimmed().isEmpty() || parts.size() != 2)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("An eBay account needs its App ID (client id) as a field and, as its "
                                        "secret, the Cert ID (client secret) and the seller's refresh token "
                                        "separated by a space."));
    return EbayCredentials{clientId.trimmed(), parts[0], parts[1]};
}

EbayTokenSource::EbayTokenSource(QString baseUrl, EbayCredentials credentials,
                                 std::shared_ptr<HttpTransport> transport)
    : m_baseUrl(std::move(baseUrl)), m_credentials(std::move(credentials)),
      m_transport(transport ? std::move(transport) : networkHttpTransport())
{
}

QString EbayTokenSource::cacheKey() const
{
    // The refresh token names the seller; only its hash is kept as a key.
    return m_baseUrl + QLatin1Char('\n') + m_credentials.clientId + QLatin1Char('\n') +
           sha256Hex(m_credentials.refreshToken.toUtf8());
}

void EbayTokenSource::invalidate(const QString& token)
{
    forgetToken(cacheKey(), token);
}

Result<QString> EbayTokenSource::token()
{
    return cachedToken(cacheKey(), kRenewBeforeSecs, [this] { return mint(); });
}

Result<MintedToken> EbayTokenSource::mint()
{
    // No scope: the new token carries the scopes the seller consented to (RFC 6749, 6).
    HttpRequest req;
    req.method = "POST";
    req.url = QUrl(m_baseUrl + QStringLiteral("/identity/v1/oauth2/token"));
    req.headers << qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
    req.headers << qMakePair(
        QByteArray("Authorization"),
        "Basic " +
            (m_credentials.clientId + QLatin1Char(':') + m_credentials.clientSecret).toUtf8().toBase64());
    req.body =
        "grant_type=refresh_token&refresh_token=" + QUrl::toPercentEncoding(m_credentials.refreshToken);
    const HttpReply reply = m_transport->exchange(req);
    if (!reply.answered())
        return makeError(ErrorCode::Io,
                         QStringLiteral("eBay did not answer the token request: %1").arg(reply.error));
    if (reply.status != 200)
        return makeError(
            reply.status == 429   ? ErrorCode::RateLimited
            : reply.status >= 500 ? ErrorCode::Io
                                  : ErrorCode::Refused,
            QStringLiteral(
                "eBay refused to renew the access token (HTTP %1, %2): check the App ID, the Cert ID "
                "and the refresh token of the account; a refresh token lasts 18 months, then the "
                "seller consents again.")
                .arg(reply.status)
                .arg(identityWords(reply)));
    return readMintedToken(reply.body, QStringLiteral("eBay"));
}

} // namespace casebook
