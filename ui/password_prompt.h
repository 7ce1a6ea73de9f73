#pragma once

#include "accounts/account.h"
#include "accounts/secret_store.h"

#include <QCoreApplication>
#include <QString>
#include <functional>
#include <optional>

class QWidget;

namespace casebook::ui {

// Asking the seller for an account's password when the keychain cannot give it (no keychain service,
// nothing stored). The answer is used for this connection and kept nowhere; tests put their own Ask in.
class PasswordPrompt {
    Q_DECLARE_TR_FUNCTIONS(PasswordPrompt)

public:
    // `reason` is the keychain's own words; nullopt when the seller cancels.
    using Ask = std::function<std::optional<QString>(const QString& accountName, const QString& reason)>;

    // A modal password box over `parent`.
    static Ask dialog(QWidget* parent);

    // The account's password: from its password command when it has one (a failing command is reported,
    // not papered over with a prompt), else from `keychain`, else asked with `ask`. `asked` tells which.
    static Result<QString> secretFor(const Account& account, SecretStore& keychain, const Ask& ask,
                                     bool* asked = nullptr);
};

} // namespace casebook::ui
