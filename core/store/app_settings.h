#pragma once

#include "model/enums.h"
#include "model/result.h"

#include <QString>
#include <SQLiteCpp/Database.h>

namespace casebook {

class Database;

// Who answers: the name templates sign with ({{seller_name}}) and the signature a reply ends with.
struct SellerProfile {
    QString name;
    QString signature;
};

// How long after a customer writes the answer is due, per channel. Marketplaces hold sellers to 24 hours.
struct DueClocks {
    static constexpr qint64 kDefaultSecs = 24 * 3600;
    qint64 emailSecs = kDefaultSecs;
    qint64 coupangSecs = kDefaultSecs;
    qint64 naverSecs = kDefaultSecs;

    qint64 forChannel(Channel channel) const;
    bool operator==(const DueClocks&) const = default;
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
    static const QString kDueEmail;
    static const QString kDueCoupang;
    static const QString kDueNaver;
};

} // namespace casebook
