#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace casebook {

// RFC 3161 trusted timestamps of a case file's manifest: a timestamp authority (TSA) the seller names signs
// "this SHA-256 existed at this time", so a case file shows it was made no later than then. The token is
// kept in the ZIP as manifest.tsr (a TimeStampResp, what `openssl ts -verify -in manifest.tsr -data
// manifest.json -CAfile CA.pem` checks).
namespace case_file_timestamp {

inline const QString kSettingKey = QStringLiteral("casefile.tsa_url");
inline const QString kTokenName = QStringLiteral("manifest.tsr");

// What the setting may hold: empty (no timestamps) or the http(s) address of an authority. The CLI's
// `settings set tsa_url` and the window's Settings both check with this.
bool isAcceptableUrl(const QString& url);

// Asks the authority at `url` (HTTP POST, application/timestamp-query) to stamp `data`'s SHA-256; the reply
// is checked to be granted and to stamp that hash before it is returned.
Result<QByteArray> request(const QString& url, const QByteArray& data, int timeoutMs = 30000);

struct Check {
    QDateTime time;  // when the authority says it stamped the hash (valid when it could be read)
    QString problem; // empty when the token holds
};
// The token must be a granted reply for `data`'s SHA-256, signed by an authority whose certificate chains to
// a certificate in `caFile` (PEM; empty: the system's CA bundle; null: the signature is not checked).
Check check(const QByteArray& token, const QByteArray& data, const QString& caFile);

} // namespace case_file_timestamp
} // namespace casebook
