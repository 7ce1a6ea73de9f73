// account add|list|remove: the seller's email and marketplace accounts. Settings go to the database;
// the secret goes to the system keychain, or stays with the user's command (--password-command).
#include "accounts/account_store.h"
#include "accounts/secret_store.h"
#include "cli/cli.h"
#include "connectors/connection_health.h"
#include "connectors/email_settings.h"
#include "model/enums.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace casebook::cli {
namespace {

int usage(const QString& message)
{
    return fail(message + QStringLiteral(" (see casebook-cli --help)"), kUsage);
}

// One line from stdin, without echo when it is a terminal.
QString readSecretFromStdin(const QString& prompt)
{
    const bool tty = isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        QTextStream(stderr) << prompt << Qt::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        QTextStream err(stderr);
        err << Qt::endl;
    }
    return line;
}

// Email settings from the options; an error names the option to fix.
Result<QJsonObject> emailSettings(Context& c)
{
    QJsonObject s;
    const QString address = c.value(QStringLiteral("address"));
    if (!address.contains(QLatin1Char('@')))
        return makeError(QStringLiteral("account add email needs --address ADDR"));
    s.insert(QStringLiteral("address"), address);
    for (const QString& which : {QStringLiteral("imap"), QStringLiteral("smtp")}) {
        auto hp = parseHostPort(c.value(which));
        if (!hp)
            return makeError(
                QStringLiteral("account add email needs --%1 HOST:PORT (%2)").arg(which, hp.error().message));
        s.insert(which + QStringLiteral("_host"), hp->first);
        s.insert(which + QStringLiteral("_port"), hp->second);
    }
    s.insert(QStringLiteral("user"),
             c.isSet(QStringLiteral("user")) ? c.value(QStringLiteral("user")) : address);
    const QString tls =
        c.isSet(QStringLiteral("tls")) ? c.value(QStringLiteral("tls")) : QStringLiteral("implicit");
    if (!net::tlsModeFromString(tls))
        return makeError(QStringLiteral("--tls takes implicit, starttls or none, not '%1'").arg(tls));
    s.insert(QStringLiteral("tls"), tls);
    if (c.isSet(QStringLiteral("ca-file"))) {
        const QString ca = c.value(QStringLiteral("ca-file"));
        if (!QFile::exists(ca))
            return makeError(QStringLiteral("the CA file %1 does not exist").arg(ca));
        s.insert(QStringLiteral("ca_file"), ca);
    }
    if (c.isSet(QStringLiteral("pin")))
        s.insert(QStringLiteral("pinned_sha256"), c.value(QStringLiteral("pin")));
    if (c.isSet(QStringLiteral("display-name")))
        s.insert(QStringLiteral("display_name"), c.value(QStringLiteral("display-name")));
    if (c.isSet(QStringLiteral("signature-file"))) {
        QFile f(c.value(QStringLiteral("signature-file")));
        if (!f.open(QIODevice::ReadOnly))
            return makeError(QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString()));
        s.insert(QStringLiteral("signature"), QString::fromUtf8(f.readAll()));
    }
    if (c.isSet(QStringLiteral("folders")))
        s.insert(QStringLiteral("folders"),
                 QJsonArray::fromStringList(
                     c.value(QStringLiteral("folders")).split(QLatin1Char(','), Qt::SkipEmptyParts)));
    // Checked now, so a refused policy (no TLS to a remote host) is said at once, not at the first sync.
    Account probe;
    probe.name = QStringLiteral("new");
    probe.settings = s;
    auto parsed = EmailSettings::from(probe);
    if (!parsed)
        return parsed.error();
    for (const net::Endpoint& e : {parsed->imap, parsed->smtp})
        if (auto ok = net::checkPolicy(e); !ok)
            return ok.error();
    return s;
}

// The option that sets an account field: its key with '-' for '_' (vendor_id: --vendor-id).
QString optionOf(const AccountField& f)
{
    return toQString(f.key).replace(QLatin1Char('_'), QLatin1Char('-'));
}

// A marketplace account's settings: the fields of its kind's row in the channel table, and the options
// every marketplace takes.
Result<QJsonObject> marketplaceSettings(Context& c, AccountKind kind)
{
    QJsonObject s;
    for (const AccountField& f : channelOfAccountKind(kind).accountFields) {
        const QString o = optionOf(f);
        if (c.value(o).isEmpty()) {
            if (f.required)
                return makeError(QStringLiteral("account add %1 needs --%2").arg(toString(kind), o));
            continue;
        }
        if (!accountFieldValueOk(f, c.value(o)))
            return makeError(QStringLiteral("--%1 takes a date as yyyy-MM-dd, not '%2'").arg(o, c.value(o)));
        s.insert(toQString(f.key), c.value(o));
    }
    if (c.isSet(QStringLiteral("base-url")))
        s.insert(QStringLiteral("base_url"), c.value(QStringLiteral("base-url")));
    if (c.isSet(QStringLiteral("horizon-days"))) {
        bool ok = false;
        const int days = c.value(QStringLiteral("horizon-days")).toInt(&ok);
        if (!ok || days < 1 || days > 365)
            return makeError(QStringLiteral("--horizon-days takes a number of days from 1 to 365"));
        s.insert(QStringLiteral("horizon_days"), days);
    }
    return s;
}

int add(Context& c, Database& db)
{
    if (c.args.size() != 3)
        return usage(QStringLiteral("account add takes a kind (%1) and a name")
                         .arg(allAccountKindNames().join(QStringLiteral(", "))));
    const auto kind = accountKindFromString(c.args[1]);
    if (!kind)
        return usage(QStringLiteral("account add takes a kind (%1), not '%2'")
                         .arg(allAccountKindNames().join(QStringLiteral(", ")), c.args[1]));
    Account a;
    a.kind = *kind;
    a.name = c.args[2];
    if (auto ok = AccountStore::validateName(a.name); !ok)
        return fail(ok.error().message, kUsage);
    auto settings = *kind == AccountKind::Email ? emailSettings(c) : marketplaceSettings(c, *kind);
    if (!settings)
        return usage(settings.error().message);
    a.settings = *settings;
    AccountStore store(db);
    if (store.byName(a.name))
        return fail(QStringLiteral("there is already an account named '%1'").arg(a.name));

    QString command = c.value(QStringLiteral("secret-command"));
    if (command.isEmpty())
        command = c.value(QStringLiteral("password-command"));
    const bool keychain = command.isEmpty();
    SecretStore& secrets = c.secrets();
    if (keychain) {
        const QString secret = readSecretFromStdin(
            *kind == AccountKind::Email
                ? QStringLiteral("Password for %1: ").arg(a.setting(QStringLiteral("user")))
                : QStringLiteral("Secret key for %1: ").arg(a.name));
        if (secret.isEmpty())
            return fail(QStringLiteral("no secret given on standard input"));
        if (auto stored = secrets.write(a.name, secret); !stored)
            return fail(
                QStringLiteral("%1\nCasebook never keeps a secret in plain text. Without a keychain, name a "
                               "command that prints it: --password-command 'pass show mail/shop' (or "
                               "--secret-command for a marketplace).")
                    .arg(stored.error().message));
    } else {
        a.settings.insert(QStringLiteral("secret_command"), command);
    }
    auto added = store.add(a);
    if (!added) {
        if (keychain)
            (void)secrets.remove(a.name);
        return fail(added.error());
    }
    out() << "added " << toString(a.kind) << " account " << a.name
          << (keychain ? " (secret in the system keychain)" : " (secret from its command)") << Qt::endl;
    return kOk;
}

// Local time for a person to read; "never" for none.
QString shownTime(const QDateTime& t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("never");
}

QJsonObject healthJson(const AccountHealth& h)
{
    QJsonObject o{{QStringLiteral("last_sync"),
                   h.lastSync.isValid() ? QJsonValue(h.lastSync.toString(Qt::ISODate)) : QJsonValue()}};
    if (h.key)
        o.insert(QStringLiteral("key_expires"),
                 QJsonObject{{QStringLiteral("date"), h.key->expires.toString(Qt::ISODate)},
                             {QStringLiteral("days_left"), h.key->daysLeft},
                             {QStringLiteral("warn"), h.key->warn()}});
    if (h.token)
        o.insert(QStringLiteral("token"),
                 QJsonObject{{QStringLiteral("renewed"), h.token->renewedAt.toString(Qt::ISODate)},
                             {QStringLiteral("valid_until"), h.token->validUntil.toString(Qt::ISODate)}});
    return o;
}

// The health line under an account: last complete sync, the key's expiry, Naver's token.
QString healthLine(const AccountHealth& h)
{
    QStringList parts{QStringLiteral("last sync %1").arg(shownTime(h.lastSync))};
    if (h.key) {
        const QString date = h.key->expires.toString(Qt::ISODate);
        parts << (h.key->expired() ? QStringLiteral("key EXPIRED %1").arg(date)
                  : h.key->warn()  ? QStringLiteral("key expires %1 (in %2 days)").arg(date).arg(h.key->daysLeft)
                                   : QStringLiteral("key valid until %1").arg(date));
    }
    if (h.token)
        parts << QStringLiteral("token valid until %1 (renewed %2)")
                     .arg(shownTime(h.token->validUntil), shownTime(h.token->renewedAt));
    return parts.join(QStringLiteral(", "));
}

int list(Context& c, Database& db)
{
    auto all = AccountStore(db).list();
    if (!all)
        return fail(all.error());
    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray arr;
        for (const Account& a : *all)
            arr.append(QJsonObject{{QStringLiteral("id"), a.id},
                                   {QStringLiteral("name"), a.name},
                                   {QStringLiteral("kind"), toString(a.kind)},
                                   {QStringLiteral("settings"), a.settings},
                                   {QStringLiteral("health"), healthJson(accountHealth(db, a))}});
        printJson(QJsonDocument(arr));
        return kOk;
    }
    for (const Account& a : *all) {
        QString what;
        if (a.kind == AccountKind::Email)
            what = QStringLiteral("%1  imap %2:%3  smtp %4:%5  tls %6")
                       .arg(a.setting(QStringLiteral("address")), a.setting(QStringLiteral("imap_host")))
                       .arg(a.settings.value(QStringLiteral("imap_port")).toInt())
                       .arg(a.setting(QStringLiteral("smtp_host")))
                       .arg(a.settings.value(QStringLiteral("smtp_port")).toInt())
                       .arg(a.setting(QStringLiteral("tls")));
        else {
            // The kind's first field names the account at the marketplace (vendor id, client id).
            const auto fields = channelOfAccountKind(a.kind).accountFields;
            what = fields.empty() ? a.setting(QStringLiteral("base_url"))
                                  : QStringLiteral("%1 %2").arg(toQString(fields.front().key),
                                                                a.setting(toQString(fields.front().key)));
        }
        const AccountHealth health = accountHealth(db, a);
        out() << a.name << "\t" << toString(a.kind) << "\t" << what << Qt::endl;
        out() << "\t" << healthLine(health) << Qt::endl;
        if (health.key)
            if (const QString warning = keyExpiryWarning(a, *health.key); !warning.isEmpty())
                out() << "\t" << warning << Qt::endl;
    }
    if (all->isEmpty())
        out() << "no accounts (casebook-cli account add email NAME …)" << Qt::endl;
    return kOk;
}

// Changes a marketplace account's fields (a renewed key's expiry date, a new access key); the others stay.
int set(Context& c, Database& db)
{
    if (c.args.size() != 2)
        return usage(QStringLiteral("account set takes an account name and the options to change"));
    AccountStore store(db);
    auto a = store.byName(c.args[1]);
    if (!a)
        return fail(a.error());
    QJsonObject settings = a->settings;
    int changed = 0;
    for (const AccountField& f : channelOfAccountKind(a->kind).accountFields) {
        const QString o = optionOf(f);
        if (!c.isSet(o))
            continue;
        if (!accountFieldValueOk(f, c.value(o)))
            return usage(QStringLiteral("--%1 takes a date as yyyy-MM-dd, not '%2'").arg(o, c.value(o)));
        if (c.value(o).isEmpty() && f.required)
            return usage(QStringLiteral("--%1 cannot be emptied: the account needs it").arg(o));
        settings.insert(toQString(f.key), c.value(o));
        ++changed;
    }
    if (changed == 0)
        return usage(QStringLiteral("account set %1 takes at least one of its fields' options").arg(a->name));
    if (auto saved = store.updateSettings(a->name, settings); !saved)
        return fail(saved.error());
    out() << "changed account " << a->name << Qt::endl;
    return kOk;
}

int remove(Context& c, Database& db)
{
    if (c.args.size() != 2)
        return usage(QStringLiteral("account remove takes an account name"));
    AccountStore store(db);
    auto a = store.byName(c.args[1]);
    if (!a)
        return fail(a.error());
    if (auto removed = store.remove(a->name); !removed)
        return fail(removed.error());
    if (a->setting(QStringLiteral("secret_command")).isEmpty()) {
        if (auto gone = c.secrets().remove(a->name); !gone)
            QTextStream(stderr) << "casebook-cli: the keychain entry could not be removed: "
                                << gone.error().message << Qt::endl;
    }
    out() << "removed account " << a->name << Qt::endl;
    return kOk;
}

int account(Context& c)
{
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    const QString sub = c.args.value(0);
    if (sub == QLatin1String("add"))
        return add(c, *db);
    if (sub == QLatin1String("list"))
        return list(c, *db);
    if (sub == QLatin1String("remove"))
        return remove(c, *db);
    if (sub == QLatin1String("set"))
        return set(c, *db);
    return usage(QStringLiteral("account takes add, list, set or remove"));
}

} // namespace

QList<Command> accountCommands()
{
    auto opt = [](const char* name, const char* help, const char* value = nullptr) {
        return value ? QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help),
                                          QString::fromLatin1(value))
                     : QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help));
    };
    // Every marketplace field of the channel table, once (--vendor-id, --client-id, …).
    QList<QCommandLineOption> fieldOptions;
    QStringList seen;
    for (const ChannelInfo& row : kChannelTable)
        for (const AccountField& f : row.accountFields)
            if (const QString o = optionOf(f); !seen.contains(o)) {
                seen << o;
                fieldOptions << QCommandLineOption(
                    o, QStringLiteral("%1 (%2).").arg(QString::fromUtf8(f.label), toQString(row.name)),
                    QStringLiteral("VALUE"));
            }
    return {
        {QStringLiteral("account"),
         QStringLiteral(
             "account add email NAME --address ADDR --imap HOST:PORT --smtp HOST:PORT [--user U] "
             "[--tls implicit|starttls|none] [--ca-file PEM] [--pin SHA256] [--password-command CMD] | "
             "add coupang NAME --vendor-id ID --access-key KEY --wing-user U [--key-expires yyyy-MM-dd] [--base-url URL] "
             "[--secret-command CMD] [--horizon-days N] | add naver NAME --client-id ID [--base-url URL] "
             "[--secret-command CMD] [--horizon-days N] | add 11st NAME [--base-url URL] "
             "[--secret-command CMD] [--horizon-days N] | add ebay NAME --username U --client-id ID "
             "[--marketplace-id EBAY_US] [--base-url URL] [--secret-command CMD] [--horizon-days N] "
             "| list [--json] | set NAME --FIELD VALUE (--key-expires, --access-key, ...) | remove NAME   accounts"),
         QList<QCommandLineOption>{opt("address", "The seller's email address.", "ADDR"), opt("imap", "IMAP server.", "HOST:PORT"),
          opt("smtp", "SMTP server.", "HOST:PORT"), opt("user", "Login name (default: the address).", "USER"),
          opt("tls", "implicit (default), starttls or none (loopback only).", "MODE"),
          opt("ca-file", "Extra trusted CA certificates (PEM).", "PEM"),
          opt("pin", "Accept this certificate SHA-256 despite verification errors.", "SHA256"),
          opt("display-name", "The sender's name on replies.", "NAME"),
          opt("signature-file", "Signature appended to replies.", "FILE"),
          opt("folders", "IMAP folders to sync (default INBOX).", "A,B"),
          opt("password-command", "A command that prints the password (instead of the keychain).", "CMD"),
          opt("secret-command", "A command that prints the secret key (instead of the keychain).", "CMD"),
          opt("base-url", "API base URL (tests, proxies).", "URL"),
          opt("horizon-days", "How far back a marketplace's first sync reaches (default 30).", "DAYS"),
          opt("json", "Print JSON.")} + fieldOptions,
         account},
    };
}

} // namespace casebook::cli
