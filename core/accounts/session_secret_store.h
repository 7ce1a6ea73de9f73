#pragma once

#include "accounts/secret_store.h"

#include <QHash>
#include <memory>
#include <mutex>

namespace casebook {

// Passwords the seller typed because the keychain could not give them, held in this process's memory only,
// in front of the keychain. The sync and outbox threads read them here; nothing is written anywhere, and
// they are gone when the GUI restarts its workers or quits, so the seller is asked again.
class SessionSecretStore final : public SecretStore {
public:
    explicit SessionSecretStore(std::shared_ptr<SecretStore> keychain) : m_keychain(std::move(keychain)) {}

    void remember(const QString& accountName, const QString& secret);
    Result<QString> read(const QString& accountName) override;
    // Writing and removing go to the keychain; a remembered secret is forgotten on removal.
    Result<void> write(const QString& accountName, const QString& secret) override;
    Result<void> remove(const QString& accountName) override;

private:
    std::shared_ptr<SecretStore> m_keychain;
    std::mutex m_mutex;
    QHash<QString, QString> m_typed;
};

} // namespace casebook
