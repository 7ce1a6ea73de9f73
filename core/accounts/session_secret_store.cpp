#include "accounts/session_secret_store.h"

namespace casebook {

void SessionSecretStore::remember(const QString& accountName, const QString& secret)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_typed.insert(accountName, secret);
}

Result<QString> SessionSecretStore::read(const QString& accountName)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (const auto it = m_typed.constFind(accountName); it != m_typed.constEnd())
            return *it;
    }
    return m_keychain->read(accountName);
}

Result<void> SessionSecretStore::write(const QString& accountName, const QString& secret)
{
    return m_keychain->write(accountName, secret);
}

Result<void> SessionSecretStore::remove(const QString& accountName)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_typed.remove(accountName);
    }
    return m_keychain->remove(accountName);
}

} // namespace casebook
