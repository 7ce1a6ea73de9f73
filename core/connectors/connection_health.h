// How an account's connection stands, for the CLI (`account list`, `sync`) and the window (the accounts
// dialog, the status bar) alike: when a Coupang key expires and whether to warn, Naver's token, and when the
// account last synced to the end. The rules live here so both faces say the same thing.
#pragma once

#include "accounts/account.h"
#include "model/result.h"
#include "store/database.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <optional>

namespace casebook {

// Coupang lets a key be reissued from 14 days before it expires; Casebook starts warning then.
inline constexpr int kKeyWarningDays = 14;

struct KeyExpiry {
    QDate expires;    // the last day the key works (Korea date)
    qint64 daysLeft;  // from today (Korea date) to `expires`; negative once expired
    bool warn() const { return daysLeft <= kKeyWarningDays; }
    bool expired() const { return daysLeft < 0; }
};

// The account's key expiry (setting `key_expires`), measured from `now`; none when no date is known.
std::optional<KeyExpiry> keyExpiryOf(const Account& account, const QDateTime& now);

// Naver's access token as last issued: when, and until when Naver takes it (UTC).
struct TokenState {
    QDateTime renewedAt;
    QDateTime validUntil;
};

struct AccountHealth {
    std::optional<KeyExpiry> key;
    QDateTime lastSync;               // the end of the last sync that finished (UTC); invalid: none yet
    std::optional<TokenState> token;  // Naver, once a token was issued
};

// The account's health now (the database's clock).
AccountHealth accountHealth(Database& db, const Account& account);

// Where a source's last complete sync is kept (source_cursors), written in the transaction that commits
// its last cursor: "<source>:last_sync".
QString lastSyncKeyOf(const QString& source);
// Where a Naver account's token state is kept (source_cursors): "<source>:token".
QString tokenStateKeyOf(const QString& source);
// The source an account's messages carry ("coupang:shop", "imap:mail").
QString sourceOfAccount(const Account& account);

// Notes the end of a complete sync, in the caller's transaction.
void saveLastSync(SQLite::Database& w, const QString& source, const QDateTime& now);
Result<void> saveTokenState(Database& db, const QString& source, const TokenState& state);

// The CLI's line about an expiring key, or empty when no warning is due ("The Coupang key of shop expires
// on 2026-12-20, in 13 days: …").
QString keyExpiryWarning(const Account& account, const KeyExpiry& key);

// What a Coupang refusal says about the key's expiry, when it names a date (yyyy-MM-dd) — uncertain: the
// gateway's words for an expired key are not published.
std::optional<QDate> expiryNamedIn(const QString& serverWords);

} // namespace casebook
