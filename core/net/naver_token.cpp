#include "net/naver_token.h"

#include "net/marketplace_http.h"
#include "net/token_cache.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <crypt.h>
#include <memory>

namespace casebook {

Result<QByteArray> naverClientSecretSign(const QString& clientId, qint64 timestampMs,
                                         const QString& clientSecret)
{
    if (!clientSecret.startsWith(QLatin1String("$2")))
        return makeError(
            QStringLiteral("The Naver client secret does not look like one (it starts with \"$2a$\"): "
                           "copy it again from the Commerce API center."));
    const QByteArray password = (clientId + QLatin1Char('_') + QString::number(timestampMs)).toUtf8();
    const QByteArray salt = clientSecret.toUtf8();
    auto data = std::make_unique<crypt_data>(); // large; zeroed as crypt_r requires
    const char* hashed = crypt_r(password.constData(), salt.constData(), data.get());
    if (!hashed || hashed[0] == '*')
        return makeError(
            QStringLiteral("The Naver client secret is not a valid bcrypt salt: copy it again from "
                           "the Commerce API center."));
    return QByteArray(hashed).toBase64();
}

namespace {

QString gatewayWords(const QByteArray& body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QString code = o.value(QStringLiteral("code")).toString();
    const QString message = o.value(QStringLiteral("message")).toString();
    if (code.isEmpty() && message.isEmpty())
        return QString::fromUtf8(body.left(200)).simplified();
    return code.isEmpty() ? message : code + QStringLiteral(": ") + message;
}

} // namespace

NaverTokenSource::NaverTokenSource(QString baseUrl, QString clientId, QString clientSecret,
                                   std::shared_ptr<HttpTransport> transport)
    : m_baseUrl(std::move(baseUrl)), m_clientId(std::move(clientId)), m_clientSecret(std::move(clientSecret)),
      m_transport(transport ? std::move(transport) : networkHttpTransport())
{
}

QString NaverTokenSource::cacheKey() const
{
    return m_baseUrl + QLatin1Char('\n') + m_clientId;
}

void NaverTokenSource::invalidate(const QString& token)
{
    forgetToken(cacheKey(), token);
}

std::optional<NaverTokenSource::Issued> NaverTokenSource::issued() const
{
    const auto kept = keptTokenIssued(cacheKey());
    if (!kept)
        return std::nullopt;
    return Issued{kept->at, kept->validUntil};
}

Result<QString> NaverTokenSource::token()
{
    return cachedToken(cacheKey(), kRenewBeforeSecs, [this] { return mint(); });
}

Result<MintedToken> NaverTokenSource::mint()
{
    // The gateway checks the timestamp against its own clock (5 minutes), so it is real time.
    const qint64 timestamp = QDateTime::currentMSecsSinceEpoch();
    auto sign = naverClientSecretSign(m_clientId, timestamp, m_clientSecret);
    if (!sign)
        return sign.error();
    const QList<QPair<QString, QString>> fields = {
        {QStringLiteral("client_id"), m_clientId},
        {QStringLiteral("timestamp"), QString::number(timestamp)},
        {QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
        {QStringLiteral("client_secret_sign"), QString::fromLatin1(sign.value())},
        {QStringLiteral("type"), QStringLiteral("SELF")}};
    QByteArrayList form;
    for (const auto& [key, value] : fields)
        form << key.toUtf8() + '=' + QUrl::toPercentEncoding(value);
    HttpRequest req;
    req.method = "POST";
    req.url = QUrl(m_baseUrl + QStringLiteral("/v1/oauth2/token"));
    req.headers << qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
    req.body = form.join('&');
    const HttpReply reply = m_transport->exchange(req);
    if (!reply.answered())
        return makeError(ErrorCode::Io,
                         QStringLiteral("Naver did not answer the token request: %1").arg(reply.error));
    if (reply.status != 200)
        return makeError(
            reply.status == 429 ? ErrorCode::RateLimited : ErrorCode::Refused,
            QStringLiteral("Naver refused the token request (HTTP %1, %2): check the client id and "
                           "secret of the account.")
                .arg(reply.status)
                .arg(gatewayWords(reply.body)));
    return readMintedToken(reply.body, QStringLiteral("Naver"));
}

} // namespace casebook
