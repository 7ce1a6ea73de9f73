#include "accounts/account.h"

namespace casebook {

QString toString(AccountKind k)
{
    switch (k) {
    case AccountKind::Email:
        return QStringLiteral("email");
    case AccountKind::Coupang:
        return QStringLiteral("coupang");
    case AccountKind::Naver:
        return QStringLiteral("naver");
    }
    return {};
}

std::optional<AccountKind> accountKindFromString(const QString& s)
{
    for (AccountKind k : {AccountKind::Email, AccountKind::Coupang, AccountKind::Naver})
        if (toString(k) == s)
            return k;
    return std::nullopt;
}

const QStringList& secretSettingKeys()
{
    static const QStringList keys{QStringLiteral("password"),     QStringLiteral("secret"),
                                  QStringLiteral("secret_key"),   QStringLiteral("client_secret"),
                                  QStringLiteral("access_token"), QStringLiteral("token")};
    return keys;
}

} // namespace casebook
