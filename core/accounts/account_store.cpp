#include "accounts/account_store.h"

#include "store/sql_util.h"

#include <QJsonDocument>
#include <SQLiteCpp/Statement.h>

namespace casebook {

using sql::bindText;
using sql::textOf;

namespace {

Result<void> checkNoSecrets(const QJsonObject& settings)
{
    for (const QString& key : secretSettingKeys())
        if (settings.contains(key))
            return makeError(
                QStringLiteral("The setting \"%1\" would store a secret in the database; secrets "
                               "belong in the keychain or a secret command.")
                    .arg(key));
    return {};
}

QString settingsJson(const QJsonObject& settings)
{
    return QString::fromUtf8(QJsonDocument(settings).toJson(QJsonDocument::Compact));
}

Account accountFrom(SQLite::Statement& st)
{
    Account a;
    a.id = st.getColumn(0).getInt64();
    a.name = textOf(st.getColumn(1));
    a.kind = accountKindFromString(textOf(st.getColumn(2))).value_or(AccountKind::Email);
    a.settings = QJsonDocument::fromJson(textOf(st.getColumn(3)).toUtf8()).object();
    a.createdAt = sql::timeOf(st.getColumn(4));
    return a;
}

constexpr const char* kSelect = "SELECT id, name, kind, settings, created_at FROM accounts ";

Result<Account> one(Database& db, const char* where, const std::function<void(SQLite::Statement&)>& bind,
                    const QString& what)
{
    try {
        SQLite::Statement st(db.reader(), std::string(kSelect) + where);
        bind(st);
        if (!st.executeStep())
            return makeError(ErrorCode::NotFound, QStringLiteral("No account %1.").arg(what));
        return accountFrom(st);
    } catch (const SQLite::Exception& e) {
        return makeError(QStringLiteral("Could not read the accounts: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace

Result<void> AccountStore::validateName(const QString& name)
{
    if (name.trimmed().isEmpty() || name != name.trimmed())
        return makeError(QStringLiteral("An account needs a name without leading or trailing spaces."));
    if (name.size() > 64)
        return makeError(QStringLiteral("An account name is at most 64 characters."));
    for (QChar c : name)
        if (c.category() == QChar::Other_Control || c == QLatin1Char('/'))
            return makeError(QStringLiteral("An account name cannot hold control characters or '/'."));
    return {};
}

Result<qint64> AccountStore::add(const Account& account)
{
    if (auto ok = validateName(account.name); !ok)
        return ok.error();
    if (auto ok = checkNoSecrets(account.settings); !ok)
        return ok.error();
    qint64 id = 0;
    auto written = m_db->write([&](SQLite::Database& db) -> Result<void> {
        SQLite::Statement exists(db, "SELECT 1 FROM accounts WHERE name = ?");
        bindText(exists, 1, account.name);
        if (exists.executeStep())
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("An account named \"%1\" exists already.").arg(account.name));
        SQLite::Statement st(db, "INSERT INTO accounts(name, kind, settings, created_at) VALUES (?,?,?,?)");
        bindText(st, 1, account.name);
        bindText(st, 2, toString(account.kind));
        bindText(st, 3, settingsJson(account.settings));
        sql::bindTime(st, 4, m_db->clock().now());
        st.exec();
        id = db.getLastInsertRowid();
        return {};
    });
    if (!written)
        return written.error();
    return id;
}

Result<QList<Account>> AccountStore::list() const
{
    try {
        SQLite::Statement st(m_db->reader(), std::string(kSelect) + "ORDER BY name");
        QList<Account> out;
        while (st.executeStep())
            out << accountFrom(st);
        return out;
    } catch (const SQLite::Exception& e) {
        return makeError(QStringLiteral("Could not read the accounts: %1").arg(QString::fromUtf8(e.what())));
    }
}

Result<Account> AccountStore::byName(const QString& name) const
{
    return one(
        *m_db, "WHERE name = ?", [&](SQLite::Statement& st) { bindText(st, 1, name); },
        QStringLiteral("named \"%1\"").arg(name));
}

Result<Account> AccountStore::byId(qint64 id) const
{
    return one(
        *m_db, "WHERE id = ?", [&](SQLite::Statement& st) { st.bind(1, static_cast<int64_t>(id)); },
        QStringLiteral("with id %1").arg(id));
}

Result<void> AccountStore::updateSettings(const QString& name, const QJsonObject& settings)
{
    if (auto ok = checkNoSecrets(settings); !ok)
        return ok.error();
    return m_db->write([&](SQLite::Database& db) -> Result<void> {
        SQLite::Statement st(db, "UPDATE accounts SET settings = ? WHERE name = ?");
        bindText(st, 1, settingsJson(settings));
        bindText(st, 2, name);
        if (st.exec() == 0)
            return makeError(ErrorCode::NotFound, QStringLiteral("No account named \"%1\".").arg(name));
        return {};
    });
}

Result<void> AccountStore::remove(const QString& name)
{
    return m_db->write([&](SQLite::Database& db) -> Result<void> {
        // Replies already queued keep their text; they lose only the account they were to leave by.
        SQLite::Statement detach(db, "UPDATE outbox SET account_id = NULL WHERE account_id = "
                                     "(SELECT id FROM accounts WHERE name = ?)");
        bindText(detach, 1, name);
        detach.exec();
        SQLite::Statement st(db, "DELETE FROM accounts WHERE name = ?");
        bindText(st, 1, name);
        if (st.exec() == 0)
            return makeError(ErrorCode::NotFound, QStringLiteral("No account named \"%1\".").arg(name));
        return {};
    });
}

} // namespace casebook
