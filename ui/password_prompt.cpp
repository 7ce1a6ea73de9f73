#include "password_prompt.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QPointer>

namespace casebook::ui {

PasswordPrompt::Ask PasswordPrompt::dialog(QWidget* parent)
{
    QPointer<QWidget> owner(parent);
    return [owner](const QString& accountName, const QString& reason) -> std::optional<QString> {
        bool ok = false;
        const QString text =
            QInputDialog::getText(owner, tr("Password for %1").arg(accountName),
                                  tr("The system keychain is unavailable, so Casebook cannot keep this "
                                     "password:\n%1\n\nEnter the password of %2 to connect now. It is "
                                     "kept in memory only and asked again next time.")
                                      .arg(reason, accountName),
                                  QLineEdit::Password, QString(), &ok);
        if (!ok || text.isEmpty())
            return std::nullopt;
        return text;
    };
}

Result<QString> PasswordPrompt::secretFor(const Account& account, SecretStore& keychain, const Ask& ask,
                                          bool* asked)
{
    if (asked)
        *asked = false;
    auto stored = casebook::secretFor(account, keychain);
    if (stored || !account.setting(QStringLiteral("secret_command")).isEmpty() || !ask)
        return stored;
    auto typed = ask(account.name, stored.error().message);
    if (!typed)
        return makeError(tr("%1: no password given (%2)").arg(account.name, stored.error().message));
    if (asked)
        *asked = true;
    return *typed;
}

} // namespace casebook::ui
