#include "connectors/connection_health.h"

#include "connectors/marketplace_connector.h"
#include "model/channel_keys.h"
#include "store/ticket_lookup.h"
#include "store/ticket_writes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace casebook {

QString lastSyncKeyOf(const QString& source)
{
    return source + QStringLiteral(":last_sync");
}

QString tokenStateKeyOf(const QString& source)
{
    return source + QStringLiteral(":token");
}

QString sourceOfAccount(const Account& account)
{
    return sourceFor(channelOfAccountKind(account.kind).channel, account.name);
}

std::optional<KeyExpiry> keyExpiryOf(const Account& account, const QDateTime& now)
{
    const QDate expires = QDate::fromString(account.setting(QStringLiteral("key_expires")), Qt::ISODate);
    if (!expires.isValid())
        return std::nullopt;
    // Coupang counts the key's days in Korea, as the marketplaces count every day.
    return KeyExpiry{expires, koreaDate(now).daysTo(expires)};
}

void saveLastSync(SQLite::Database& w, const QString& source, const QDateTime& now)
{
    ticket_writes::saveSourceCursor(w, lastSyncKeyOf(source), now.toUTC().toString(Qt::ISODate), now);
}

Result<void> saveTokenState(Database& db, const QString& source, const TokenState& state)
{
    const QString text = QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("renewed"), state.renewedAt.toUTC().toString(Qt::ISODate)},
                                  {QStringLiteral("valid_until"),
                                   state.validUntil.toUTC().toString(Qt::ISODate)}})
            .toJson(QJsonDocument::Compact));
    return db.write([&](SQLite::Database& w) -> Result<void> {
        ticket_writes::saveSourceCursor(w, tokenStateKeyOf(source), text, db.clock().now());
        return {};
    });
}

AccountHealth accountHealth(Database& db, const Account& account)
{
    AccountHealth h;
    h.key = keyExpiryOf(account, db.clock().now());
    const QString source = sourceOfAccount(account);
    SQLite::Database& r = db.reader();
    h.lastSync = QDateTime::fromString(ticket_lookup::sourceCursor(r, lastSyncKeyOf(source)), Qt::ISODate);
    const QJsonObject token =
        QJsonDocument::fromJson(ticket_lookup::sourceCursor(r, tokenStateKeyOf(source)).toUtf8()).object();
    if (!token.isEmpty())
        h.token = TokenState{
            QDateTime::fromString(token.value(QStringLiteral("renewed")).toString(), Qt::ISODate),
            QDateTime::fromString(token.value(QStringLiteral("valid_until")).toString(), Qt::ISODate)};
    return h;
}

QString keyExpiryWarning(const Account& account, const KeyExpiry& key)
{
    if (!key.warn())
        return {};
    const QString date = key.expires.toString(Qt::ISODate);
    if (key.expired())
        return QStringLiteral("The Coupang key of \"%1\" expired on %2: issue a new one in Wing (판매자정보 > "
                              "추가판매정보 > OPEN API 키 발급) and set it with `account add`.")
            .arg(account.name, date);
    return QStringLiteral("The Coupang key of \"%1\" expires on %2, %3: reissue it in Wing (판매자정보 > "
                          "추가판매정보 > OPEN API 키 발급) and enter the new key and date.")
        .arg(account.name, date,
             key.daysLeft == 0   ? QStringLiteral("today")
             : key.daysLeft == 1 ? QStringLiteral("tomorrow")
                                 : QStringLiteral("in %1 days").arg(key.daysLeft));
}

std::optional<QDate> expiryNamedIn(const QString& serverWords)
{
    if (!serverWords.contains(QStringLiteral("expire"), Qt::CaseInsensitive) &&
        !serverWords.contains(QStringLiteral("만료")))
        return std::nullopt;
    static const QRegularExpression date(QStringLiteral("(\\d{4}-\\d{2}-\\d{2})"));
    const QDate d = QDate::fromString(date.match(serverWords).captured(1), Qt::ISODate);
    return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
}

} // namespace casebook
