#include "casefile/signing_key_store.h"

#include "accounts/secret_store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace casebook {

const QString SigningKeyStore::kKeychainEntry = QStringLiteral("case-file-signing-key");

SigningKeyStore::SigningKeyStore(std::shared_ptr<SecretStore> keychain, QString filePath)
    : m_keychain(std::move(keychain)), m_file(std::move(filePath))
{
}

SigningKeyStore SigningKeyStore::system()
{
    return SigningKeyStore(std::make_shared<KeychainSecretStore>(), defaultFilePath());
}

QString SigningKeyStore::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/case-file-signing-key.pem");
}

QString SigningKeyStore::fileWords() const
{
    return QStringLiteral("the file %1, readable only by you%2")
        .arg(m_file, m_keychain && !m_keychainAnswers ? QStringLiteral(" (no keychain service answered)")
                                                      : QString());
}

Result<std::optional<SigningKey>> SigningKeyStore::load()
{
    if (m_keychain) {
        auto read = m_keychain->read(kKeychainEntry);
        if (read) {
            auto key = SigningKey::fromPrivatePem(read->toUtf8());
            if (!key)
                return makeError(ErrorCode::Damaged,
                                 QStringLiteral("The signing key in the keychain cannot be read: %1")
                                     .arg(key.error().message));
            m_where = QStringLiteral("the system keychain");
            return std::optional<SigningKey>(key.value());
        }
        if (read.error().code == ErrorCode::Refused)
            return read.error();
        m_keychainAnswers = read.error().code == ErrorCode::NotFound;
    }
    QFile f(m_file);
    if (!f.exists())
        return std::optional<SigningKey>();
    if (!f.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::Io,
            QStringLiteral("Could not read the signing key %1: %2").arg(m_file, f.errorString()));
    auto key = SigningKey::fromPrivatePem(f.readAll());
    if (!key)
        return makeError(
            ErrorCode::Damaged,
            QStringLiteral("The signing key file %1 cannot be read: %2").arg(m_file, key.error().message));
    // Another program may have widened it; a private key stays the user's alone.
    ::chmod(QFile::encodeName(m_file).constData(), S_IRUSR | S_IWUSR);
    m_where = fileWords();
    return std::optional<SigningKey>(key.value());
}

Result<SigningKey> SigningKeyStore::loadOrCreate()
{
    auto loaded = load();
    if (!loaded)
        return loaded.error();
    if (*loaded)
        return **loaded;
    auto made = SigningKey::generate();
    if (!made)
        return made.error();
    if (auto kept = store(made.value(), false); !kept)
        return kept.error();
    m_created = true;
    return made.value();
}

Result<void> SigningKeyStore::store(const SigningKey& key, bool replace)
{
    auto existing = load();
    if (!existing)
        return existing.error();
    if (*existing && (*existing)->fingerprint() != key.fingerprint() && !replace)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("A different signing key is already kept in %1 (fingerprint %2); "
                                        "replacing it needs --force, and case files signed with it will "
                                        "then show a key you no longer hold.")
                             .arg(m_where, (*existing)->fingerprint()));
    const QByteArray pem = key.privatePem();
    // A key already in a file stays there, so the next load finds the new one and not the old.
    const bool inFile = *existing && m_where != QLatin1String("the system keychain");
    if (m_keychain && m_keychainAnswers && !inFile) {
        if (m_keychain->write(kKeychainEntry, QString::fromUtf8(pem))) {
            m_where = QStringLiteral("the system keychain");
            return {};
        }
    }
    if (auto written = writeFile(pem, replace || *existing); !written)
        return written;
    m_where = fileWords();
    return {};
}

// Written under a temporary name created 0600 and renamed, so the key is never readable by others nor
// half-written.
Result<void> SigningKeyStore::writeFile(const QByteArray& pem, bool replace)
{
    const QFileInfo info(m_file);
    if (!QDir().mkpath(info.absolutePath()))
        return makeError(
            ErrorCode::Io,
            QStringLiteral("Could not create the folder %1 for the signing key.").arg(info.absolutePath()));
    if (!replace && info.exists())
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("The signing key file %1 already exists.").arg(m_file));
    const QByteArray tmp = QFile::encodeName(m_file + QStringLiteral(".new"));
    ::unlink(tmp.constData());
    const int fd = ::open(tmp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0)
        return makeError(ErrorCode::Io, QStringLiteral("Could not write the signing key %1: %2")
                                            .arg(m_file, QString::fromLocal8Bit(std::strerror(errno))));
    const bool written =
        ::write(fd, pem.constData(), static_cast<size_t>(pem.size())) == pem.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!written || ::rename(tmp.constData(), QFile::encodeName(m_file).constData()) != 0) {
        ::unlink(tmp.constData());
        return makeError(
            ErrorCode::Io,
            QStringLiteral("Could not write the signing key %1 (is the disk full?)").arg(m_file));
    }
    return {};
}

} // namespace casebook
