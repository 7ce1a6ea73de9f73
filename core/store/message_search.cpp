#include "store/message_search.h"

#include "store/sql_util.h"

#include <SQLiteCpp/Statement.h>
#include <variant>
#include <vector>

namespace casebook {
namespace {

// Subject and names weigh more than the body: a word in the subject says what the message is about.
constexpr const char* kRank = "bm25(message_fts, 4.0, 1.0, 2.0, 2.0, 1.0)";

// The FROM and WHERE of a search, built from fixed fragments; every value the user typed is a bound
// parameter.
struct SqlParts {
    std::string from;
    std::string where;
    std::vector<std::variant<qint64, QString>> binds;
    bool fts = false;
    bool filtered = false; // something beyond the words: the messages table must be read

    void bind(SQLite::Statement& st) const
    {
        int i = 1;
        for (const auto& b : binds) {
            if (const auto* n = std::get_if<qint64>(&b))
                st.bind(i++, static_cast<int64_t>(*n));
            else
                sql::bindText(st, i++, std::get<QString>(b));
        }
    }
};

std::string placeholders(qsizetype n)
{
    std::string s;
    for (qsizetype i = 0; i < n; ++i)
        s += i ? ",?" : "?";
    return s;
}

SqlParts build(const SearchQuery& q)
{
    SqlParts p;
    p.fts = !q.terms.isEmpty();
    p.filtered = !q.statuses.isEmpty() || !q.channels.isEmpty() || !q.orders.isEmpty() || q.after.isValid() ||
                 q.before.isValid();
    // CROSS JOIN keeps the index lookup outermost: a match list is short, the messages table is not.
    // Quarantined messages are not in the index and have no ticket, so the join to tickets leaves them out.
    p.from = p.fts ? "message_fts CROSS JOIN messages m ON m.id = message_fts.rowid" : "messages m";
    p.from += " JOIN tickets t ON t.id = m.ticket_id";
    p.where = "1";
    if (p.fts) {
        p.where += " AND message_fts MATCH ?";
        p.binds.emplace_back(q.ftsExpression());
    }
    if (!q.statuses.isEmpty()) {
        p.where += " AND t.status IN (" + placeholders(q.statuses.size()) + ")";
        for (TicketStatus s : q.statuses)
            p.binds.emplace_back(toString(s));
    }
    if (!q.channels.isEmpty()) {
        p.where += " AND m.channel IN (" + placeholders(q.channels.size()) + ")";
        for (Channel c : q.channels)
            p.binds.emplace_back(toString(c));
    }
    if (!q.orders.isEmpty()) {
        std::string any;
        for (const QString& o : q.orders) {
            any += any.empty() ? "" : " OR ";
            if (o.endsWith(QLatin1Char('*'))) {
                const QString head = o.chopped(1);
                any += "substr(order_number, 1, ?) = ?";
                p.binds.emplace_back(static_cast<qint64>(head.size()));
                p.binds.emplace_back(head);
            } else {
                any += "order_number = ?";
                p.binds.emplace_back(o);
            }
        }
        p.where += " AND m.ticket_id IN (SELECT ticket_id FROM ticket_orders WHERE " + any + ")";
    }
    if (q.after.isValid()) {
        p.where += " AND m.date >= ?";
        p.binds.emplace_back(static_cast<qint64>(q.after.toMSecsSinceEpoch()));
    }
    if (q.before.isValid()) {
        p.where += " AND m.date < ?";
        p.binds.emplace_back(static_cast<qint64>(q.before.toMSecsSinceEpoch()));
    }
    return p;
}

std::string orderBy(const SqlParts& p, SearchOrder order)
{
    if (order == SearchOrder::Relevance && p.fts)
        return std::string(kRank) + ", m.date DESC, m.id DESC";
    return "m.date DESC, m.id DESC";
}

// The words to mark in snippets: each body or subject term and, for phrases, each of its words.
QStringList needlesOf(const SearchQuery& q)
{
    QStringList needles;
    for (const SearchQuery::Term& t : q.terms) {
        if (t.field == SearchQuery::Field::From || t.field == SearchQuery::Field::To)
            continue; // the snippet is cut from the body
        needles << t.text.simplified();
        const QStringList words = t.text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.size() > 1)
            needles << words;
    }
    return needles;
}

Error searchFailed(const std::exception& e)
{
    // User text never reaches SQL unbound, so this is the database failing, not the query being wrong.
    return makeError(QStringLiteral("The search could not be run: the database reported \"%1\".")
                         .arg(QString::fromUtf8(e.what())));
}

template <typename F>
auto withParsed(const QString& text, F&& run) -> decltype(run(std::declval<const SearchQuery&>()))
{
    auto q = SearchQuery::parse(text);
    if (!q)
        return q.error();
    return run(q.value());
}

} // namespace

Result<QList<SearchHit>> MessageSearch::hits(const SearchQuery& query, const SearchPage& page)
{
    const SqlParts p = build(query);
    const std::string text = "SELECT m.id, m.ticket_id, t.number, m.channel, m.direction, m.from_name, "
                             "m.from_address, m.subject, m.date, m.text_body FROM " +
                             p.from + " WHERE " + p.where + " ORDER BY " + orderBy(p, page.order) +
                             " LIMIT ? OFFSET ?";
    const QStringList needles = needlesOf(query);
    try {
        SQLite::Statement st(m_db, text);
        p.bind(st);
        st.bind(static_cast<int>(p.binds.size()) + 1, std::max(0, page.limit));
        st.bind(static_cast<int>(p.binds.size()) + 2, std::max(0, page.offset));
        QList<SearchHit> out;
        while (st.executeStep()) {
            SearchHit h;
            h.messageId = st.getColumn(0).getInt64();
            h.ticketId = st.getColumn(1).getInt64();
            h.ticketNumber = st.getColumn(2).getInt();
            h.channel = channelFromString(sql::textOf(st.getColumn(3))).value_or(Channel::Email);
            h.direction = directionFromString(sql::textOf(st.getColumn(4))).value_or(Direction::In);
            h.fromName = sql::textOf(st.getColumn(5));
            h.fromAddress = sql::textOf(st.getColumn(6));
            h.subject = sql::textOf(st.getColumn(7));
            h.date = sql::timeOf(st.getColumn(8));
            h.snippet = SearchSnippet::make(sql::textOf(st.getColumn(9)), needles);
            out.append(std::move(h));
        }
        return out;
    } catch (const SQLite::Exception& e) {
        return searchFailed(e);
    }
}

Result<qint64> MessageSearch::count(const SearchQuery& query)
{
    const SqlParts p = build(query);
    try {
        // Words alone are counted in the index: every indexed row is a message in a ticket, and reading
        // the matching rows of messages would cost more than the whole search.
        const bool indexOnly = p.fts && !p.filtered;
        SQLite::Statement st(m_db, indexOnly ? "SELECT count(*) FROM message_fts WHERE message_fts MATCH ?"
                                             : "SELECT count(*) FROM " + p.from + " WHERE " + p.where);
        p.bind(st);
        st.executeStep();
        return static_cast<qint64>(st.getColumn(0).getInt64());
    } catch (const SQLite::Exception& e) {
        return searchFailed(e);
    }
}

Result<QList<qint64>> MessageSearch::ticketIds(const SearchQuery& query, SearchOrder order)
{
    const SqlParts p = build(query);
    // FTS5 ranks only in the query that matches, not under GROUP BY: rank the hits first, then group them.
    const bool ranked = order == SearchOrder::Relevance && p.fts;
    const std::string text = "WITH hits AS MATERIALIZED (SELECT m.ticket_id AS ticket, m.date AS date, " +
                             (ranked ? std::string(kRank) : std::string("0")) + " AS rank FROM " + p.from +
                             " WHERE " + p.where + ") SELECT ticket FROM hits GROUP BY ticket ORDER BY " +
                             (ranked ? "MIN(rank), " : "") + "MAX(date) DESC, ticket DESC";
    try {
        SQLite::Statement st(m_db, text);
        p.bind(st);
        QList<qint64> out;
        while (st.executeStep())
            out.append(st.getColumn(0).getInt64());
        return out;
    } catch (const SQLite::Exception& e) {
        return searchFailed(e);
    }
}

Result<QList<SearchHit>> MessageSearch::hits(const QString& text, const SearchPage& page)
{
    return withParsed(text, [&](const SearchQuery& q) { return hits(q, page); });
}

Result<qint64> MessageSearch::count(const QString& text)
{
    return withParsed(text, [&](const SearchQuery& q) { return count(q); });
}

Result<QList<qint64>> MessageSearch::ticketIds(const QString& text, SearchOrder order)
{
    return withParsed(text, [&](const SearchQuery& q) { return ticketIds(q, order); });
}

} // namespace casebook
