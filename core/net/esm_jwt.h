#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace casebook {

// Who signs an ESM Trading API call (docs/marketplaces.md): the ESM+ master id and the seller id of each
// site the call may touch (either may be empty, not both).
struct EsmSigner {
    QString masterId;  // the JWT header's kid
    QString gmarketId; // ssi "G:<id>"
    QString auctionId; // ssi "A:<id>"
};

// The "ssi" claim: "A:<auction id>,G:<gmarket id>", a site without an id left out (ESM's guide: one site's
// id alone, or both in one token).
QString esmSsi(const EsmSigner& signer);

// A JWT as ESM takes it: header {"alg":"HS256","typ":"JWT","kid":<master id>}, payload {"iss":
// "www.esmplus.com","sub":"sell","aud":"sa.esmplus.com","iat":<Unix seconds>,"ssi":…}, both Base64URL
// without padding, signed with HMAC-SHA256 under the secret key ESM issued. `at` is real time: the gateway
// compares iat with its own clock.
QByteArray esmJwt(const EsmSigner& signer, const QString& secretKey, const QDateTime& at);

} // namespace casebook
