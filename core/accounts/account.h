// core/accounts/ owns the seller's accounts (an email account, a Coupang or Naver shop) and where their
// secrets come from. Settings live in the database; secrets never do: they come from the system keychain
// or from a command the user named.
#pragma once

#include "model/channel_table.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace casebook {

// AccountKind and its names live in the channel table (model/channel_table.h).
QString toString(AccountKind k);
std::optional<AccountKind> accountKindFromString(const QString& s);
// Every kind's name, in the channel table's order: "email", "coupang", "naver".
QStringList allAccountKindNames();

// One account. `settings` holds what the connector needs (hosts, ports, ids, the seller's address, a
// `secret_command`), never a password or key: AccountStore refuses those keys.
struct Account {
    qint64 id = 0;
    QString name;
    AccountKind kind = AccountKind::Email;
    QJsonObject settings;
    QDateTime createdAt;

    QString setting(const QString& key) const { return settings.value(key).toString(); }
};

// The settings keys that would hold a secret; refused in Account::settings so a secret cannot reach the
// database by mistake.
const QStringList& secretSettingKeys();

// Whether `value` has the field's format (a Date is yyyy-MM-dd); an empty value is for `required` to judge.
bool accountFieldValueOk(const AccountField& field, const QString& value);

} // namespace casebook
