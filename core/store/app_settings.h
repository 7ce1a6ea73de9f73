#pragma once

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

// How long after a customer writes the answer is due, per clock. The clocks, their defaults and which
// channel reads which clock are the channel table's due rules (model/channel_table.h): a channel has a clock
// of its own (a setting) or reads another's. Marketplaces hold sellers to 24 hours.
struct DueClocks {
    DueClocks(); // every clock at the table's default

    // The channels that own a clock, in table order: what the Settings dialog and `settings` list.
    static QList<Channel> clocks();
    static qint64 defaultSecs(Channel clock);

    qint64 forChannel(Channel channel) const; // the clock the channel reads
    qint64 secs(Channel clock) const { return m_secs[channelIndex(clock)]; }
    void set(Channel clock, qint64 secs) { m_secs[channelIndex(clock)] = secs; }
    bool operator==(const DueClocks&) const = default;

private:
    std::array<qint64, kChannelCount> m_secs{}; // by channelIndex; only the clocks' own entries are read
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
};

} // namespace casebook
