#pragma once

// What the query-plan tests stand on: the SQL a connection really runs, recorded (SqlLog), the plan SQLite
// makes for a statement (planOf), and a store filled in bulk to plan it on, with or without statistics.
#include "store/database.h"

#include <QRegularExpression>
#include <QStringList>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace casebook::test {

// The SQL text of every statement a connection runs while attached (triggers' bodies excepted).
class SqlLog {
public:
    void attach(SQLite::Database& db)
    {
        sqlite3_trace_v2(db.getHandle(), SQLITE_TRACE_STMT, &SqlLog::onTrace, this);
        m_attached.push_back(&db);
    }
    ~SqlLog()
    {
        for (SQLite::Database* db : m_attached)
            sqlite3_trace_v2(db->getHandle(), 0, nullptr, nullptr);
    }
    // Queries and writes only: transactions, savepoints and pragmas have no plan.
    std::set<std::string> statements() const
    {
        static const QRegularExpression kDml(QStringLiteral("^\\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\\b"),
                                             QRegularExpression::CaseInsensitiveOption);
        std::set<std::string> out;
        for (const std::string& s : m_seen)
            if (kDml.match(QString::fromStdString(s)).hasMatch())
                out.insert(s);
        return out;
    }

private:
    static int onTrace(unsigned type, void* self, void*, void* text)
    {
        const char* sql = static_cast<const char*>(text);
        if (type == SQLITE_TRACE_STMT && sql && std::strncmp(sql, "--", 2) != 0)
            static_cast<SqlLog*>(self)->m_seen.insert(sql);
        return 0;
    }
    std::set<std::string> m_seen;
    std::vector<SQLite::Database*> m_attached;
};

// A store filled in bulk: `tickets` tickets of 4 messages each, on the channels given (round robin),
// with references, order numbers and identities, as a big mailbox would hold them.
inline void fill(Database& db, const QStringList& channels, int tickets)
{
    QStringList quoted;
    for (const QString& c : channels)
        quoted << QLatin1Char('"') + c + QLatin1Char('"');
    const std::string list = "'[" + quoted.join(QLatin1Char(',')).toStdString() + "]'";
    auto channelFor = [&](const std::string& expr) {
        return "json_extract(" + list + ", '$[' || ((" + expr + ") % " + std::to_string(channels.size()) +
               ") || ']')";
    };
    REQUIRE(db.write([&](SQLite::Database& w) -> Result<void> {
        w.exec("INSERT INTO search_index_deferred(since_id) VALUES (0)"); // the search index is not planned here
        const std::string n = std::to_string(tickets);
        w.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + n +
               ") INSERT INTO customers(id, display_name, created_at) SELECT i, 'Customer ' || i, 0 FROM n");
        w.exec("INSERT INTO customer_identities(customer_id, kind, value) SELECT id, " + channelFor("id") +
               ", 'buyer' || id || '@customer.example' FROM customers");
        w.exec("INSERT INTO tickets(id, number, subject, subject_key, customer_id, status, category, due_at, "
               "created_at, last_activity_at) SELECT id, 1000 + id, 'Subject ' || id, 'subject ' || id, id, "
               "json_extract('[\"new\",\"open\",\"waiting\",\"resolved\",\"spam\"]', '$[' || (id % 5) || ']'), "
               "json_extract('[\"refund\",\"shipping\",\"other\"]', '$[' || (id % 3) || ']'), id * 1000, "
               "id * 1000, id * 1000 FROM customers");
        w.exec("INSERT INTO ticket_orders(ticket_id, order_number) SELECT id, 'ORD-' || id FROM tickets");
        w.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4 * " + n +
               ") INSERT INTO messages(id, ticket_id, direction, channel, external_id, thread_key, subject, date, "
               "customer_id, source, source_ref, created_at) SELECT i, (i - 1) / 4 + 1, "
               "CASE i % 2 WHEN 0 THEN 'in' ELSE 'out' END, " + channelFor("(i - 1) / 4 + 1") +
               ", 'm' || i || '@customer.example', CASE WHEN " + channelFor("(i - 1) / 4 + 1") +
               " <> 'email' THEN 'thread-' || ((i - 1) / 4 + 1) END, 'Subject', i * 1000, (i - 1) / 4 + 1, "
               "'maildir:/m', 'f' || i, i * 1000 FROM n");
        w.exec("INSERT INTO message_refs(message_id, ref) SELECT id, 'm' || (id - 1) || '@customer.example' "
               "FROM messages WHERE id % 4 <> 1");
        w.exec("INSERT INTO raw_messages(sha256, size, data) SELECT printf('%064d', id), 1, x'00' FROM messages");
        w.exec("UPDATE messages SET raw_sha256 = printf('%064d', id)");
        w.exec("DELETE FROM search_index_deferred");
        return {};
    }));
}

using Plan = std::vector<std::string>; // each row's detail, indented by its depth

inline Plan planOf(SQLite::Database& db, const std::string& sql)
{
    SQLite::Statement st(db, "EXPLAIN QUERY PLAN " + sql);
    std::map<int, int> depth;
    Plan plan;
    while (st.executeStep()) {
        const int id = st.getColumn(0).getInt();
        const int d = depth[st.getColumn(1).getInt()] + 1;
        depth[id] = d;
        plan.push_back(std::string(2 * static_cast<std::size_t>(d), ' ') + st.getColumn(3).getString());
    }
    return plan;
}

// Statistics for the planner, as if ANALYZE or PRAGMA optimize had run.
inline void analyze(Database& db)
{
    REQUIRE(db.write([](SQLite::Database& w) -> Result<void> {
        w.exec("ANALYZE");
        return {};
    }));
}
} // namespace casebook::test
