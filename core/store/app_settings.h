#pragma once

#include "model/business_hours.h"
#include "model/enums.h"
#include "model/result.h"

#include <QList>
#include <QString>
#include <SQLiteCpp/Database.h>

namespace casebook {

class Database;

// Who answers: the name templates sign with ({{seller_name}}) and the signature a reply ends with.
struct SellerProfile {
    QString name;
    QString signature;
};

// How long after a customer writes the answer is due, per clock, and how the clock counts: calendar hours
// or the seller's business hours (BusinessHours: the week, public holidays, days off). The clocks, their
// defaults and which channel reads which clock are the channel table's due rules (model/channel_table.h): a
// channel has a clock of its own (a setting) or reads another's. Marketplaces hold sellers to 24 hours.
struct DueClocks {
    DueClocks(); // every clock at the table's default, business hours standard with Korean public holidays

    // The channels that own a clock, in table order: what the Settings dialog and `settings` list.
    static QList<Channel> clocks();
    static qint64 defaultSecs(Channel clock);
    // A clock the marketplace enforces by taking the question over counts calendar hours, always.
    static bool mayCountBusinessHours(Channel clock);

    qint64 forChannel(Channel channel) const; // the clock the channel reads
    qint64 secs(Channel clock) const { return m_secs[channelIndex(clock)]; }
    void set(Channel clock, qint64 secs) { m_secs[channelIndex(clock)] = secs; }
    bool businessHours(Channel clock) const { return m_business[channelIndex(clock)]; }
    // Ignored for a clock that may not count business hours.
    void setBusinessHours(Channel clock, bool on) { m_business[channelIndex(clock)] = on && mayCountBusinessHours(clock); }
    const BusinessHours& hours() const { return m_hours; }
    void setHours(const BusinessHours& hours) { m_hours = hours; }
    bool usesPublicHolidays() const { return m_publicHolidays; }
    void setUsesPublicHolidays(bool on);

    // When an answer to a message that arrived on `channel` at `at` is due.
    QDateTime dueAt(Channel channel, const QDateTime& at) const;
    bool operator==(const DueClocks&) const = default;

private:
    std::array<qint64, kChannelCount> m_secs{}; // by channelIndex; only the clocks' own entries are read
    std::array<bool, kChannelCount> m_business{};
    BusinessHours m_hours;
    bool m_publicHolidays = true;
};

// The seller's settings that core reads as well as the window: kept in the database's `meta` table, so the
// desktop app, the CLI and every import read the same values. Reads never fail: an unset or unreadable
// value is the default.
class AppSettings {
public:
    static QString value(SQLite::Database& db, const QString& key);
    // Inside a transaction that Database::write opened; throws SQLite::Exception like every write.
    static void setValue(SQLite::Database& db, const QString& key, const QString& value);

    static SellerProfile seller(SQLite::Database& db);
    static DueClocks dueClocks(SQLite::Database& db);

    static Result<void> save(Database& db, const SellerProfile& seller);
    static Result<void> save(Database& db, const DueClocks& clocks);

    // The keys, for the CLI and tests.
    static const QString kSellerName;
    static const QString kSellerSignature;
    // "due_secs.NAME" for a channel that owns a clock (DueClocks::clocks()).
    static QString dueKey(Channel clock);
    // "due_mode.NAME": "business" or "calendar".
    static QString dueModeKey(Channel clock);
    // "business_hours.mon" … "business_hours.sun": a day's hours (BusinessHours::parseDay).
    static QString hoursKey(int dayOfWeek);
    static const QString kDaysOff;        // "days_off": ISO dates, comma separated
    static const QString kPublicHolidays; // "public_holidays": "kr" (the default) or "none"
};

} // namespace casebook
