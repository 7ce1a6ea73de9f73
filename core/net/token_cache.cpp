#include "net/token_cache.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <mutex>

namespace casebook {
namespace {

struct CachedToken {
    QString token;
    QDeadlineTimer renewAt;
    QDateTime issuedAt; // wall time, for the seller to read only
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

} // namespace

Result<MintedToken> readMintedToken(const QByteArray& body, const QString& service)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    MintedToken t{o.value(QStringLiteral("access_token")).toString(),
                  o.value(QStringLiteral("expires_in")).toVariant().toLongLong()};
    if (t.token.isEmpty())
        return makeError(ErrorCode::Damaged,
                         QStringLiteral("%1's token answer holds no access_token.").arg(service));
    return t;
}

Result<QString> cachedToken(const QString& key, qint64 renewBeforeSecs,
                            const std::function<Result<MintedToken>()>& mint)
{
    std::lock_guard lock(cacheMutex());
    if (auto it = cache().constFind(key); it != cache().constEnd() && !it->renewAt.hasExpired())
        return it->token;
    auto minted = mint();
    if (!minted)
        return minted.error();
    const QDateTime issuedAt = QDateTime::currentDateTimeUtc();
    cache().insert(key, {minted->token,
                         QDeadlineTimer(std::max<qint64>(0, minted->expiresInSecs - renewBeforeSecs) * 1000),
                         issuedAt, issuedAt.addSecs(minted->expiresInSecs)});
    return minted->token;
}

std::optional<KeptTokenIssued> keptTokenIssued(const QString& key)
{
    std::lock_guard lock(cacheMutex());
    const auto it = cache().constFind(key);
    if (it == cache().constEnd())
        return std::nullopt;
    return KeptTokenIssued{it->issuedAt, it->validUntil};
}

void forgetToken(const QString& key, const QString& token)
{
    std::lock_guard lock(cacheMutex());
    if (auto it = cache().constFind(key); it != cache().constEnd() && it->token == token)
        cache().remove(key);
}

} // namespace casebook
