#pragma once

#include "accounts/account.h"
#include "model/result.h"

#include <QString>

namespace casebook {

// Where an account's secret (a password, a marketplace secret key) is kept. Implementations never log or
// store the secret anywhere else.
class SecretStore {
public:
    virtual ~SecretStore() = default;
    virtual Result<QString> read(const QString& accountName) = 0;
    virtual Result<void> write(const QString& accountName, const QString& secret) = 0;
    virtual Result<void> remove(const QString& accountName) = 0;
};

// The system keychain through QtKeychain (the Secret Service via libsecret on Linux). No insecure
// fallback: with no keychain service every call fails with a message saying so, and the caller asks the
// user or uses a secret command instead. Runs a local event loop until the keychain answers.
class KeychainSecretStore final : public SecretStore {
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("io.github.casebook.Casebook"));
    Result<QString> read(const QString& accountName) override;
    Result<void> write(const QString& accountName, const QString& secret) override;
    Result<void> remove(const QString& accountName) override;

private:
    QString m_service;
};

// Runs the user's secret command (`/bin/sh -c CMD`, like mbsync's PassCmd) and returns its first line of
// output. A non-zero exit, a timeout or empty output is an error that names the command, never the secret.
Result<QString> runSecretCommand(const QString& command, int timeoutMs = 30000);

// The account's secret: from its `secret_command` setting when it has one, else from `store`.
Result<QString> secretFor(const Account& account, SecretStore& store);

} // namespace casebook
