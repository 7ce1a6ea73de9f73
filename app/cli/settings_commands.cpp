// settings: the seller's settings that the window's Settings dialog edits too (core/store/app_settings.h).
#include "casefile/case_file_timestamp.h"
#include "cli/cli.h"
#include "inbox/own_addresses.h"
#include "store/app_settings.h"

#include <QJsonObject>

#include <algorithm>

namespace casebook::cli {
namespace {

// The names a person types: hours for the clocks (one per clock of the channel table, due_hours.NAME; the
// store keeps seconds), how each clock counts (due_mode.NAME), the business hours per weekday, the seller's
// days off and whether public holidays are days off.
struct Field {
    enum class Kind { Text, Url, Hours, Mode, Day, DaysOff, Holidays };
    QString name;
    QString key;
    Kind kind = Kind::Text;
    std::optional<Channel> clock;
    int day = 0; // 1 Monday … 7 Sunday, for Kind::Day
};

QList<Field> fields()
{
    using K = Field::Kind;
    QList<Field> out{{QStringLiteral("seller_name"), AppSettings::kSellerName},
                     {QStringLiteral("seller_signature"), AppSettings::kSellerSignature},
                     {QStringLiteral("tsa_url"), case_file_timestamp::kSettingKey, K::Url}};
    for (Channel clock : DueClocks::clocks())
        out.append({QStringLiteral("due_hours.") + toString(clock), AppSettings::dueKey(clock), K::Hours, clock});
    for (Channel clock : DueClocks::clocks())
        out.append({QStringLiteral("due_mode.") + toString(clock), AppSettings::dueModeKey(clock), K::Mode, clock});
    for (int day = 1; day <= 7; ++day)
        out.append({AppSettings::hoursKey(day), AppSettings::hoursKey(day), K::Day, std::nullopt, day});
    out.append({AppSettings::kDaysOff, AppSettings::kDaysOff, K::DaysOff});
    out.append({AppSettings::kPublicHolidays, AppSettings::kPublicHolidays, K::Holidays});
    return out;
}

QJsonObject currentJson(SQLite::Database& db)
{
    const SellerProfile seller = AppSettings::seller(db);
    const DueClocks due = AppSettings::dueClocks(db);
    QJsonObject o{{QStringLiteral("seller_name"), seller.name},
                  {QStringLiteral("seller_signature"), seller.signature}};
    QList<QDate> off = due.hours().daysOff.values();
    std::sort(off.begin(), off.end());
    QStringList days;
    for (const QDate& d : off)
        days << d.toString(Qt::ISODate);
    for (const Field& f : fields()) {
        switch (f.kind) {
        case Field::Kind::Text:
            break;
        case Field::Kind::Url:
            o.insert(f.name, AppSettings::value(db, f.key));
            break;
        case Field::Kind::Hours:
            o.insert(f.name, double(due.secs(*f.clock)) / 3600.0);
            break;
        case Field::Kind::Mode:
            o.insert(f.name, due.businessHours(*f.clock) ? QStringLiteral("business") : QStringLiteral("calendar"));
            break;
        case Field::Kind::Day:
            o.insert(f.name, BusinessHours::dayText(due.hours().week[static_cast<std::size_t>(f.day - 1)]));
            break;
        case Field::Kind::DaysOff:
            o.insert(f.name, days.join(QLatin1Char(',')));
            break;
        case Field::Kind::Holidays:
            o.insert(f.name, due.usesPublicHolidays() ? QStringLiteral("kr") : QStringLiteral("none"));
            break;
        }
    }
    o.insert(QStringLiteral("own_addresses"), AppSettings::value(db, own_addresses::kSettingKey));
    return o;
}

// The value as stored, or why it is refused.
Result<QString> storedValue(const Field& f, const QString& value)
{
    auto refuse = [&](const QString& why) {
        return Result<QString>(makeError(ErrorCode::InvalidInput, f.name + QStringLiteral(" takes ") + why));
    };
    const QString v = value.trimmed();
    switch (f.kind) {
    case Field::Kind::Text:
        return v;
    case Field::Kind::Url: {
        if (!case_file_timestamp::isAcceptableUrl(v))
            return refuse(QStringLiteral("the http(s) address of an RFC 3161 timestamp authority, or \"\" for none"));
        return v;
    }
    case Field::Kind::Hours: {
        bool ok = false;
        const double h = v.toDouble(&ok);
        if (!ok || h <= 0 || h > 24 * 365)
            return refuse(QStringLiteral("a number of hours above 0, not '%1'").arg(value));
        return QString::number(qRound64(h * 3600));
    }
    case Field::Kind::Mode:
        if (v != QLatin1String("calendar") && v != QLatin1String("business"))
            return refuse(QStringLiteral("calendar or business, not '%1'").arg(value));
        if (v == QLatin1String("business") && !DueClocks::mayCountBusinessHours(*f.clock))
            return refuse(QStringLiteral("calendar only: %1 takes the question over when its time is up, "
                                         "nights and weekends included")
                              .arg(QString::fromUtf8(channelInfo(*f.clock).customerLabelEn.data(),
                                                     qsizetype(channelInfo(*f.clock).customerLabelEn.size()))));
        return v;
    case Field::Kind::Day: {
        auto ranges = BusinessHours::parseDay(v);
        if (!ranges)
            return refuse(ranges.error().message);
        return BusinessHours::dayText(ranges.value());
    }
    case Field::Kind::DaysOff: {
        QList<QDate> days;
        for (const QString& d : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QDate day = QDate::fromString(d.trimmed(), Qt::ISODate);
            if (!day.isValid())
                return refuse(QStringLiteral("dates like 2026-12-24,2026-12-31 (or nothing), not '%1'").arg(d));
            if (!days.contains(day))
                days << day;
        }
        std::sort(days.begin(), days.end());
        QStringList out;
        for (const QDate& d : days)
            out << d.toString(Qt::ISODate);
        return out.join(QLatin1Char(','));
    }
    case Field::Kind::Holidays:
        if (v != QLatin1String("kr") && v != QLatin1String("none"))
            return refuse(QStringLiteral("kr (Korean public holidays, substitute holidays included) or none"));
        return v;
    }
    return v;
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
    const QString value = c.args.at(2);
    if (name == own_addresses::kSettingKey)
        return setOwnAddresses(*db, value);
    const QList<Field> all = fields();
    for (const Field& f : all) {
        if (name != f.name)
            continue;
        const auto stored = storedValue(f, value);
        if (!stored)
            return fail(stored.error().message, kUsage);
        const auto written = db->write([&](SQLite::Database& w) -> Result<void> {
            AppSettings::setValue(w, f.key, stored.value());
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
        if (f.kind == Field::Kind::Hours)
            clocks << f.name;
    return {
        {QStringLiteral("settings"),
         QStringLiteral("settings [--json] | settings set NAME VALUE\n"
                        "                          the seller's name and signature ({{seller_name}}), the "
                        "answer-due hours\n                          per channel (%1), how each counts\n"
                        "                          (due_mode.NAME calendar|business), business hours per day\n"
                        "                          (business_hours.mon 09:00-12:00,13:00-18:00 or off), days off\n"
                        "                          (days_off 2026-12-24,2026-12-31), public_holidays kr|none,\n"
                        "                          your own addresses (own_addresses a@shop.example,@shop.example), and\n"
                        "                          tsa_url: an RFC 3161 timestamp authority that stamps each case file")
             .arg(clocks.join(QStringLiteral(", "))),
         {QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print JSON."))},
         settings},
    };
}

} // namespace casebook::cli
