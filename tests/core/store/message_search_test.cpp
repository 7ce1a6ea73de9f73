#include "inbox/ingestor.h"
#include "store/message_search.h"
#include "store/migrations.h"
#include "store/ticket_queries.h"
#include "store/ticket_writes.h"
#include "support/test_support.h"

#include <QDir>
#include <catch2/catch.hpp>
#include <thread>

using namespace casebook;

namespace {

struct Mail {
    QString from = QStringLiteral("kim@x.example");
    QString subject = QStringLiteral("문의");
    QString body = QStringLiteral("hello");
    QString date = QStringLiteral("Mon, 02 Mar 2026 09:00:00 +0000");
    QString to = QStringLiteral("help@shop.example");

    QByteArray bytes() const
    {
        // A fresh Message-ID and subject keep each message its own ticket unless a test says otherwise.
        static int serial = 0;
        return QStringLiteral("From: %1\nTo: %2\nSubject: %3\nDate: %4\nMessage-ID: <s%5@test>\n"
                              "Content-Type: text/plain; charset=UTF-8\n\n%6\n")
            .arg(from, to, subject, date)
            .arg(++serial)
            .arg(body)
            .toUtf8();
    }
};

struct Fixture {
    test::TempStore store;
    Ingestor ingestor{*store.db, IngestOptions{{QStringLiteral("help@shop.example")}}};

    IngestOutcome add(const Mail& m) { return add(m.bytes()); }
    IngestOutcome add(const QByteArray& raw)
    {
        auto r = ingestor.ingestMail(raw, QStringLiteral("test"), {});
        if (!r)
            FAIL(r.error().message.toStdString());
        return r.value();
    }
    qint64 count(const QString& query)
    {
        auto q = SearchQuery::parse(query, QTimeZone::utc());
        if (!q)
            FAIL(q.error().message.toStdString());
        auto n = MessageSearch(store.db->reader()).count(q.value());
        if (!n)
            FAIL(n.error().message.toStdString());
        return n.value();
    }
    QStringList subjects(const QString& query, SearchOrder order = SearchOrder::Newest)
    {
        auto q = SearchQuery::parse(query, QTimeZone::utc());
        REQUIRE(q);
        auto hits = MessageSearch(store.db->reader()).hits(q.value(), {order, 50, 0});
        if (!hits)
            FAIL(hits.error().message.toStdString());
        QStringList out;
        for (const SearchHit& h : hits.value())
            out << h.subject;
        return out;
    }
};

Mail mail(const QString& subject, const QString& body)
{
    Mail m;
    m.subject = subject;
    m.body = body;
    return m;
}

} // namespace

TEST_CASE("a Korean word is found with any particle after it", "[search]")
{
    Fixture f;
    f.add(mail(QStringLiteral("하나"), QStringLiteral("환불을 요청합니다")));
    f.add(mail(QStringLiteral("둘"), QStringLiteral("환불은 언제 되나요?")));
    f.add(mail(QStringLiteral("셋"), QStringLiteral("환불요청 드립니다")));
    f.add(mail(QStringLiteral("넷"), QStringLiteral("배송이 늦어요")));
    f.add(mail(QStringLiteral("다섯"), QStringLiteral("교환 문의")));
    CHECK(f.count(QStringLiteral("환불")) == 3);
    // Same date: the later arrival first.
    CHECK(f.subjects(QStringLiteral("환불")) ==
          QStringList{QStringLiteral("셋"), QStringLiteral("둘"), QStringLiteral("하나")});
    CHECK(f.count(QStringLiteral("배송")) == 1);
    CHECK(f.subjects(QStringLiteral("환불요청")) == QStringList{QStringLiteral("셋")});
    CHECK(f.subjects(QStringLiteral("환불 요청")) ==
          QStringList{QStringLiteral("셋"), QStringLiteral("하나")});
    CHECK(f.count(QStringLiteral("\"환불을 요청\"")) == 1);
    CHECK(f.count(QStringLiteral("\"요청 환불\"")) == 0);
    // One syllable is found wherever it stands: start, middle or end of a run.
    CHECK(f.count(QStringLiteral("환")) == 4); // 환불… three times, and 교환
    CHECK(f.count(QStringLiteral("불")) == 3);
    CHECK(f.count(QStringLiteral("다")) == 3); // 합니다, 드립니다 and the subject 다섯
    CHECK(f.count(QStringLiteral("늦")) == 1);
    CHECK(f.count(QStringLiteral("배송 환불")) == 0);
}

TEST_CASE("English is case-folded and prefixes match", "[search]")
{
    Fixture f;
    f.add(mail(QStringLiteral("a"), QStringLiteral("Please REFUND my order")));
    f.add(mail(QStringLiteral("b"), QStringLiteral("I was refunded twice")));
    f.add(mail(QStringLiteral("c"), QStringLiteral("What is your Refunds policy? Café ok")));
    f.add(mail(QStringLiteral("d"), QStringLiteral("unrelated")));
    CHECK(f.count(QStringLiteral("refund")) == 1);
    CHECK(f.count(QStringLiteral("Refund")) == 1);
    CHECK(f.count(QStringLiteral("refun*")) == 3);
    CHECK(f.count(QStringLiteral("REFUND*")) == 3);
    CHECK(f.count(QStringLiteral("cafe")) == 1);
    CHECK(f.count(QStringLiteral("refund* policy")) == 1);
}

TEST_CASE("fields limit words to their part of the message", "[search]")
{
    Fixture f;
    Mail kim = mail(QStringLiteral("Mug broken"), QStringLiteral("The lee mug is broken"));
    kim.from = QStringLiteral("Kim Minsu <kim@x.example>");
    Mail lee = mail(QStringLiteral("Plate question"), QStringLiteral("kim said the mug is nice"));
    lee.from = QStringLiteral("이영희 <lee@y.example>");
    lee.to = QStringLiteral("orders@shop.example");
    f.add(kim);
    f.add(lee);
    CHECK(f.subjects(QStringLiteral("from:kim")) == QStringList{QStringLiteral("Mug broken")});
    CHECK(f.subjects(QStringLiteral("from:minsu")) == QStringList{QStringLiteral("Mug broken")});
    CHECK(f.subjects(QStringLiteral("from:lee@y.example")) == QStringList{QStringLiteral("Plate question")});
    CHECK(f.subjects(QStringLiteral("from:영희")) == QStringList{QStringLiteral("Plate question")});
    CHECK(f.subjects(QStringLiteral("to:orders")) == QStringList{QStringLiteral("Plate question")});
    CHECK(f.subjects(QStringLiteral("subject:mug")) == QStringList{QStringLiteral("Mug broken")});
    CHECK(f.count(QStringLiteral("mug")) == 2);
    CHECK(f.count(QStringLiteral("subject:\"mug broken\"")) == 1);
    CHECK(f.count(QStringLiteral("subject:\"broken mug\"")) == 0);
}

TEST_CASE("an address in from: or to: finds that address only, whatever its case, and counts the same",
          "[search]")
{
    Fixture f;
    Mail a = mail(QStringLiteral("one"), QStringLiteral("first"));
    a.from = QStringLiteral("Jiwoo Park <Jiwoo.Park@Support.Example.com>");
    Mail b = mail(QStringLiteral("two"), QStringLiteral("second"));
    b.from = QStringLiteral("Jiwoo Park <jiwoo.park@other.example.com>"); // the same local part
    Mail c = mail(QStringLiteral("three"), QStringLiteral("third"));
    c.from = QStringLiteral("jiwoo.park@support.example.com"); // a name that is the address
    c.to = QStringLiteral("help@support.example.com");
    Mail d = mail(QStringLiteral("four"), QStringLiteral("fourth"));
    d.from = QStringLiteral("Park Jiwoo <park.jiwoo@support.example.com>"); // the words, another order
    for (const Mail& m : {a, b, c, d})
        f.add(m);
    const QString query = QStringLiteral("from:jiwoo.park@support.example.com");
    CHECK(f.count(query) == 2);
    QStringList found = f.subjects(query);
    found.sort();
    CHECK(found == QStringList{QStringLiteral("one"), QStringLiteral("three")});
    CHECK(f.count(QStringLiteral("from:JIWOO.PARK@SUPPORT.EXAMPLE.COM")) == 2);
    CHECK(f.count(QStringLiteral("to:help@support.example.com")) == 1);
    CHECK(f.count(QStringLiteral("to:help@other.example.com")) == 0);
    // A name, a prefix or a word left out still go to the index alone.
    CHECK(f.count(QStringLiteral("from:jiwoo")) == 4);
    CHECK(f.count(QStringLiteral("from:jiwoo.park@support* first")) == 1);
    CHECK(f.count(QStringLiteral("third -from:jiwoo.park@support.example.com")) == 0);
}

TEST_CASE("order, status and channel filter by the ticket and the message", "[search]")
{
    Fixture f;
    const auto withOrder =
        f.add(mail(QStringLiteral("주문"), QStringLiteral("주문번호: 2026030112345678 환불 부탁")));
    const auto plain = f.add(mail(QStringLiteral("plain"), QStringLiteral("환불 부탁")));
    InboundMessage coupang;
    coupang.channel = Channel::Coupang;
    coupang.raw = QByteArrayLiteral("{\"inquiryId\":1}");
    coupang.subject = QStringLiteral("쿠팡 문의");
    coupang.text = QStringLiteral("환불 가능한가요");
    coupang.customer = Identity{QStringLiteral("coupang"), QStringLiteral("buyer1")};
    coupang.date = QDateTime(QDate(2026, 3, 3), QTime(1, 0), QTimeZone::utc());
    REQUIRE(f.ingestor.ingest(coupang));

    CHECK(f.subjects(QStringLiteral("order:2026030112345678")) == QStringList{QStringLiteral("주문")});
    CHECK(f.count(QStringLiteral("order:20260301*")) == 1);
    CHECK(f.count(QStringLiteral("order:999")) == 0);
    CHECK(f.subjects(QStringLiteral("환불 channel:coupang")) == QStringList{QStringLiteral("쿠팡 문의")});
    CHECK(f.count(QStringLiteral("channel:email")) == 2);
    CHECK(f.count(QStringLiteral("환불 channel:email channel:coupang")) == 3);

    REQUIRE(f.store.db->write([&](SQLite::Database& db) -> Result<void> {
        ticket_writes::setStatus(db, plain.ticketId, TicketStatus::Resolved);
        return {};
    }));
    CHECK(f.subjects(QStringLiteral("환불 status:resolved")) == QStringList{QStringLiteral("plain")});
    CHECK(f.count(QStringLiteral("status:new")) == 2);
    CHECK(withOrder.ticketId != plain.ticketId);
}

TEST_CASE("date ranges: after is inclusive, before exclusive", "[search]")
{
    Fixture f;
    for (const auto& [subject, date] : {std::pair{"jan", "Thu, 15 Jan 2026 10:00:00 +0000"},
                                        std::pair{"feb1", "Sun, 01 Feb 2026 00:00:00 +0000"},
                                        std::pair{"mar", "Mon, 02 Mar 2026 23:59:00 +0000"}}) {
        Mail m = mail(QString::fromLatin1(subject), QStringLiteral("배송 문의"));
        m.date = QString::fromLatin1(date);
        f.add(m);
    }
    CHECK(f.subjects(QStringLiteral("배송 after:2026-02-01")) ==
          QStringList{QStringLiteral("mar"), QStringLiteral("feb1")});
    CHECK(f.subjects(QStringLiteral("before:2026-02-01")) == QStringList{QStringLiteral("jan")});
    CHECK(f.subjects(QStringLiteral("after:2026-01-01 before:2026-03-01")) ==
          QStringList{QStringLiteral("feb1"), QStringLiteral("jan")});
    CHECK(f.count(QStringLiteral("after:2026-04-01")) == 0);
}

TEST_CASE("newest first by default, best match first by relevance", "[search]")
{
    Fixture f;
    Mail old = mail(QStringLiteral("Mug mug"), QStringLiteral("mug mug mug"));
    old.date = QStringLiteral("Mon, 02 Feb 2026 09:00:00 +0000");
    Mail recent =
        mail(QStringLiteral("Order status"),
             QStringLiteral("A long letter about many things, the weather, the shipping, the box, and "
                            "somewhere near the end a mug."));
    recent.date = QStringLiteral("Mon, 02 Mar 2026 09:00:00 +0000");
    const auto o = f.add(old);
    const auto r = f.add(recent);
    CHECK(f.subjects(QStringLiteral("mug")) ==
          QStringList{QStringLiteral("Order status"), QStringLiteral("Mug mug")});
    CHECK(f.subjects(QStringLiteral("mug"), SearchOrder::Relevance) ==
          QStringList{QStringLiteral("Mug mug"), QStringLiteral("Order status")});

    MessageSearch search(f.store.db->reader());
    CHECK(search.ticketIds(QStringLiteral("mug")).value() == QList<qint64>{r.ticketId, o.ticketId});
    CHECK(search.ticketIds(QStringLiteral("mug"), SearchOrder::Relevance).value() ==
          QList<qint64>{o.ticketId, r.ticketId});
    const auto page = search.hits(QStringLiteral("mug"), {SearchOrder::Newest, 1, 1}).value();
    REQUIRE(page.size() == 1);
    CHECK(page[0].ticketId == o.ticketId);
    CHECK(page[0].ticketNumber > 1000);
    const auto hit = search.hits(QStringLiteral("mug")).value().first();
    CHECK(hit.snippet.marked(QStringLiteral("["), QStringLiteral("]")).contains(QStringLiteral("a [mug].")));
    CHECK(hit.date == QDateTime(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc()));
}

TEST_CASE("the fixture mails are found through the normal ingest path", "[search]")
{
    Fixture f;
    const QDir dir(test::testData(QStringLiteral("mail")));
    for (const QString& name : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name))
        f.add(test::readFile(dir.filePath(name)));
    CHECK(f.subjects(QStringLiteral("환불")) ==
          QStringList{QStringLiteral("환불 요청합니다 (80개)"), QStringLiteral("환불 문의드립니다")});
    CHECK(f.subjects(QStringLiteral("배송")) ==
          QStringList{QStringLiteral("Fwd: 배송지 변경 부탁드립니다"), QStringLiteral("배송 문의")});
    // A mail forwarded as an attachment is found by its sender and its text.
    CHECK(f.subjects(QStringLiteral("박서준")) == QStringList{QStringLiteral("Fwd: 주문 취소 요청드립니다")});
    CHECK(f.count(QStringLiteral("2026120399990000")) == 1);
    CHECK(f.count(QStringLiteral("배송이")) == 1);
    CHECK(f.count(QStringLiteral("똠방각하")) == 1);
    CHECK(f.count(QStringLiteral("from:박똠순")) == 1);
    CHECK(f.count(QStringLiteral("dishwasher")) == 1);
    CHECK(f.count(QStringLiteral("alert")) == 0); // the script in the HTML is not text
    CHECK(f.count(QStringLiteral("subject:plate")) == 1);
    CHECK(f.count(QStringLiteral("order:112-3456789-1234567")) == 1);
    CHECK(f.count(QStringLiteral("after:2026-03-01")) ==
          ticket_queries::stats(f.store.db->reader()).messages);
}

TEST_CASE("quarantined messages are never found", "[search]")
{
    Fixture f;
    InboundMessage m;
    m.raw = QByteArrayLiteral("garbage 환불");
    m.rawSha256 = QStringLiteral("00");
    m.subject = QStringLiteral("환불");
    m.text = QStringLiteral("환불");
    m.date = f.store.clock.now();
    REQUIRE(f.store.db->write([&](SQLite::Database& db) -> Result<void> {
        ticket_writes::quarantine(db, m, QStringLiteral("test"), f.store.clock.now());
        return {};
    }));
    f.add(test::readFile(test::testData(QStringLiteral("mail/not-a-message.eml"))));
    CHECK(f.count(QStringLiteral("환불")) == 0);
    CHECK(f.count(QStringLiteral("junk")) == 0);
    CHECK(f.count(QStringLiteral("after:2000-01-01")) == 0);

    // Released into a ticket, it is found; sent back to quarantine, it is gone again.
    const auto other = f.add(mail(QStringLiteral("x"), QStringLiteral("y")));
    const auto move = [&](const char* sqlText) {
        REQUIRE(f.store.db->write([&](SQLite::Database& db) -> Result<void> {
            SQLite::Statement st(db, sqlText);
            st.bind(1, static_cast<int64_t>(other.ticketId));
            st.exec();
            return {};
        }));
    };
    move("UPDATE messages SET quarantine_reason = NULL, ticket_id = ? WHERE raw_sha256 = '00'");
    CHECK(f.count(QStringLiteral("환불")) == 1);
    CHECK(f.count(QStringLiteral("환불 after:2000-01-01")) == 1);
    move("UPDATE messages SET quarantine_reason = 'again', ticket_id = NULL WHERE raw_sha256 = '00' AND ? > "
         "0");
    CHECK(f.count(QStringLiteral("환불")) == 0);
}

TEST_CASE("the index follows updates and deletes of messages", "[search]")
{
    Fixture f;
    const auto a = f.add(mail(QStringLiteral("one"), QStringLiteral("환불을 원해요")));
    f.add(mail(QStringLiteral("two"), QStringLiteral("배송이 늦어요")));
    REQUIRE(f.store.db->write([&](SQLite::Database& db) -> Result<void> {
        db.exec("UPDATE messages SET text_body = '교환을 원해요' WHERE subject = 'one'");
        db.exec("UPDATE messages SET ticket_id = ticket_id WHERE subject = 'two'");
        return {};
    }));
    CHECK(f.count(QStringLiteral("환불")) == 0);
    CHECK(f.count(QStringLiteral("교환")) == 1);
    REQUIRE(f.store.db->write([&](SQLite::Database& db) -> Result<void> {
        db.exec("DELETE FROM messages WHERE subject = 'two'");
        return {};
    }));
    CHECK(f.count(QStringLiteral("배송")) == 0);
    CHECK(a.ticketId > 0);
    // FTS5's own check compares the index with the messages table, row by row.
    CHECK(f.store.db->write([&](SQLite::Database& db) -> Result<void> {
        db.exec("INSERT INTO message_fts(message_fts, rank) VALUES ('integrity-check', 1)");
        return {};
    }));
}

TEST_CASE("migrating a step-1 database indexes the messages it holds", "[search][store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    FixedClock clock(QDateTime(QDate(2026, 3, 10), QTime(9, 0), QTimeZone::utc()));
    {
        SQLite::Database db(path.toStdString(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        configureConnection(db);
        REQUIRE(migrate(db, 1).value() == 1);
        InboundMessage m;
        m.raw = QByteArrayLiteral("raw");
        m.rawSha256 = QStringLiteral("11");
        m.subject = QStringLiteral("환불 문의");
        m.text = QStringLiteral("Refund please, 환불을 부탁합니다");
        m.date = clock.now();
        const qint64 ticket =
            ticket_writes::createTicket(db, {m.subject, m.subject, std::nullopt, clock.now()});
        ticket_writes::insertMessage(db, m, ticket, std::nullopt, clock.now());
    }
    auto opened = Database::open(path, clock);
    REQUIRE(opened);
    CHECK((*opened)->schemaVersion() == latestMigration());
    MessageSearch search((*opened)->reader());
    CHECK(search.count(QStringLiteral("환불")).value() == 1);
    CHECK(search.count(QStringLiteral("refund")).value() == 1);
    // Step 3 rebuilt raw_messages: the bytes and the message's reference to them survive.
    SQLite::Database& r = (*opened)->reader();
    CHECK(r.execAndGet("SELECT data FROM raw_messages WHERE sha256 = '11'").getString() == "raw");
    CHECK(r.execAndGet("SELECT count(*) FROM messages m JOIN raw_messages w ON w.sha256 = m.raw_sha256")
              .getInt() == 1);
    CHECK(r.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() == 0);
    CHECK(r.execAndGet("PRAGMA foreign_keys").getInt() == 1);
}

TEST_CASE("hostile queries give results or a plain error, never SQL", "[search]")
{
    Fixture f;
    f.add(mail(QStringLiteral("NEAR(x) \"quoted\""),
               QStringLiteral("a * b ' c; DROP TABLE messages; -- 환불")));
    const QStringList hostile{QStringLiteral("\""),
                              QStringLiteral("\"\""),
                              QStringLiteral("*"),
                              QStringLiteral("NEAR("),
                              QStringLiteral("NEAR(a b, 3)"),
                              QStringLiteral("a OR b NOT c AND"),
                              QStringLiteral("^a"),
                              QStringLiteral("{subject}: x"),
                              QStringLiteral("subject:*"),
                              QStringLiteral("subject : x"),
                              QStringLiteral("'); DROP TABLE messages; --"),
                              QStringLiteral("\" OR 1=1 --"),
                              QStringLiteral("a\"b\"c\""),
                              QStringLiteral("((((("),
                              QStringLiteral("-환불"),
                              QStringLiteral("환불*\"*"),
                              QStringLiteral("from:\"*\""),
                              QStringLiteral("order:' OR 1=1"),
                              QStringLiteral("😀 🙈"),
                              QString(4000, QLatin1Char('a')),
                              QStringLiteral("a").repeated(10) + QStringLiteral(" b").repeated(300),
                              QString(QChar(0)) + QStringLiteral("x")};
    MessageSearch search(f.store.db->reader());
    for (const QString& q : hostile) {
        INFO(q.left(80).toStdString());
        const auto hits = search.hits(q);
        const auto count = search.count(q);
        REQUIRE(hits.ok() == count.ok());
        if (hits)
            CHECK(hits.value().size() == count.value());
        else
            for (const char* leak : {"sqlite", "fts5", "syntax", "SQL"})
                CHECK_FALSE(hits.error().message.contains(QLatin1String(leak), Qt::CaseInsensitive));
    }
    CHECK(search.count(QStringLiteral("\"c; DROP TABLE messages\"")).value() == 1);
    CHECK(search.count(QStringLiteral("NEAR(x)")).value() == 1);
    CHECK(ticket_queries::stats(f.store.db->reader()).messages == 1);
}

TEST_CASE("a search with -word leaves out the messages holding it", "[search][hostile]")
{
    Fixture f;
    f.add(mail(QStringLiteral("one"), QStringLiteral("I want a refund please")));
    f.add(mail(QStringLiteral("two"), QStringLiteral("where is my parcel please")));
    CHECK(f.count(QStringLiteral("please")) == 2);
    CHECK(f.subjects(QStringLiteral("please -refund")) == QStringList{QStringLiteral("two")});
    CHECK(f.subjects(QStringLiteral("-parcel please")) == QStringList{QStringLiteral("one")});
}

TEST_CASE("a database opened for reading only searches, and refuses writes", "[search][store]")
{
    Fixture f;
    f.add(mail(QStringLiteral("one"), QStringLiteral("환불을 원해요")));
    auto ro = Database::open(f.store.path(), f.store.clock, {.quickCheck = false, .readOnly = true});
    REQUIRE(ro);
    CHECK(MessageSearch((*ro)->reader()).count(QStringLiteral("환불")).value() == 1);
    const auto written = (*ro)->write([](SQLite::Database&) -> Result<void> { return {}; });
    REQUIRE_FALSE(written);
    CHECK(written.error().message.contains(QStringLiteral("reading only")));
}

TEST_CASE("a search on another thread's read connection finds what the writer indexed", "[search]")
{
    Fixture f;
    f.add(mail(QStringLiteral("one"), QStringLiteral("배송이 늦어요")));
    Result<qint64> counted = makeError(QStringLiteral("not run"));
    std::thread worker([&] { counted = MessageSearch(f.store.db->reader()).count(QStringLiteral("배송")); });
    worker.join();
    REQUIRE(counted);
    CHECK(counted.value() == 1);
}

TEST_CASE("a NUL byte inside a search word is left out instead of ending the FTS5 expression", "[search][hostile]")
{
    Fixture f;
    Mail m;
    m.body = QStringLiteral("where is my refund");
    f.add(m);
    // tests/data/fuzz/search-query-nul-byte.txt: what fuzz_search_query found; FTS5 read the expression up
    // to the NUL and failed "unterminated string".
    const QByteArray found = test::readFile(test::testData(QStringLiteral("fuzz/search-query-nul-byte.txt")));
    REQUIRE(found.contains('\0'));
    CHECK(f.count(QString::fromUtf8(found)) == 0);
    CHECK(f.count(QString::fromUtf8(QByteArray("ref\0und", 7))) == 1);
}
