// Access tokens of the marketplaces that hand them out (Naver, eBay): kept for the whole process and shared
// by every connector in it, renewed shortly before they expire and when the service refuses one.
#pragma once

#include "model/result.h"
#include "net/http_transport.h"

#include <QDateTime>
#include <QString>
#include <functional>
#include <optional>

namespace casebook {

struct MintedToken {
    QString token;
    qint64 expiresInSecs = 0;
};

// An OAuth token answer ({"access_token", "expires_in"}); `service` names the one that sent it.
Result<MintedToken> readMintedToken(const QByteArray& body, const QString& service);

// The token kept under `key` while it has more than `renewBeforeSecs` left (measured on a monotonic timer:
// services expire tokens in real time whatever the app's clock says), else a new one from `mint`, kept.
// Callers wait for each other, so one token is minted where several need it at once.
Result<QString> cachedToken(const QString& key, qint64 renewBeforeSecs,
                            const std::function<Result<MintedToken>()>& mint);

// When the token kept under `key` was minted and until when the service takes it (UTC wall time, for the
// seller to read: connectors/connection_health.h); none when none is kept.
struct KeptTokenIssued {
    QDateTime at;
    QDateTime validUntil;
};
std::optional<KeptTokenIssued> keptTokenIssued(const QString& key);

// The service refused `token` (401): the next cachedToken mints another, unless a caller already did.
void forgetToken(const QString& key, const QString& token);

// One call with a token from `source` (token(), invalidate(token)): a 401, the token expired or revoked
// before its time, renews it once and the call is made again.
template <typename TokenSource>
Result<HttpReply> callWithToken(TokenSource& source,
                                const std::function<HttpReply(const QString& token)>& call)
{
    for (int round = 0;; ++round) {
        auto token = source.token();
        if (!token)
            return token.error();
        HttpReply reply = call(token.value());
        if (reply.status == 401 && round == 0) {
            source.invalidate(token.value());
            continue;
        }
        return reply;
    }
}

} // namespace casebook
