#pragma once

#include "accounts/secret_store.h"

#include <QHash>
#include <memory>
#include <mutex>

namespace casebook::test {

// The secret in memory, as the keychain would give it (the keychain itself is not what these tests try).
// Locked: the window's workers read it from their own threads.
class MemorySecrets final : public SecretStore {
public:
    Result<QString> read(const QString& name) override
    {
        std::scoped_lock lock(m_mutex);
        if (!secrets.contains(name))
            return makeError(ErrorCode::NotFound, QStringLiteral("no secret"));
        return secrets.value(name);
    }
    Result<void> write(const QString& name, const QString& s) override
    {
        std::scoped_lock lock(m_mutex);
        secrets.insert(name, s);
        return {};
    }
    Result<void> remove(const QString& name) override
    {
        std::scoped_lock lock(m_mutex);
        secrets.remove(name);
        return {};
    }

    QHash<QString, QString> secrets;

private:
    std::mutex m_mutex;
};

// A fresh empty store for a window under test (the app's is the system keychain, made in gui_main.cpp).
inline std::shared_ptr<MemorySecrets> memorySecrets()
{
    return std::make_shared<MemorySecrets>();
}

} // namespace casebook::test
