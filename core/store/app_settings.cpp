#include "store/app_settings.h"

#include "store/database.h"
#include "store/sql_util.h"

#include <SQLiteCpp/Statement.h>

namespace casebook {

const QString AppSettings::kSellerName = QStringLiteral("seller_name");
const QString AppSettings::kSellerSignature = QStringLiteral("seller_signature");

namespace {

// A clock of zero or less would make every ticket overdue on arrival: treat it as unset.
qint64 secsOr(SQLite::Database& db, const QString& key, qint64 fallback)
{
    bool ok = false;
    const qint64 v = AppSettings::value(db, key).toLongLong(&ok);
    return ok && v > 0 ? v : fallback;
}

} // namespace

DueClocks::DueClocks()
{
    for (const ChannelInfo& row : kChannelTable)
        set(row.channel, defaultSecs(row.channel));
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
    for (Channel clock : DueClocks::clocks())
        c.set(clock, secsOr(db, dueKey(clock), c.secs(clock)));
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
        for (Channel clock : DueClocks::clocks())
            setValue(w, dueKey(clock), QString::number(clocks.secs(clock)));
        return {};
    });
}

} // namespace casebook
