#pragma once

#include "model/result.h"
#include "net/http_transport.h"
#include "net/token_cache.h"

#include <QDateTime>
#include <QString>
#include <optional>
#include <memory>

namespace casebook {

// Naver's client_secret_sign: Base64(bcrypt(client_id + "_" + timestamp, salt = client_secret)). The client
// secret is itself a bcrypt salt ("$2a$04$..."); libxcrypt's crypt_r computes the hash.
Result<QByteArray> naverClientSecretSign(const QString& clientId, qint64 timestampMs,
                                         const QString& clientSecret);

// Access tokens of Naver's Commerce API, one per (base URL, client id), shared by every connector in the
// process and reused until ten minutes before they expire. Expiry is measured on a monotonic timer: the
// gateway expires tokens in real time whatever the app's clock says.
class NaverTokenSource {
public:
    // Without a transport the token is asked for over the network (networkHttpTransport()).
    NaverTokenSource(QString baseUrl, QString clientId, QString clientSecret,
                     std::shared_ptr<HttpTransport> transport = nullptr);

    // A token with more than ten minutes left, fetched when the cache has none.
    Result<QString> token();
    // The gateway refused `token` (401): the next token() fetches a new one, unless a caller already did.
    void invalidate(const QString& token);
    // When the token in the cache was issued and until when Naver takes it (UTC wall time); none when the
    // cache holds none. Shown to the seller (connectors/connection_health.h).
    struct Issued {
        QDateTime at;
        QDateTime validUntil;
    };
    std::optional<Issued> issued() const;

    static constexpr qint64 kRenewBeforeSecs = 600;

private:
    QString cacheKey() const;
    Result<MintedToken> mint();
    QString m_baseUrl;
    QString m_clientId;
    QString m_clientSecret;
    std::shared_ptr<HttpTransport> m_transport;
};

} // namespace casebook
