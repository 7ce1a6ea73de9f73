// settings: the seller's settings that the window's Settings dialog edits too (core/store/app_settings.h).
#include "casefile/case_file_timestamp.h"
#include "cli/cli.h"
#include "inbox/own_addresses.h"
#include "store/app_settings.h"

#include <QJsonObject>
#include <QUrl>

namespace casebook::cli {
namespace {

// The names a person types, with hours for the clocks (one per clock of the channel table,
// due_hours.NAME); the store keeps seconds.
struct Field {
    QString name;
    QString key;
    std::optional<Channel> clock;
};

QList<Field> fields()
{
    QList<Field> out{{QStringLiteral("seller_name"), AppSettings::kSellerName, std::nullopt},
                     {QStringLiteral("seller_signature"), AppSettings::kSellerSignature, std::nullopt},
                     {QStringLiteral("tsa_url"), case_file_timestamp::kSettingKey, std::nullopt}};
    for (Channel clock : DueClocks::clocks())
        out.append({QStringLiteral("due_hours.") + toString(clock), AppSettings::dueKey(clock), clock});
    return out;
}

QJsonObject currentJson(SQLite::Database& db)
{
    const SellerProfile seller = AppSettings::seller(db);
    const DueClocks due = AppSettings::dueClocks(db);
    QJsonObject o{{QStringLiteral("seller_name"), seller.name},
                  {QStringLiteral("seller_signature"), seller.signature},
                  {QStringLiteral("tsa_url"), AppSettings::value(db, case_file_timestamp::kSettingKey)}};
    for (const Field& f : fields())
        if (f.clock)
            o.insert(f.name, double(due.secs(*f.clock)) / 3600.0);
    o.insert(QStringLiteral("own_addresses"), AppSettings::value(db, own_addresses::kSettingKey));
    return o;
}

// The seller's own addresses, checked word by word; what imports found shows with `settings` too.
int setOwnAddresses(Database& db, const QString& value)
{
    auto list = own_addresses::parseList(value);
    if (!list)
        return fail(list.error().message, kUsage);
    if (auto saved = own_addresses::saveSetting(db, list.value()); !saved)
        return fail(saved.error());
    QTextStream(stderr)
        << "own addresses set; run `casebook-cli rethread` to sort the mail stored already with them"
        << Qt::endl;
    return kOk;
}

int settings(Context& c)
{
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    if (c.args.isEmpty()) {
        const QJsonObject o = currentJson(db->reader());
        if (c.isSet(QStringLiteral("json"))) {
            printJson(QJsonDocument(o));
            return kOk;
        }
        for (const Field& f : fields())
            out() << f.name << " = " << o.value(f.name).toVariant().toString() << Qt::endl;
        out() << "own_addresses = " << o.value(QStringLiteral("own_addresses")).toString() << Qt::endl;
        out() << "own addresses in use: " << own_addresses::known(*db).describe() << Qt::endl;
        return kOk;
    }
    if (c.args.size() != 3 || c.args.first() != QLatin1String("set"))
        return fail(QStringLiteral("settings takes nothing (to show them) or: set NAME VALUE"), kUsage);
    const QString name = c.args.at(1);
    QString value = c.args.at(2);
    if (name == own_addresses::kSettingKey)
        return setOwnAddresses(*db, value);
    const QList<Field> all = fields();
    for (const Field& f : all) {
        if (name != f.name)
            continue;
        if (f.clock) {
            bool ok = false;
            const double h = value.toDouble(&ok);
            if (!ok || h <= 0 || h > 24 * 365)
                return fail(QStringLiteral("%1 takes a number of hours above 0, not '%2'").arg(name, value),
                            kUsage);
            value = QString::number(qRound64(h * 3600));
        }
        const QUrl url(value.trimmed());
        if (f.key == case_file_timestamp::kSettingKey && !value.trimmed().isEmpty() &&
            !(url.isValid() &&
              (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))))
            return fail(
                QStringLiteral("tsa_url takes the http(s) address of an RFC 3161 timestamp authority, or "
                               "\"\" for none"),
                kUsage);
        const auto written = db->write([&](SQLite::Database& w) -> Result<void> {
            AppSettings::setValue(w, f.key, value.trimmed());
            return {};
        });
        if (!written)
            return fail(written.error());
        return kOk;
    }
    QStringList names;
    for (const Field& f : all)
        names << f.name;
    names << own_addresses::kSettingKey;
    return fail(QStringLiteral("no setting '%1'; there are: %2").arg(name, names.join(QStringLiteral(", "))),
                kUsage);
}

} // namespace

QList<Command> settingsCommands()
{
    QStringList clocks;
    for (const Field& f : fields())
        if (f.clock)
            clocks << f.name;
    return {
        {QStringLiteral("settings"),
         QStringLiteral(
             "settings [--json] | settings set NAME VALUE\n"
             "                          the seller's name and signature ({{seller_name}}) and the "
             "answer-due hours\n                          per channel (%1) and your own\n"
             "                          addresses (own_addresses a@shop.example,@shop.example); tsa_url: an "
             "RFC 3161\n                          timestamp authority that stamps each case file")
             .arg(clocks.join(QStringLiteral(", "))),
         {QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print JSON."))},
         settings},
    };
}

} // namespace casebook::cli
