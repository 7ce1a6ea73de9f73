#include "store/saved_searches.h"

#include "store/sql_util.h"
#include "store/ticket_writes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <SQLiteCpp/Statement.h>

namespace casebook::saved_searches {
namespace {

QString detail(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Result<QString> checkedName(SQLite::Database& db, const QString& name, qint64 exceptId)
{
    const QString n = name.simplified();
    if (n.isEmpty())
        return makeError(QStringLiteral("A saved search needs a name."));
    SQLite::Statement st(db, "SELECT 1 FROM saved_searches WHERE name = ? AND id <> ?");
    sql::bindText(st, 1, n);
    st.bind(2, static_cast<int64_t>(exceptId));
    if (st.executeStep())
        return makeError(
            QStringLiteral("There is already a saved search named \"%1\": choose another name.").arg(n));
    return n;
}

} // namespace

QList<SavedSearch> list(SQLite::Database& db)
{
    SQLite::Statement st(db, "SELECT id, name, query FROM saved_searches ORDER BY name COLLATE NOCASE, id");
    QList<SavedSearch> out;
    while (st.executeStep())
        out << SavedSearch{st.getColumn(0).getInt64(), sql::textOf(st.getColumn(1)),
                           sql::textOf(st.getColumn(2))};
    return out;
}

Result<qint64> add(Database& database, const QString& name, const QString& query)
{
    if (query.trimmed().isEmpty())
        return makeError(
            QStringLiteral("A saved search needs a query (what you would type in the search box)."));
    qint64 id = 0;
    auto done = database.write([&](SQLite::Database& db) -> Result<void> {
        auto n = checkedName(db, name, 0);
        if (!n)
            return n.error();
        SQLite::Statement st(db, "INSERT INTO saved_searches(name, query, created_at) VALUES (?, ?, ?)");
        sql::bindText(st, 1, n.value());
        sql::bindText(st, 2, query.trimmed());
        sql::bindTime(st, 3, database.clock().now());
        st.exec();
        id = db.getLastInsertRowid();
        ticket_writes::recordEvent(
            db, std::nullopt, database.clock().now(), QStringLiteral("saved_search_added"),
            detail({{QStringLiteral("name"), n.value()}, {QStringLiteral("query"), query}}));
        return {};
    });
    if (!done)
        return done.error();
    return id;
}

Result<void> rename(Database& database, qint64 id, const QString& name)
{
    return database.write([&](SQLite::Database& db) -> Result<void> {
        auto n = checkedName(db, name, id);
        if (!n)
            return n.error();
        SQLite::Statement st(db, "UPDATE saved_searches SET name = ? WHERE id = ?");
        sql::bindText(st, 1, n.value());
        st.bind(2, static_cast<int64_t>(id));
        if (st.exec() == 0)
            return makeError(QStringLiteral("That saved search no longer exists."));
        ticket_writes::recordEvent(
            db, std::nullopt, database.clock().now(), QStringLiteral("saved_search_renamed"),
            detail({{QStringLiteral("id"), static_cast<double>(id)}, {QStringLiteral("name"), n.value()}}));
        return {};
    });
}

Result<void> remove(Database& database, qint64 id)
{
    return database.write([&](SQLite::Database& db) -> Result<void> {
        SQLite::Statement st(db, "DELETE FROM saved_searches WHERE id = ?");
        st.bind(1, static_cast<int64_t>(id));
        if (st.exec() == 0)
            return makeError(QStringLiteral("That saved search no longer exists."));
        ticket_writes::recordEvent(db, std::nullopt, database.clock().now(),
                                   QStringLiteral("saved_search_removed"),
                                   detail({{QStringLiteral("id"), static_cast<double>(id)}}));
        return {};
    });
}

} // namespace casebook::saved_searches
