#pragma once

#include "accounts/account.h"
#include "model/result.h"
#include "store/database.h"

#include <QList>

namespace casebook {

// The accounts table: add, list, change and remove accounts by their unique name.
class AccountStore {
public:
    explicit AccountStore(Database& db) : m_db(&db) {}

    Result<qint64> add(const Account& account);
    Result<QList<Account>> list() const;
    Result<Account> byName(const QString& name) const;
    Result<Account> byId(qint64 id) const;
    Result<void> updateSettings(const QString& name, const QJsonObject& settings);
    Result<void> remove(const QString& name);

    static Result<void> validateName(const QString& name);

private:
    Database* m_db;
};

} // namespace casebook
