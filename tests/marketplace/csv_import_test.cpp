#include "fake_marketplace.h"
#include "inbox/csv_importer.h"
#include "inbox/ingestor.h"
#include "store/ticket_queries.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace casebook;

namespace {

CsvTable table(const QString& name)
{
    auto t = readCsvFile(test::testData(QStringLiteral("csv/") + name));
    REQUIRE(t);
    return t.value();
}

} // namespace

TEST_CASE("CSV: a CP949 file as Excel saves it, with quoted line breaks, commas and quotes", "[csv]")
{
    const CsvTable t = table(QStringLiteral("11st_cp949.csv"));
    CHECK(t.encoding == QStringLiteral("CP949"));
    CHECK(t.header.value(0) == QStringLiteral("문의번호"));
    CHECK(t.header.size() == 10);
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0].value(6) == QStringLiteral("L 사이즈 있나요?\n어깨가 넓어서요, \"정사이즈\" 인가요?"));
    CHECK(t.rows[1].value(9) == QStringLiteral("20261101555"));

    const CsvTable bom = table(QStringLiteral("kmong_bom.csv"));
    CHECK(bom.encoding == QStringLiteral("UTF-8"));
    CHECK(bom.header.value(0) == QStringLiteral("문의일시")); // no BOM left in the first name
}

TEST_CASE("CSV import with the 11st preset: one ticket per row, answers outgoing, re-import adds nothing",
          "[csv]")
{
    test::TempStore store;
    auto mapping = CsvMapping::preset(QStringLiteral("11st"));
    REQUIRE(mapping);
    auto first = importCsv(*store.db, table(QStringLiteral("11st_cp949.csv")), mapping.value(),
                           QStringLiteral("qna.csv"));
    REQUIRE(first);
    CHECK(first->rows == 3);
    CHECK(first->imported == 4);
    CHECK(first->ticketsCreated == 3);
    const qint64 answered = test::ticketOfExternal(*store.db, QStringLiteral("csv:11st:110002"));
    CHECK(test::ticketOfExternal(*store.db, QStringLiteral("csv:11st:110002:answer")) == answered);
    const auto msgs = ticket_queries::messagesOfTicket(store.db->reader(), answered);
    REQUIRE(msgs.size() == 2);
    CHECK(msgs[1].direction == Direction::Out);
    CHECK(msgs[1].text == QStringLiteral("내일 출고됩니다."));
    CHECK(msgs[0].channel == Channel::Csv);
    CHECK(msgs[0].date == QDateTime(QDate(2026, 11, 3), QTime(5, 0), QTimeZone::utc())); // Korea time
    const auto open = ticket_queries::ticketsByIds(
        store.db->reader(), {test::ticketOfExternal(*store.db, QStringLiteral("csv:11st:110001"))});
    REQUIRE(open.size() == 1);
    CHECK(open[0].dueAt == QDateTime(QDate(2026, 11, 2), QTime(0, 15), QTimeZone::utc()).addSecs(24 * 3600));
    CHECK(open[0].orderNumbers.isEmpty());
    CHECK(ticket_queries::ticketsByIds(store.db->reader(), {answered})[0].orderNumbers ==
          QStringList{QStringLiteral("20261101555")});

    auto again = importCsv(*store.db, table(QStringLiteral("11st_cp949.csv")), mapping.value(),
                           QStringLiteral("qna.csv"));
    REQUIRE(again);
    CHECK(again->imported == 0);
    CHECK(again->duplicates == 4);
    CHECK(ticket_queries::stats(store.db->reader()).messages == 4);
}

TEST_CASE("CSV rows without an id keep their ids when the export is re-sorted and grows", "[csv]")
{
    test::TempStore store;
    auto kmong = CsvMapping::preset(QStringLiteral("kmong"));
    REQUIRE(kmong);
    CsvTable t = table(QStringLiteral("kmong_bom.csv"));
    auto first = importCsv(*store.db, t, kmong.value(), QStringLiteral("kmong.csv"));
    REQUIRE(first);
    CHECK(first->imported == 3);
    std::reverse(t.rows.begin(), t.rows.end());
    t.rows.append(QStringList{QStringLiteral("2026-11-08 09:00"), QStringLiteral("새고객"),
                              QStringLiteral("로고 디자인"), QStringLiteral("견적 부탁드려요"), QString()});
    auto second = importCsv(*store.db, t, kmong.value(), QStringLiteral("kmong.csv"));
    REQUIRE(second);
    CHECK(second->imported == 1);
    CHECK(second->duplicates == 3);
    SQLite::Statement st(store.db->reader(),
                         "SELECT COUNT(*) FROM messages WHERE external_id LIKE 'csv:kmong:%'");
    REQUIRE(st.executeStep());
    CHECK(st.getColumn(0).getInt() == 4);
}

TEST_CASE("CSV mapping by hand, and a missing text column says which columns the file has", "[csv]")
{
    CHECK_FALSE(CsvMapping::fromSpec(QStringLiteral("제목=subject"))); // no text column
    CHECK_FALSE(CsvMapping::fromSpec(QStringLiteral("내용=body")));    // no such field
    CHECK_FALSE(CsvMapping::preset(QStringLiteral("auction")));
    auto gmarket = CsvMapping::preset(QStringLiteral("gmarket"));
    REQUIRE(gmarket);
    auto missing = gmarket->resolve({QStringLiteral("when"), QStringLiteral("what")});
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.contains(QStringLiteral("when, what")));

    test::TempStore store;
    Ingestor ingestor(*store.db, IngestOptions{{QStringLiteral("help@shop.example")}});
    const QByteArray mail =
        "From: Jane <jane@mail.example>\nTo: help@shop.example\nSubject: Order 2000000007\n"
        "Date: Fri, 06 Nov 2026 09:00:00 +0000\nMessage-ID: <j1@mail.example>\n\n"
        "Where is order 2000000007?\n";
    auto email = ingestor.ingestMail(mail, QStringLiteral("test"), {});
    REQUIRE(email);
    auto spec =
        CsvMapping::fromSpec(QStringLiteral("id=id,date=date,customer=customer,question=text,order=order"),
                             QStringLiteral("board"));
    REQUIRE(spec);
    auto r = importCsv(*store.db, table(QStringLiteral("generic.csv")), spec.value(),
                       QStringLiteral("generic.csv"));
    REQUIRE(r);
    CHECK(r->imported == 1);
    CHECK(test::ticketOfExternal(*store.db, QStringLiteral("csv:board:9")) ==
          email->ticketId); // linked by the order number
}

TEST_CASE("CSV presets read their boards' CP949 Excel exports; importing each again adds nothing", "[csv]")
{
    struct Case {
        const char* preset;
        const char* file;
        int rows;
        int messages; // questions and the answers the file holds
        QString firstId;
        QString decoded; // text only a CP949 (not EUC-KR) decoder reads right, or a quoted line break
    };
    const QList<Case> cases = {
        {"kmong", "kmong_cp949.csv", 3, 4, QStringLiteral("csv:kmong:K-5001"),
         QStringLiteral("똠양꿍하우스")},
        {"11st", "11st_cp949.csv", 3, 4, QStringLiteral("csv:11st:110001"),
         QStringLiteral("L 사이즈 있나요?\n어깨가 넓어서요, \"정사이즈\" 인가요?")},
        {"gmarket", "gmarket_cp949.csv", 2, 3, QStringLiteral("csv:gmarket:G-77001"), QStringLiteral("한똠")},
    };
    for (const Case& c : cases) {
        INFO(c.preset);
        test::TempStore store;
        const CsvTable t = table(QString::fromLatin1(c.file));
        CHECK(t.encoding == QStringLiteral("CP949"));
        CHECK(t.rows.size() == c.rows);
        bool found = false;
        for (const QStringList& row : t.rows)
            found = found || row.contains(c.decoded);
        CHECK(found);
        auto mapping = CsvMapping::preset(QString::fromLatin1(c.preset));
        REQUIRE(mapping);
        // Every field the preset names is found in its board's export.
        auto at = mapping->resolve(t.header);
        REQUIRE(at);
        CHECK(at->size() == mapping->columns.size());
        auto first = importCsv(*store.db, t, mapping.value(), QString::fromLatin1(c.file));
        REQUIRE(first);
        CHECK(first->problems.isEmpty());
        CHECK(first->imported == c.messages);
        CHECK(first->ticketsCreated == c.rows);
        CHECK(test::ticketOfExternal(*store.db, c.firstId) > 0);
        auto again = importCsv(*store.db, t, mapping.value(), QString::fromLatin1(c.file));
        REQUIRE(again);
        CHECK(again->imported == 0);
        CHECK(again->duplicates == c.messages);
        CHECK(ticket_queries::stats(store.db->reader()).messages == c.messages);
    }
    // Gmarket's order number from its own column: the ticket carries it.
    test::TempStore store;
    auto gmarket = CsvMapping::preset(QStringLiteral("gmarket"));
    REQUIRE(importCsv(*store.db, table(QStringLiteral("gmarket_cp949.csv")), gmarket.value(),
                      QStringLiteral("g.csv")));
    const qint64 ordered = test::ticketOfExternal(*store.db, QStringLiteral("csv:gmarket:G-77002"));
    CHECK(ticket_queries::ticketsByIds(store.db->reader(), {ordered})[0].orderNumbers ==
          QStringList{QStringLiteral("3011223344")});
}

TEST_CASE("CSV: the board is recognised from the header row of each export", "[csv]")
{
    const QList<std::pair<const char*, const char*>> cases = {
        {"kmong_cp949.csv", "kmong"},     {"kmong_bom.csv", "kmong"},       {"11st_cp949.csv", "11st"},
        {"11st_written_bom.csv", "11st"}, {"gmarket_cp949.csv", "gmarket"}, {"coupang_cp949.csv", "coupang"},
        {"naver_bom.csv", "naver"},       {"generic.csv", "generic"},
    };
    for (const auto& [file, preset] : cases) {
        INFO(file);
        auto detected = CsvMapping::detect(table(QString::fromLatin1(file)).header);
        REQUIRE(detected);
        CHECK(detected->source == QLatin1String(preset));
    }
    auto unknown = CsvMapping::detect({QStringLiteral("when"), QStringLiteral("what")});
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == ErrorCode::InvalidInput);
}

TEST_CASE("CSV: 11st's 작성일 column dates the rows; a file without a date column is refused", "[csv]")
{
    test::TempStore store;
    const CsvTable t = table(QStringLiteral("11st_written_bom.csv"));
    CHECK(t.encoding == QStringLiteral("UTF-8"));
    auto r = importCsv(*store.db, t, CsvMapping::preset(QStringLiteral("11st")).value(), QStringLiteral("w.csv"));
    REQUIRE(r);
    CHECK(r->problems.isEmpty());
    CHECK(r->imported == 3);
    const qint64 ticket = test::ticketOfExternal(*store.db, QStringLiteral("csv:11st:Q-3301"));
    const auto msgs = ticket_queries::messagesOfTicket(store.db->reader(), ticket);
    REQUIRE(msgs.size() == 2);
    CHECK(msgs[0].date == QDateTime(QDate(2026, 11, 9), QTime(5, 5), QTimeZone::utc())); // 14:05 in Korea
    CHECK(msgs[1].date == QDateTime(QDate(2026, 11, 9), QTime(7, 0), QTimeZone::utc()));
    const qint64 second = test::ticketOfExternal(*store.db, QStringLiteral("csv:11st:Q-3302"));
    CHECK(ticket_queries::messagesOfTicket(store.db->reader(), second)[0].date ==
          QDateTime(QDate(2026, 11, 9), QTime(23, 30), QTimeZone::utc())); // "2026.11.10 08:30"

    const CsvTable undated = table(QStringLiteral("no_date_bom.csv"));
    CsvMapping mapping = CsvMapping::detect(undated.header).value();
    auto refused = importCsv(*store.db, undated, mapping, QStringLiteral("d.csv"));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::InvalidInput);
    CHECK(refused.error().message.contains(QStringLiteral("문의내용"))); // names the file's columns
    mapping.allowUndated = true;
    auto dated = importCsv(*store.db, undated, mapping, QStringLiteral("d.csv"));
    REQUIRE(dated);
    CHECK(dated->imported == 1);
    CHECK(dated->problems.size() == 1); // said, not silent
}

TEST_CASE("CSV: importing a file again with another preset or a mapping adds nothing", "[csv]")
{
    struct Case {
        const char* file;
        const char* otherPreset;
        const char* spec;
        int messages;
    };
    const QList<Case> cases = {
        {"11st_cp949.csv", "gmarket", "문의일시=date,구매자명=customer,문의내용=text,답변내용=answer", 4},
        {"coupang_cp949.csv", "11st", "문의ID=id,문의일시=date,문의내용=text", 3},
        {"naver_bom.csv", "generic", "문의일시=date,문의자=customer,문의내용=text,답변내용=answer", 3},
    };
    for (const Case& c : cases) {
        INFO(c.file);
        test::TempStore store;
        const CsvTable t = table(QString::fromLatin1(c.file));
        auto first = importCsv(*store.db, t, CsvMapping::detect(t.header).value(), QString::fromLatin1(c.file));
        REQUIRE(first);
        CHECK(first->imported == c.messages);
        CsvMapping other = CsvMapping::preset(QString::fromLatin1(c.otherPreset)).value();
        other.allowUndated = true; // the generic preset finds no date column in a Korean export
        if (auto again = importCsv(*store.db, t, other, QString::fromLatin1(c.file)))
            CHECK(again->imported == 0);
        auto mapped = importCsv(*store.db, t, CsvMapping::fromSpec(QString::fromUtf8(c.spec)).value(),
                                QString::fromLatin1(c.file));
        REQUIRE(mapped);
        CHECK(mapped->imported == 0);
        CHECK(ticket_queries::stats(store.db->reader()).messages == c.messages);
    }
}

TEST_CASE("CSV: one CP949 row in a UTF-8 file garbles nothing else, and is reported", "[csv][hostile]")
{
    const CsvTable t = table(QStringLiteral("utf8_with_cp949_row.csv"));
    CHECK(t.encoding == QStringLiteral("UTF-8"));
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[0].value(2) == QStringLiteral("김민지"));
    CHECK(t.rows[1].value(4) == QStringLiteral("깨진 접시 환불 부탁드립니다"));
    CHECK(t.rows[2].value(2) == QStringLiteral("이하늘")); // the CP949 line, decoded as CP949
    CHECK(t.rows[3].value(2) == QStringLiteral("최유리"));
    REQUIRE(t.problems.size() == 1);
    CHECK(t.problems.first().contains(QStringLiteral("line 4")));
    auto mapping = CsvMapping::preset(QStringLiteral("generic"));
    REQUIRE(mapping);
    auto messages = csvMessages(t, mapping.value(), QStringLiteral("test"));
    REQUIRE(messages);
    CHECK(messages->messages.size() == 4);
    CHECK(messages->problems.contains(t.problems.first()));
}

TEST_CASE("CSV: a quote never closed loses no row, and is reported", "[csv][hostile]")
{
    const CsvTable t = table(QStringLiteral("unbalanced_quote.csv"));
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[1].value(4) == QStringLiteral("\"The plate arrived broken"));
    CHECK(t.rows[1].value(5) == QStringLiteral("2000000002"));
    CHECK(t.rows[2].value(2) == QStringLiteral("Ann"));
    CHECK(t.rows[3].value(2) == QStringLiteral("Bob"));
    REQUIRE(t.problems.size() == 1);
    CHECK(t.problems.first().contains(QStringLiteral("line 3")));
    CHECK(t.problems.first().contains(QStringLiteral("never closed")));
}
