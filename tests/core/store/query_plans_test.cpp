// Every statement the import, the marketplace sync and the ticket window run, planned on the index it
// needs whatever the data. SQLite keeps no statistics here (nothing runs ANALYZE), so it picks indexes by
// shape alone: with every message on channel 'email', an index led by channel looked as good as one on the
// Message-ID and turned each threading lookup into a walk over all mail (issue 14). The statements are not
// copied into this test: it records the SQL the real code runs (sqlite3_trace_v2) and asks SQLite for the
// plan of each, on a database holding one channel only and on one holding several, without statistics and
// with them (as if ANALYZE or PRAGMA optimize had run).
#include "connectors/marketplace_connector.h"
#include "inbox/ingestor.h"
#include "inbox/mail_importer.h"
#include "plan_recorder.h"
#include "report/claims_list.h"
#include "report/report_figures.h"
#include "sources/maildir_source.h"
#include "store/message_search.h"
#include "store/ticket_lookup.h"
#include "store/ticket_queries.h"
#include "store/ticket_writes.h"
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTimeZone>
#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

using namespace casebook;
using test::analyze;
using test::fill;
using test::Plan;
using test::planOf;
using test::SqlLog;

namespace {

void attachWriter(Database& db, SqlLog& log)
{
    REQUIRE(db.write([&](SQLite::Database& w) -> Result<void> {
        log.attach(w);
        return {};
    }));
}

void writeMail(const QString& maildir, const QString& name, const QString& headers, const QString& body)
{
    QDir().mkpath(maildir + QStringLiteral("/cur"));
    QFile f(maildir + QStringLiteral("/cur/") + name + QStringLiteral(":2,S"));
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write((headers + QStringLiteral("MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n") + body)
                .toUtf8());
}

// The import path: a maildir with what threading looks at (a reply chain, a ghost parent, a reply that lost
// its headers, a case tag, an order number, the seller's own answer), imported twice (the second run finds
// every message stored).
void runImport(Database& db, const QString& root)
{
    const QString md = root + QStringLiteral("/Maildir");
    writeMail(md, QStringLiteral("1"),
              QStringLiteral("From: Alice <alice@customer.example>\nTo: help@example.com\nSubject: Where is "
                             "my order 123-1234567-1234567\nDate: Mon, 2 Dec 2024 10:00:00 +0000\n"
                             "Message-ID: <a1@customer.example>\n"),
              QStringLiteral("It has not arrived."));
    writeMail(md, QStringLiteral("2"),
              QStringLiteral("From: Help <help@example.com>\nTo: alice@customer.example\nSubject: Re: Where is "
                             "my order 123-1234567-1234567\nDate: Mon, 2 Dec 2024 11:00:00 +0000\n"
                             "Message-ID: <h1@example.com>\nIn-Reply-To: <a1@customer.example>\n"
                             "References: <a1@customer.example>\n"),
              QStringLiteral("It ships today."));
    writeMail(md, QStringLiteral("3"),
              QStringLiteral("From: Bob <bob@customer.example>\nTo: help@example.com\nSubject: Re: broken lid\n"
                             "Date: Tue, 3 Dec 2024 09:00:00 +0000\nMessage-ID: <b2@customer.example>\n"
                             "References: <ghost@customer.example>\n"),
              QStringLiteral("The lid is broken."));
    writeMail(md, QStringLiteral("4"),
              QStringLiteral("From: Alice <alice@customer.example>\nTo: help@example.com\nSubject: Re: Where "
                             "is my order 123-1234567-1234567\nDate: Wed, 4 Dec 2024 09:00:00 +0000\n"
                             "Message-ID: <a3@customer.example>\n"),
              QStringLiteral("Still nothing."));
    writeMail(md, QStringLiteral("5"),
              QStringLiteral("From: Carol <carol@customer.example>\nTo: help@example.com\nSubject: Re: [#1001] "
                             "refund\nDate: Thu, 5 Dec 2024 09:00:00 +0000\nMessage-ID: <c1@customer.example>\n"),
              QStringLiteral("About that case."));
    writeMail(md, QStringLiteral("6"),
              QStringLiteral("From: Bob <bob@customer.example>\nTo: help@example.com\nSubject: Re: broken lid\n"
                             "Date: Fri, 6 Dec 2024 09:00:00 +0000\nMessage-ID: <b3@customer.example>\n"),
              QStringLiteral("Any news?"));
    IngestOptions ingest;
    ingest.ownAddresses = {QStringLiteral("help@example.com")};
    for (int run = 0; run < 2; ++run) {
        MailImporter importer(db, ingest, ImportOptions{});
        MaildirSource source(md);
        auto report = importer.run(source);
        REQUIRE(report);
    }
}

InboundMessage marketplaceMessage(Channel channel, const QString& buyer, const QString& inquiry,
                                  const QString& order, Direction direction = Direction::In)
{
    InboundMessage m;
    m.channel = channel;
    m.direction = direction;
    m.externalId = toString(channel) + QStringLiteral(":online:") + inquiry + toString(direction);
    m.threadKey = toString(channel) + QStringLiteral(":online:") + inquiry;
    m.raw = m.externalId.toUtf8();
    m.subject = QStringLiteral("Inquiry ") + inquiry;
    m.text = QStringLiteral("When does it ship?");
    m.date = QDateTime(QDate(2026, 12, 1), QTime(9, 0), QTimeZone::utc());
    m.orderNumbers = {order};
    m.customer = Identity{toString(channel), buyer};
    m.source = toString(channel) + QStringLiteral(":shop");
    m.sourceRef = inquiry;
    return m;
}

// The sync path: marketplace pages written as walkWindows writes them (a question, its answer, a follow-up
// on another marketplace about the same order), then what the ticket pane reads back.
void runSync(Database& db)
{
    QList<InboundMessage> page = {
        marketplaceMessage(Channel::Coupang, QStringLiteral("buyer-1"), QStringLiteral("77"), QStringLiteral("9001")),
        marketplaceMessage(Channel::Coupang, QStringLiteral("buyer-1"), QStringLiteral("77"), QStringLiteral("9001"),
                           Direction::Out),
        marketplaceMessage(Channel::Naver, QStringLiteral("nv-buyer"), QStringLiteral("5"), QStringLiteral("9001")),
    };
    const PageFetcher fetch = [&](QDate, QDate, int) -> Result<MarketplaceBatch> {
        MarketplaceBatch b;
        b.messages = page;
        return b;
    };
    SyncReport report;
    REQUIRE(walkWindows(db, WindowWalk{QStringLiteral("coupang:shop:online"), 7, 7}, fetch, {}, report));
    const auto ticket = ticket_queries::ticketOfExternalId(db.reader(), page[0].externalId);
    REQUIRE(ticket);
    REQUIRE(inquiriesOfTicket(db, *ticket, QStringLiteral("coupang:shop")));
}

// The window path: every view, every sort both ways, the channel and category filters, the counts beside
// the views, a page of rows and an opened ticket.
void runWindow(Database& db)
{
    SQLite::Database& r = db.reader();
    const QDateTime now = QDateTime(QDate(2026, 12, 7), QTime(9, 0), QTimeZone::utc());
    for (TicketView view : {TicketView::Inbox, TicketView::DueSoon, TicketView::Overdue, TicketView::Waiting,
                            TicketView::Resolved, TicketView::Spam, TicketView::Snoozed, TicketView::All})
        for (TicketSort sort : {TicketSort::Default, TicketSort::Due, TicketSort::Channel, TicketSort::Customer,
                                TicketSort::Subject, TicketSort::Category, TicketSort::Status,
                                TicketSort::Activity})
            for (bool ascending : {true, false}) {
                TicketFilter f;
                f.view = view;
                f.now = now;
                f.sort = sort;
                f.ascending = ascending;
                ticket_queries::ticketIds(r, f);
                f.channel = Channel::Coupang;
                ticket_queries::ticketIds(r, f);
                f.channel.reset();
                f.category = Category::Refund;
                ticket_queries::ticketIds(r, f);
            }
    ticket_queries::viewCounts(r, now, 6 * 3600);
    const QList<qint64> ids = ticket_queries::ticketIds(r, TicketFilter{});
    REQUIRE_FALSE(ids.isEmpty());
    ticket_queries::ticketsByIds(r, ids);
    ticket_queries::messagesOfTicket(r, ids.front());
    ticket_queries::customerOfTicket(r, ids.front());
    // The search box: a sender's address alone, with words, and a recipient's address.
    MessageSearch search(r);
    for (const QString& q : {QStringLiteral("from:buyer1@customer.example"),
                             QStringLiteral("refund from:buyer1@customer.example"),
                             QStringLiteral("to:help@shop.example")}) {
        REQUIRE(search.count(q));
        REQUIRE(search.ticketIds(q));
        REQUIRE(search.hits(q));
    }
}

// The reports: a period's figures and its claims list (issue 21).
void runReport(Database& db)
{
    const QDateTime now(QDate(2026, 12, 7), QTime(9, 0), QTimeZone::utc());
    const report::Period period = report::Period::lastFourWeeks(now, QTimeZone("Asia/Seoul"));
    report::computeFigures(db.reader(), period, now);
    report::claimRows(db.reader(), period);
}

struct Recorded {
    std::set<std::string> hot;    // import and sync: one statement per message, must be a keyed lookup
    std::set<std::string> window; // lists walk an index in its order; their per-row subqueries are lookups
    std::set<std::string> report; // a period's tickets off tickets_created, each one's rows by its key
};

const Recorded& recorded()
{
    static const Recorded r = [] {
        test::TempStore store;
        Recorded out;
        {
            SqlLog log;
            attachWriter(*store.db, log);
            log.attach(store.db->reader());
            runImport(*store.db, store.dir.path());
            runSync(*store.db);
            out.hot = log.statements();
        }
        SqlLog log;
        log.attach(store.db->reader());
        runWindow(*store.db);
        out.window = log.statements();
        SqlLog reportLog;
        reportLog.attach(store.db->reader());
        runReport(*store.db);
        out.report = reportLog.statements();
        return out;
    }();
    return r;
}

// Columns that split the rows into a handful of groups: an index led by one of them finds a large share of
// a big table, never one message.
bool lowCardinality(const QString& column)
{
    static const QStringList kColumns = {QStringLiteral("channel"), QStringLiteral("status"),
                                         QStringLiteral("direction"), QStringLiteral("category"),
                                         QStringLiteral("kind"), QStringLiteral("source")};
    return kColumns.contains(column);
}

// Tables that stay a few rows whatever the mailbox holds, FTS5's own bookkeeping, and what a plan reads
// from a subquery it has already computed.
bool smallTable(const QString& name)
{
    return name == QLatin1String("search_index_deferred") || name == QLatin1String("source_cursors") ||
           name == QLatin1String("meta") || name.endsWith(QLatin1String("message_fts_config")) ||
           name.startsWith(QLatin1Char('('));
}

// The window's own orders (a view as it opens): these must come off an index. A list the seller sorts by a
// column (subject, customer...) reads the whole view whatever the plan, so a scan is what it costs.
bool defaultOrder(const std::string& sql)
{
    return sql.find("ORDER BY") == std::string::npos ||
           sql.find("ORDER BY t.last_activity_at DESC, t.id DESC") != std::string::npos ||
           sql.find("ORDER BY t.due_at ASC, t.id") != std::string::npos ||
           sql.find("ORDER BY t.due_at IS NULL, t.due_at, t.id") != std::string::npos; // the Inbox
}

// What is wrong with one row of a plan, or empty. Import and sync statements find what they need by key:
// no scan at all, and a search must hold an equality on a column that picks few rows. A window statement
// may walk an index in list order (it lists a whole view), but never a table, and what it runs per row
// (a subquery) must be a keyed search.
QString fault(const QString& row, bool hot, bool inSubquery, bool mayScanTable)
{
    static const QRegularExpression kScan(QStringLiteral("^\\s*SCAN (\\S+)( USING (COVERING )?INDEX (\\S+))?"));
    static const QRegularExpression kSearch(QStringLiteral("^\\s*SEARCH (\\S+) USING (.*?)(\\((.*)\\))?$"));
    if (const auto m = kScan.match(row); m.hasMatch()) {
        if (smallTable(m.captured(1)) || row.contains(QLatin1String("VIRTUAL TABLE")) ||
            row.contains(QLatin1String("CONSTANT ROW")))
            return {};
        if (hot || inSubquery)
            return QStringLiteral("scans %1 where it should look up by key").arg(m.captured(1));
        if (m.captured(4).isEmpty() && !mayScanTable)
            return QStringLiteral("scans the table %1").arg(m.captured(1));
        return {};
    }
    const auto m = kSearch.match(row);
    if (!m.hasMatch() || !hot)
        return {};
    if (m.captured(2).startsWith(QLatin1String("INTEGER PRIMARY KEY")) ||
        m.captured(2).startsWith(QLatin1String("PRIMARY KEY")) || m.captured(4).isEmpty())
        return {}; // by key, or MIN/MAX read off an index's end
    for (const QString& term : m.captured(4).split(QStringLiteral(" AND "))) {
        const qsizetype eq = term.indexOf(QLatin1Char('='));
        if (eq > 0 && !QStringLiteral("<>!").contains(term.at(eq - 1)) &&
            !lowCardinality(term.left(eq).trimmed()))
            return {};
    }
    return QStringLiteral("searches %1 on %2 (%3): no selective column").arg(m.captured(1), m.captured(2),
                                                                             m.captured(4));
}

// An INSERT's plan lists how it would look for child rows of a deferred foreign key; SQLite runs that only
// while such a violation is pending, which the store never defers. (The outbox's message column has no index
// of its own: a message is never deleted while replies point at it.)
bool foreignKeyCheck(const std::string& sql, const QString& row)
{
    return sql.rfind("INSERT INTO messages(", 0) == 0 && row.trimmed() == QLatin1String("SCAN outbox");
}

std::vector<std::string> faults(SQLite::Database& db, const std::set<std::string>& statements, bool hot)
{
    std::vector<std::string> out;
    for (const std::string& sql : statements) {
        const Plan plan = planOf(db, sql);
        int subqueryDepth = -1;
        for (const std::string& r : plan) {
            const QString row = QString::fromStdString(r);
            const int depth = static_cast<int>(row.size() - row.trimmed().size());
            if (subqueryDepth >= 0 && depth <= subqueryDepth)
                subqueryDepth = -1;
            if (subqueryDepth < 0 && row.contains(QLatin1String("SUBQUERY")))
                subqueryDepth = depth;
            if (foreignKeyCheck(sql, row))
                continue;
            const QString why =
                fault(row, hot, subqueryDepth >= 0 && depth > subqueryDepth, !hot && !defaultOrder(sql));
            if (!why.isEmpty()) {
                std::string all;
                for (const std::string& p : plan)
                    all += p + "\n";
                out.push_back(why.toStdString() + "\n  " + sql + "\n" + all);
            }
        }
    }
    return out;
}

// The lookups threading and dedupe make per message, each with the index it must use: a plan that is keyed
// but on another index (one SQLite found as good by shape alone) is as wrong as a scan.
const std::map<std::string, std::string> kExpectedIndex = {
    {"external_id = ? AND +channel = 'email'", "messages_external"},
    {"FROM message_refs r JOIN messages m", "message_refs_ref"},
    {"FROM messages WHERE thread_key = ? AND +ticket_id", "messages_thread_key"},
    {"FROM ticket_orders o JOIN tickets t", "ticket_orders_number"},
    {"FROM tickets WHERE customer_id = ? AND subject_key = ?", "tickets_customer"},
    {"FROM customer_identities WHERE kind = ? AND value = ?", "sqlite_autoindex_customer_identities_1"},
    {"FROM raw_messages WHERE sha256 = ?", "sqlite_autoindex_raw_messages_1"},
    {"FROM messages WHERE external_id = ? LIMIT 1", "messages_external"},
};

void checkPlans(SQLite::Database& db)
{
    const Recorded& r = recorded();
    std::vector<std::string> bad = faults(db, r.hot, true);
    const std::vector<std::string> window = faults(db, r.window, false);
    bad.insert(bad.end(), window.begin(), window.end());
    for (const auto& [key, index] : kExpectedIndex) {
        bool seen = false;
        for (const std::string& sql : r.hot) {
            if (sql.find(key) == std::string::npos)
                continue;
            seen = true;
            bool uses = false;
            for (const std::string& row : planOf(db, sql))
                uses = uses || row.find("INDEX " + index + " ") != std::string::npos;
            if (!uses)
                bad.push_back("not planned on " + index + ":\n  " + sql);
        }
        if (!seen)
            bad.push_back("the import or sync no longer runs a statement with \"" + key +
                          "\": update this test's list of lookups");
    }
    for (const std::string& b : bad)
        UNSCOPED_INFO(b);
    CHECK(bad.empty());
}

// A report reads a period's tickets off tickets_created (the open ones off tickets_live) and each ticket's
// messages, orders and events by its key: no table is scanned, whatever the store holds.
void checkReportPlans(SQLite::Database& db)
{
    std::vector<std::string> bad;
    bool sawMessages = false;
    for (const std::string& sql : recorded().report) {
        const Plan plan = planOf(db, sql);
        std::string all;
        bool scans = false;
        for (const std::string& row : plan) {
            all += row + "\n";
            const QString r = QString::fromStdString(row).trimmed();
            scans = scans || (r.startsWith(QLatin1String("SCAN ")) && !smallTable(r.section(QLatin1Char(' '), 1, 1)));
        }
        const bool period = sql.find("t.created_at >= :start") != std::string::npos;
        const bool open = sql.find("t.status IN (") != std::string::npos;
        const std::string index = period ? "INDEX tickets_created " : open ? "INDEX tickets_live " : "";
        if (scans || all.find(index) == std::string::npos)
            bad.push_back((scans ? std::string("scans a table") : "not planned on " + index) + ":\n  " + sql +
                          "\n" + all);
        // Each ticket's messages, orders and events are found from the period's tickets on tickets_created
        // alone, without reading the tickets' rows.
        if (sql.find("FROM tickets t CROSS JOIN") != std::string::npos &&
            all.find("USING COVERING INDEX tickets_created ") == std::string::npos)
            bad.push_back("reads the tickets' rows, not tickets_created alone:\n  " + sql + "\n" + all);
        // The messages of a period's tickets (dates, directions, channels) come off the index alone: read
        // from the rows, which hold the text, they were half a year's report's time.
        const bool messages = sql.find("CROSS JOIN messages m") != std::string::npos;
        sawMessages = sawMessages || messages;
        if (messages && all.find("USING COVERING INDEX messages_ticket ") == std::string::npos)
            bad.push_back("reads the messages' rows, not messages_ticket alone:\n  " + sql + "\n" + all);
    }
    if (!sawMessages)
        bad.push_back("no report statement reads a period's messages: update this test");
    for (const std::string& b : bad)
        UNSCOPED_INFO(b);
    CHECK(bad.empty());
}

} // namespace

TEST_CASE("the import, sync and window statements are recorded from the real code", "[plans]")
{
    const Recorded& r = recorded();
    CHECK(r.hot.size() >= 15);
    CHECK(r.window.size() >= 40);
    bool lookup = false;
    for (const std::string& s : r.hot)
        lookup = lookup || s.find("external_id = ?") != std::string::npos;
    CHECK(lookup);
}

TEST_CASE("statements are planned on their index in a store of one channel only", "[plans]")
{
    test::TempStore store;
    fill(*store.db, {QStringLiteral("email")}, 3000);
    SECTION("without statistics") { checkPlans(store.db->reader()); }
    SECTION("with statistics")
    {
        analyze(*store.db);
        checkPlans(store.db->reader());
    }
}

TEST_CASE("statements are planned on their index in a store of several channels", "[plans]")
{
    test::TempStore store;
    fill(*store.db,
         {QStringLiteral("email"), QStringLiteral("coupang"), QStringLiteral("naver"), QStringLiteral("csv")},
         3000);
    SECTION("without statistics") { checkPlans(store.db->reader()); }
    SECTION("with statistics")
    {
        analyze(*store.db);
        checkPlans(store.db->reader());
    }
}

TEST_CASE("a search for a sender's address is planned on messages_from_address", "[plans][search]")
{
    test::TempStore store;
    fill(*store.db, {QStringLiteral("email")}, 3000);
    int seen = 0;
    for (const std::string& sql : recorded().window) {
        // With words, the full-text index finds the rows first (CROSS JOIN) and the address filters them.
        if (sql.find("m.from_address = ? COLLATE NOCASE") == std::string::npos || sql.find("MATCH") != std::string::npos)
            continue;
        ++seen;
        bool uses = false;
        for (const std::string& row : planOf(store.db->reader(), sql))
            uses = uses || row.find("INDEX messages_from_address ") != std::string::npos;
        INFO(sql);
        CHECK(uses);
    }
    CHECK(seen >= 3);
}

// The Inbox opens sorted by due time: no index walks that order, so SQLite finds the new and open tickets on
// tickets_live and sorts just those; it must never read the whole table to do it.
TEST_CASE("the Inbox's due-first order sorts the new and open tickets found on tickets_live", "[plans]")
{
    test::TempStore store;
    fill(*store.db, {QStringLiteral("email")}, 3000);
    std::string inboxSql;
    for (const std::string& sql : recorded().window)
        if (sql.find("ORDER BY t.due_at IS NULL, t.due_at, t.id") != std::string::npos &&
            sql.rfind("SELECT t.id FROM", 0) == 0 && sql.find(":channel") == std::string::npos &&
            sql.find(":category") == std::string::npos)
            inboxSql = sql;
    REQUIRE_FALSE(inboxSql.empty());
    for (bool withStatistics : {false, true}) {
        if (withStatistics)
            analyze(*store.db);
        std::string all;
        for (const std::string& row : planOf(store.db->reader(), inboxSql))
            all += row + "\n";
        INFO(all);
        CHECK(all.find("USING INDEX tickets_live") != std::string::npos);
        CHECK(all.find("TEMP B-TREE FOR ORDER BY") != std::string::npos);
    }
}

TEST_CASE("a report's statements read the period's tickets on tickets_created and scan nothing", "[plans][report]")
{
    // The period's tickets, their messages, orders and resolutions, the open tickets, the claims.
    REQUIRE(recorded().report.size() >= 6);
    for (const QStringList& channels :
         {QStringList{QStringLiteral("email")}, QStringList{QStringLiteral("email"), QStringLiteral("coupang"),
                                                            QStringLiteral("naver"), QStringLiteral("csv")}}) {
        test::TempStore store;
        fill(*store.db, channels, 3000);
        checkReportPlans(store.db->reader());
        analyze(*store.db);
        checkReportPlans(store.db->reader());
    }
}
