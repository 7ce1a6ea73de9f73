#pragma once

#include "casefile/signing_key.h"
#include "model/result.h"

#include <QString>
#include <memory>
#include <optional>

namespace casebook {

class SecretStore;

// Where the seller's signing key lives: in the system keychain (through SecretStore) when there is one;
// with no keychain service, in a PEM file readable only by the user (mode 0600) in the data folder. The
// place is always said (whereKept), since a file is weaker than a keychain.
class SigningKeyStore {
public:
    // `keychain` may be null (no keychain at all: the file only).
    SigningKeyStore(std::shared_ptr<SecretStore> keychain, QString filePath);
    // The system keychain, and the app data folder's case-file-signing-key.pem.
    static SigningKeyStore system();
    static QString defaultFilePath();
    static const QString kKeychainEntry; // the SecretStore name the key is kept under

    // The key, or nullopt when none was made yet. A keychain that refuses access is an error (a second key
    // must never appear silently); a keychain that does not answer at all leads to the file.
    Result<std::optional<SigningKey>> load();
    // The key, made and kept on first use (the first export).
    Result<SigningKey> loadOrCreate();
    // Keeps `key` (import); an existing different key is replaced only with `replace`.
    Result<void> store(const SigningKey& key, bool replace);

    // After load or store: "the system keychain" or "the file … (readable only by you)".
    QString whereKept() const { return m_where; }
    bool createdNow() const { return m_created; }

private:
    Result<void> writeFile(const QByteArray& pem, bool replace);
    QString fileWords() const;

    std::shared_ptr<SecretStore> m_keychain;
    QString m_file;
    bool m_keychainAnswers = true;
    bool m_created = false;
    QString m_where;
};

} // namespace casebook
