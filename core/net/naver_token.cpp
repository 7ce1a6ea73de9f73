#include "net/naver_token.h"

#include "net/marketplace_http.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <crypt.h>
#include <memory>
#include <mutex>

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

struct CachedToken {
    QString token;
    QDeadlineTimer renewAt;
    QDateTime issuedAt;   // wall time, for the seller to read only
    QDateTime validUntil;
};

std::mutex& cacheMutex()
{
    static std::mutex m;
    return m;
}

QHash<QString, CachedToken>& cache()
{
    static QHash<QString, CachedToken> c;
    return c;
}

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

void NaverTokenSource::invalidate()
{
    std::lock_guard lock(cacheMutex());
    cache().remove(cacheKey());
}

std::optional<NaverTokenSource::Issued> NaverTokenSource::issued() const
{
    std::lock_guard lock(cacheMutex());
    const auto it = cache().constFind(cacheKey());
    if (it == cache().constEnd())
        return std::nullopt;
    return Issued{it->issuedAt, it->validUntil};
}

Result<QString> NaverTokenSource::token()
{
    std::lock_guard lock(cacheMutex());
    if (auto it = cache().constFind(cacheKey()); it != cache().constEnd() && !it->renewAt.hasExpired())
        return it->token;
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
    const QJsonObject o = QJsonDocument::fromJson(reply.body).object();
    const QString token = o.value(QStringLiteral("access_token")).toString();
    const qint64 expiresIn = o.value(QStringLiteral("expires_in")).toVariant().toLongLong();
    if (token.isEmpty())
        return makeError(ErrorCode::Damaged, QStringLiteral("Naver's token answer holds no access_token."));
    const QDateTime issuedAt = QDateTime::currentDateTimeUtc();
    cache().insert(cacheKey(), {token, QDeadlineTimer(std::max<qint64>(0, expiresIn - kRenewBeforeSecs) * 1000),
                                issuedAt, issuedAt.addSecs(expiresIn)});
    return token;
}

} // namespace casebook
