#include "store/app_settings.h"

#include "store/database.h"
#include "store/sql_util.h"

#include <SQLiteCpp/Statement.h>

namespace casebook {

const QString AppSettings::kSellerName = QStringLiteral("seller_name");
const QString AppSettings::kSellerSignature = QStringLiteral("seller_signature");
const QString AppSettings::kDueEmail = QStringLiteral("due_secs.email");
const QString AppSettings::kDueCoupang = QStringLiteral("due_secs.coupang");
const QString AppSettings::kDueNaver = QStringLiteral("due_secs.naver");

namespace {

// A clock of zero or less would make every ticket overdue on arrival: treat it as unset.
qint64 secsOr(SQLite::Database& db, const QString& key, qint64 fallback)
{
    bool ok = false;
    const qint64 v = AppSettings::value(db, key).toLongLong(&ok);
    return ok && v > 0 ? v : fallback;
}

} // namespace

qint64 DueClocks::forChannel(Channel channel) const
{
    switch (channel) {
    case Channel::Coupang:
        return coupangSecs;
    case Channel::Naver:
        return naverSecs;
    case Channel::Email:
    case Channel::Csv:
        break;
    }
    return emailSecs;
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
    c.emailSecs = secsOr(db, kDueEmail, c.emailSecs);
    c.coupangSecs = secsOr(db, kDueCoupang, c.coupangSecs);
    c.naverSecs = secsOr(db, kDueNaver, c.naverSecs);
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
    if (clocks.emailSecs <= 0 || clocks.coupangSecs <= 0 || clocks.naverSecs <= 0)
        return makeError(QStringLiteral("An answer-due time must be longer than zero."));
    return db.write([&](SQLite::Database& w) -> Result<void> {
        setValue(w, kDueEmail, QString::number(clocks.emailSecs));
        setValue(w, kDueCoupang, QString::number(clocks.coupangSecs));
        setValue(w, kDueNaver, QString::number(clocks.naverSecs));
        return {};
    });
}

} // namespace casebook
