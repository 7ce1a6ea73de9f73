#pragma once

#include "model/result.h"
#include "net/http_transport.h"
#include "net/token_cache.h"

#include <QString>
#include <memory>

namespace casebook {

// What an eBay account's secret holds: the application's client secret (Cert ID) and the seller's refresh
// token, separated by white space (neither contains any). The client id (App ID) is an account field.
struct EbayCredentials {
    QString clientId;
    QString clientSecret;
    QString refreshToken;
};
Result<EbayCredentials> ebayCredentials(const QString& clientId, const QString& secret);

// eBay's OAuth user access tokens (they live about two hours), minted with the refresh token
// (POST /identity/v1/oauth2/token, grant_type=refresh_token, Basic client id:secret). One per (base URL,
// client id, refresh token), shared by every connector in the process and reused until five minutes before
// it expires, on a monotonic timer (eBay expires tokens in real time whatever the app's clock says).
class EbayTokenSource {
public:
    // Without a transport the token is asked for over the network (networkHttpTransport()).
    EbayTokenSource(QString baseUrl, EbayCredentials credentials,
                    std::shared_ptr<HttpTransport> transport = nullptr);

    // A token with more than five minutes left, minted when the cache has none.
    Result<QString> token();
    // eBay refused `token` (401, expired or revoked): the next token() mints a new one, unless another
    // caller already replaced it.
    void invalidate(const QString& token);

    static constexpr qint64 kRenewBeforeSecs = 300;

private:
    QString cacheKey() const;
    Result<MintedToken> mint();
    QString m_baseUrl;
    EbayCredentials m_credentials;
    std::shared_ptr<HttpTransport> m_transport;
};

} // namespace casebook
