#include "accounts/secret_store.h"

#include <QEventLoop>
#include <QProcess>
#include <qt6keychain/keychain.h>

namespace casebook {

namespace {

// Codes a caller can act on: NotFound (no such entry), Refused (the keychain said no), Io (no keychain
// service answered: the caller may keep the secret elsewhere).
Error keychainFailure(const QKeychain::Job& job, const QString& what)
{
    switch (job.error()) {
    case QKeychain::NoBackendAvailable:
        return makeError(ErrorCode::Io,
                         QStringLiteral("No keychain service is running, so the %1 cannot be kept there; "
                                        "enter it each time or give a secret command.")
                             .arg(what));
    case QKeychain::EntryNotFound:
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("The keychain holds no %1 for this account.").arg(what));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return makeError(ErrorCode::Refused,
                         QStringLiteral("The keychain refused access to the %1.").arg(what));
    default:
        return makeError(ErrorCode::Io,
                         QStringLiteral("The keychain failed on the %1: %2").arg(what, job.errorString()));
    }
}

// QtKeychain answers through a signal; the core API is synchronous, so wait for it here.
void runJob(QKeychain::Job& job)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service) : m_service(std::move(service)) {}

Result<QString> KeychainSecretStore::read(const QString& accountName)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(accountName);
    runJob(job);
    if (job.error() != QKeychain::NoError)
        return keychainFailure(job, QStringLiteral("secret of \"%1\"").arg(accountName));
    return job.textData();
}

Result<void> KeychainSecretStore::write(const QString& accountName, const QString& secret)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(accountName);
    job.setTextData(secret);
    runJob(job);
    if (job.error() != QKeychain::NoError)
        return keychainFailure(job, QStringLiteral("secret of \"%1\"").arg(accountName));
    return {};
}

Result<void> KeychainSecretStore::remove(const QString& accountName)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(accountName);
    runJob(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return keychainFailure(job, QStringLiteral("secret of \"%1\"").arg(accountName));
    return {};
}

Result<QString> runSecretCommand(const QString& command, int timeoutMs)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
    if (!p.waitForStarted(timeoutMs))
        return makeError(QStringLiteral("The secret command \"%1\" could not start.").arg(command));
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(1000);
        return makeError(QStringLiteral("The secret command \"%1\" did not finish in %2 s.")
                             .arg(command)
                             .arg(timeoutMs / 1000));
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return makeError(QStringLiteral("The secret command \"%1\" failed (exit %2): %3")
                             .arg(command)
                             .arg(p.exitCode())
                             .arg(QString::fromUtf8(p.readAllStandardError()).trimmed()));
    QString out = QString::fromUtf8(p.readAllStandardOutput());
    const qsizetype nl = out.indexOf(QLatin1Char('\n'));
    if (nl >= 0)
        out.truncate(nl);
    if (out.endsWith(QLatin1Char('\r')))
        out.chop(1);
    if (out.isEmpty())
        return makeError(QStringLiteral("The secret command \"%1\" printed nothing.").arg(command));
    return out;
}

Result<QString> secretFor(const Account& account, SecretStore& store)
{
    const QString command = account.setting(QStringLiteral("secret_command"));
    if (!command.isEmpty())
        return runSecretCommand(command);
    return store.read(account.name);
}

} // namespace casebook
