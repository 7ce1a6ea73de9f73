// key show|export|import: the seller's case-file signing key, so its fingerprint can be published and the key
// moved to a new computer.
#include "casefile/signing_key_store.h"
#include "cli/cli.h"

#include <QFile>

namespace casebook::cli {
namespace {

constexpr qint64 kKeyFileLimit = 64 << 10;

// The key there is; none yet is NotFound (the first export makes one).
Result<SigningKey> existingKey(SigningKeyStore& keys)
{
    auto loaded = keys.load();
    if (!loaded)
        return loaded.error();
    if (!*loaded)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no signing key yet; the first export makes one."));
    return **loaded;
}

int keyShow(SigningKeyStore& keys)
{
    auto key = existingKey(keys);
    if (!key)
        return fail(key.error());
    out() << "fingerprint: " << key->fingerprint() << "\n"
          << "algorithm: Ed25519\n"
          << "kept in: " << keys.whereKept() << "\n"
          << QString::fromLatin1(key->publicPem()) << Qt::flush;
    return kOk;
}

// The private key as PEM, to a file created 0600 (never to stdout by accident: a terminal's scroll-back
// keeps it). `--public` writes only the public key, which anyone may have.
int keyExport(Context& c, SigningKeyStore& keys)
{
    const QString path = c.args.value(1);
    if (path.isEmpty())
        return fail(QStringLiteral("usage: key export FILE.pem [--public] [--force]"), kUsage);
    auto key = existingKey(keys);
    if (!key)
        return fail(key.error());
    const bool publicOnly = c.isSet(QStringLiteral("public"));
    if (QFile::exists(path) && !c.isSet(QStringLiteral("force")))
        return fail(makeError(ErrorCode::Conflict,
                              QStringLiteral("%1 exists; add --force to replace it.").arg(path)));
    QFile::remove(path);
    QFile f(path);
    const QFile::Permissions mode =
        publicOnly ? QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther
                   : QFile::ReadOwner | QFile::WriteOwner;
    const QByteArray pem = publicOnly ? key->publicPem() : key->privatePem();
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, mode) || f.write(pem) != pem.size() || !f.flush())
        return fail(
            makeError(ErrorCode::Io, QStringLiteral("Could not write %1: %2").arg(path, f.errorString())));
    out() << (publicOnly ? "public key " : "private key (keep it secret) ") << "written to " << path
          << "\nfingerprint: " << key->fingerprint() << Qt::endl;
    return kOk;
}

int keyImport(Context& c, SigningKeyStore& keys)
{
    const QString path = c.args.value(1);
    if (path.isEmpty())
        return fail(QStringLiteral("usage: key import FILE.pem [--force]"), kUsage);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(makeError(ErrorCode::NotFound,
                              QStringLiteral("Could not read %1: %2").arg(path, f.errorString())));
    auto key = SigningKey::fromPrivatePem(f.read(kKeyFileLimit));
    if (!key)
        return fail(key.error());
    if (auto kept = keys.store(key.value(), c.isSet(QStringLiteral("force"))); !kept)
        return fail(kept.error());
    out() << "imported; fingerprint: " << key->fingerprint() << "\nkept in: " << keys.whereKept() << Qt::endl;
    return kOk;
}

int key(Context& c)
{
    const QString sub = c.args.value(0);
    const int wanted = sub == QLatin1String("show") ? 1 : 2;
    if ((sub != QLatin1String("show") && sub != QLatin1String("export") && sub != QLatin1String("import")) ||
        c.args.size() != wanted)
        return fail(QStringLiteral("usage: key show | key export FILE.pem [--public] [--force] | key import "
                                   "FILE.pem [--force]"),
                    kUsage);
    SigningKeyStore keys = SigningKeyStore::system();
    if (sub == QLatin1String("show"))
        return keyShow(keys);
    return sub == QLatin1String("export") ? keyExport(c, keys) : keyImport(c, keys);
}

} // namespace

QList<Command> keyCommands()
{
    return {
        {QStringLiteral("key"),
         QStringLiteral("key show | key export FILE.pem [--public] [--force] | key import FILE.pem "
                        "[--force]   the case-file signing key"),
         {QCommandLineOption(QStringLiteral("public"), QStringLiteral("key export: the public key only.")),
          QCommandLineOption(QStringLiteral("force"),
                             QStringLiteral("Replace an existing file (export) or key (import)."))},
         key}};
}

} // namespace casebook::cli
