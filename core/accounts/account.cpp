#include "accounts/account.h"

#include "model/enums.h"

namespace casebook {

QString toString(AccountKind k)
{
    return toQString(channelOfAccountKind(k).accountKindName);
}

std::optional<AccountKind> accountKindFromString(const QString& s)
{
    return accountKindOfName(s.toStdString());
}

QStringList allAccountKindNames()
{
    QStringList out;
    for (const ChannelInfo& row : kChannelTable)
        if (ownsAccountKind(row))
            out << toQString(row.accountKindName);
    return out;
}

const QStringList& secretSettingKeys()
{
    static const QStringList keys{QStringLiteral("password"),     QStringLiteral("secret"),
                                  QStringLiteral("secret_key"),   QStringLiteral("client_secret"),
                                  QStringLiteral("access_token"), QStringLiteral("token")};
    return keys;
}

bool accountFieldValueOk(const AccountField& field, const QString& value)
{
    if (value.isEmpty() || field.format == FieldFormat::Text)
        return true;
    return QDate::fromString(value, Qt::ISODate).isValid();
}

} // namespace casebook
