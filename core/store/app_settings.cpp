#include "store/app_settings.h"

#include "store/database.h"
#include "store/sql_util.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace casebook {

const QString AppSettings::kSellerName = QStringLiteral("seller_name");
const QString AppSettings::kSellerSignature = QStringLiteral("seller_signature");
const QString AppSettings::kDaysOff = QStringLiteral("days_off");
const QString AppSettings::kPublicHolidays = QStringLiteral("public_holidays");

namespace {

// A clock of zero or less would make every ticket overdue on arrival: treat it as unset.
qint64 secsOr(SQLite::Database& db, const QString& key, qint64 fallback)
{
    bool ok = false;
    const qint64 v = AppSettings::value(db, key).toLongLong(&ok);
    return ok && v > 0 ? v : fallback;
}

} // namespace

DueClocks::DueClocks() : m_hours(BusinessHours::standard())
{
    for (const ChannelInfo& row : kChannelTable) {
        set(row.channel, defaultSecs(row.channel));
        setBusinessHours(row.channel, !row.due.calendarHours);
    }
    m_hours.holidays = korean_holidays::dates();
}

bool DueClocks::mayCountBusinessHours(Channel clock)
{
    return !channelInfo(clock).due.takesOver;
}

void DueClocks::setUsesPublicHolidays(bool on)
{
    m_publicHolidays = on;
    m_hours.holidays = on ? korean_holidays::dates() : QSet<QDate>{};
}

QDateTime DueClocks::dueAt(Channel channel, const QDateTime& at) const
{
    const Channel clock = channelInfo(channel).due.clock;
    return businessHours(clock) ? m_hours.addWorkingSecs(at, secs(clock)) : at.addSecs(secs(clock));
}

QList<Channel> DueClocks::clocks()
{
    QList<Channel> out;
    for (const ChannelInfo& row : kChannelTable)
        if (row.due.clock == row.channel)
            out << row.channel;
    return out;
}

qint64 DueClocks::defaultSecs(Channel clock)
{
    return qint64(channelInfo(clock).due.defaultHours) * 3600;
}

qint64 DueClocks::forChannel(Channel channel) const
{
    return secs(channelInfo(channel).due.clock);
}

QString AppSettings::dueKey(Channel clock)
{
    return QStringLiteral("due_secs.") + toString(clock);
}

QString AppSettings::dueModeKey(Channel clock)
{
    return QStringLiteral("due_mode.") + toString(clock);
}

QString AppSettings::hoursKey(int dayOfWeek)
{
    static const char* kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    return QStringLiteral("business_hours.") + QLatin1String(kDays[(dayOfWeek - 1) % 7]);
}

QString AppSettings::value(SQLite::Database& db, const QString& key)
{
    try {
        SQLite::Statement st(db, "SELECT value FROM meta WHERE key = ?");
        sql::bindText(st, 1, key);
        if (st.executeStep())
            return sql::textOf(st.getColumn(0));
    } catch (const SQLite::Exception&) {
    }
    return {};
}

void AppSettings::setValue(SQLite::Database& db, const QString& key, const QString& value)
{
    SQLite::Statement st(db, "INSERT INTO meta(key, value) VALUES (?1, ?2) "
                             "ON CONFLICT(key) DO UPDATE SET value = ?2");
    sql::bindText(st, 1, key);
    sql::bindText(st, 2, value);
    st.exec();
}

SellerProfile AppSettings::seller(SQLite::Database& db)
{
    return {value(db, kSellerName), value(db, kSellerSignature)};
}

DueClocks AppSettings::dueClocks(SQLite::Database& db)
{
    DueClocks c;
    for (Channel clock : DueClocks::clocks()) {
        c.set(clock, secsOr(db, dueKey(clock), c.secs(clock)));
        const QString mode = value(db, dueModeKey(clock));
        if (!mode.isEmpty())
            c.setBusinessHours(clock, mode == QLatin1String("business"));
    }
    BusinessHours hours = c.hours();
    for (int day = 1; day <= 7; ++day) {
        const QString text = value(db, hoursKey(day));
        if (text.isEmpty())
            continue;
        if (auto ranges = BusinessHours::parseDay(text))
            hours.week[static_cast<std::size_t>(day - 1)] = ranges.value();
    }
    for (const QString& d : value(db, kDaysOff).split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const QDate day = QDate::fromString(d.trimmed(), Qt::ISODate); day.isValid())
            hours.daysOff.insert(day);
    c.setHours(hours);
    c.setUsesPublicHolidays(value(db, kPublicHolidays) != QLatin1String("none"));
    return c;
}

Result<void> AppSettings::save(Database& db, const SellerProfile& seller)
{
    return db.write([&](SQLite::Database& w) -> Result<void> {
        setValue(w, kSellerName, seller.name.trimmed());
        setValue(w, kSellerSignature, seller.signature.trimmed());
        return {};
    });
}

Result<void> AppSettings::save(Database& db, const DueClocks& clocks)
{
    for (Channel clock : DueClocks::clocks())
        if (clocks.secs(clock) <= 0)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("An answer-due time must be longer than zero."));
    return db.write([&](SQLite::Database& w) -> Result<void> {
        for (Channel clock : DueClocks::clocks()) {
            setValue(w, dueKey(clock), QString::number(clocks.secs(clock)));
            setValue(w, dueModeKey(clock),
                     clocks.businessHours(clock) ? QStringLiteral("business") : QStringLiteral("calendar"));
        }
        for (int day = 1; day <= 7; ++day)
            setValue(w, hoursKey(day), BusinessHours::dayText(clocks.hours().week[static_cast<std::size_t>(day - 1)]));
        QList<QDate> off = clocks.hours().daysOff.values();
        std::sort(off.begin(), off.end());
        QStringList days;
        for (const QDate& d : off)
            days << d.toString(Qt::ISODate);
        setValue(w, kDaysOff, days.join(QLatin1Char(',')));
        setValue(w, kPublicHolidays, clocks.usesPublicHolidays() ? QStringLiteral("kr") : QStringLiteral("none"));
        return {};
    });
}

} // namespace casebook
