#include "search/searcher.h"

#include "search/unicode_text.h"

#include <algorithm>
#include <sqlite3.h>
#include <variant>

namespace casebook::search {
namespace {

// Subject and names weigh more than the body: a word in the subject says what the message is about.
constexpr const char* kRank = "bm25(message_fts, 4.0, 1.0, 2.0, 2.0, 1.0)";

// A prepared statement, finalized when it goes.
class Statement {
public:
    Statement(sqlite3* db, const std::string& sql) : m_db(db)
    {
        m_rc = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &m_st, nullptr);
    }
    ~Statement() { sqlite3_finalize(m_st); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool prepared() const { return m_rc == SQLITE_OK; }
    sqlite3_stmt* get() const { return m_st; }
    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return m_rc = sqlite3_step(m_st); }
    bool failed() const { return m_rc != SQLITE_OK && m_rc != SQLITE_ROW && m_rc != SQLITE_DONE; }
    std::string text(int column) const
    {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_st, column));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_st, column)))
                 : std::string();
    }
    // The error of the last call, as the user sees it.
    std::string failure() const
    {
        // User text never reaches SQL unbound, so this is the database failing, not the query being wrong.
        return std::string("The search could not be run: the database reported \"") + sqlite3_errmsg(m_db) +
               "\".";
    }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_st = nullptr;
    int m_rc = SQLITE_OK;
};

// The FROM and WHERE of a search, built from fixed fragments; every value the user typed is a bound
// parameter.
struct SqlParts {
    std::string from;
    std::string messages; // the messages table as a search without words reads it
    std::string where;
    std::vector<std::variant<std::int64_t, std::string>> binds;
    bool fts = false;
    bool filtered = false; // something beyond the words: the messages table must be read

    // Binds the values from parameter 1; returns the next free parameter.
    int bind(Statement& st) const
    {
        int i = 1;
        for (const auto& b : binds) {
            if (const auto* n = std::get_if<std::int64_t>(&b)) {
                sqlite3_bind_int64(st.get(), i++, *n);
            } else {
                const std::string& s = std::get<std::string>(b);
                sqlite3_bind_text(st.get(), i++, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
            }
        }
        return i;
    }
};

std::string placeholders(std::size_t n)
{
    std::string s;
    for (std::size_t i = 0; i < n; ++i)
        s += i ? ",?" : "?";
    return s;
}

SqlParts build(const Query& q)
{
    SqlParts p;
    const std::string match = q.ftsExpression();
    p.fts = !match.empty();
    p.filtered = !q.statuses.empty() || !q.channels.empty() || !q.orders.empty() || q.after || q.before;
    // CROSS JOIN keeps the index lookup outermost: a match list is short, the messages table is not.
    // Quarantined messages are not in the index and have no ticket, so the join to tickets leaves them out.
    // Without words, a sender's address is the lookup, named: statistics of a mailbox where most mail
    // comes from a few addresses would have the planner read the whole table instead.
    const bool bySender = std::any_of(q.terms.begin(), q.terms.end(), Query::bySender);
    p.messages = !p.fts && bySender ? "messages m INDEXED BY messages_from_address" : "messages m";
    p.from = p.fts ? "message_fts CROSS JOIN messages m ON m.id = message_fts.rowid" : p.messages;
    p.from += " JOIN tickets t ON t.id = m.ticket_id";
    p.where = "1";
    if (p.fts) {
        p.where += " AND message_fts MATCH ?";
        p.binds.emplace_back(match);
    }
    // A sender's address on the messages' index (messages_from_address, any case; it holds the messages
    // of tickets only, as the full-text index does).
    for (const Query::Term& t : q.terms) {
        if (!Query::bySender(t))
            continue;
        p.filtered = true;
        p.where += " AND m.from_address = ? COLLATE NOCASE AND m.ticket_id IS NOT NULL";
        p.binds.emplace_back(Query::addressOf(t));
    }
    if (!q.statuses.empty()) {
        p.where += " AND t.status IN (" + placeholders(q.statuses.size()) + ")";
        for (const std::string& s : q.statuses)
            p.binds.emplace_back(s);
    }
    if (!q.channels.empty()) {
        p.where += " AND m.channel IN (" + placeholders(q.channels.size()) + ")";
        for (const std::string& c : q.channels)
            p.binds.emplace_back(c);
    }
    if (!q.orders.empty()) {
        std::string any;
        for (const std::string& o : q.orders) {
            any += any.empty() ? "" : " OR ";
            if (!o.empty() && o.back() == '*') {
                const std::string head = o.substr(0, o.size() - 1);
                // substr() counts characters; the stored numbers and the head are both UTF-8.
                any += "substr(order_number, 1, ?) = ?";
                p.binds.emplace_back(static_cast<std::int64_t>(unicode::toUtf16(head).size()));
                p.binds.emplace_back(head);
            } else {
                any += "order_number = ?";
                p.binds.emplace_back(o);
            }
        }
        p.where += " AND m.ticket_id IN (SELECT ticket_id FROM ticket_orders WHERE " + any + ")";
    }
    if (q.after) {
        p.where += " AND m.date >= ?";
        p.binds.emplace_back(*q.after);
    }
    if (q.before) {
        p.where += " AND m.date < ?";
        p.binds.emplace_back(*q.before);
    }
    return p;
}

std::string orderBy(const SqlParts& p, Order order)
{
    if (order == Order::Relevance && p.fts)
        return std::string(kRank) + ", m.date DESC, m.id DESC";
    return "m.date DESC, m.id DESC";
}

// The words to mark in snippets: each body or subject term and, for phrases, each of its words.
std::vector<std::u16string> needlesOf(const Query& q)
{
    std::vector<std::u16string> needles;
    for (const Query::Term& t : q.terms) {
        if (t.field == Query::Field::From || t.field == Query::Field::To || t.excluded)
            continue; // the snippet is cut from the body, and holds no word left out
        const std::u16string text = unicode::toUtf16(t.text);
        needles.push_back(unicode::simplified(text));
        std::vector<std::u16string> words;
        for (std::size_t at = 0; at <= text.size();) {
            const std::size_t space = std::min(text.find(u' ', at), text.size());
            if (space > at)
                words.push_back(text.substr(at, space - at));
            at = space + 1;
        }
        if (words.size() > 1)
            needles.insert(needles.end(), words.begin(), words.end());
    }
    return needles;
}

// The name when it is one of `names`, else the first: what the Qt side's enum round trip gives.
std::string known(const std::string& name, const std::vector<std::string_view>& names)
{
    return std::find(names.begin(), names.end(), name) != names.end() ? name : std::string(names.front());
}

const std::vector<std::string_view>& directionNames()
{
    static const std::vector<std::string_view> names{"in", "out", "note"};
    return names;
}

} // namespace

Outcome<std::vector<Hit>> Searcher::hits(const Query& query, const Page& page)
{
    using Out = Outcome<std::vector<Hit>>;
    const SqlParts p = build(query);
    Statement st(m_db, "SELECT m.id, m.ticket_id, t.number, m.channel, m.direction, m.from_name, "
                       "m.from_address, m.subject, m.date, m.text_body FROM " +
                           p.from + " WHERE " + p.where + " ORDER BY " + orderBy(p, page.order) +
                           " LIMIT ? OFFSET ?");
    if (!st.prepared())
        return Out::failure(st.failure());
    const int next = p.bind(st);
    sqlite3_bind_int(st.get(), next, std::max(0, page.limit));
    sqlite3_bind_int(st.get(), next + 1, std::max(0, page.offset));
    const std::vector<std::u16string> needles = needlesOf(query);
    std::vector<Hit> out;
    while (st.step() == SQLITE_ROW) {
        Hit h;
        h.messageId = sqlite3_column_int64(st.get(), 0);
        h.ticketId = sqlite3_column_int64(st.get(), 1);
        h.ticketNumber = sqlite3_column_int(st.get(), 2);
        h.channel = known(st.text(3), Query::channelNames());
        h.direction = known(st.text(4), directionNames());
        h.fromName = st.text(5);
        h.fromAddress = st.text(6);
        h.subject = st.text(7);
        if (sqlite3_column_type(st.get(), 8) != SQLITE_NULL)
            h.date = sqlite3_column_int64(st.get(), 8);
        h.snippet = Snippet::make(unicode::toUtf16(st.text(9)), needles);
        out.push_back(std::move(h));
    }
    if (st.failed())
        return Out::failure(st.failure());
    return out;
}

Outcome<std::int64_t> Searcher::count(const Query& query)
{
    using Out = Outcome<std::int64_t>;
    const SqlParts p = build(query);
    // Words alone are counted in the index: every indexed row is a message in a ticket, and reading the
    // matching rows of messages would cost more than the whole search.
    const bool indexOnly = p.fts && !p.filtered;
    // Without words or statuses the messages alone are counted (a sender's address, a channel, an order):
    // the ticket of each needs no reading.
    const bool messagesOnly = !p.fts && query.statuses.empty();
    Statement st(m_db, indexOnly      ? std::string("SELECT count(*) FROM message_fts WHERE message_fts MATCH ?")
                       : messagesOnly ? "SELECT count(*) FROM " + p.messages + " WHERE m.ticket_id IS NOT NULL AND " + p.where
                                      : "SELECT count(*) FROM " + p.from + " WHERE " + p.where);
    if (!st.prepared())
        return Out::failure(st.failure());
    p.bind(st);
    if (st.step() != SQLITE_ROW)
        return Out::failure(st.failure());
    return static_cast<std::int64_t>(sqlite3_column_int64(st.get(), 0));
}

Outcome<std::vector<std::int64_t>> Searcher::ticketIds(const Query& query, Order order)
{
    using Out = Outcome<std::vector<std::int64_t>>;
    const SqlParts p = build(query);
    // FTS5 ranks only in the query that matches, not under GROUP BY: rank the hits first, then group them.
    const bool ranked = order == Order::Relevance && p.fts;
    Statement st(m_db, "WITH hits AS MATERIALIZED (SELECT m.ticket_id AS ticket, m.date AS date, " +
                           (ranked ? std::string(kRank) : std::string("0")) + " AS rank FROM " + p.from +
                           " WHERE " + p.where + ") SELECT ticket FROM hits GROUP BY ticket ORDER BY " +
                           (ranked ? "MIN(rank), " : "") + "MAX(date) DESC, ticket DESC");
    if (!st.prepared())
        return Out::failure(st.failure());
    p.bind(st);
    std::vector<std::int64_t> out;
    while (st.step() == SQLITE_ROW)
        out.push_back(sqlite3_column_int64(st.get(), 0));
    if (st.failed())
        return Out::failure(st.failure());
    return out;
}

} // namespace casebook::search
