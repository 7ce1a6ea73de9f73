// The claims list: the period's claim tickets against the fixture's plan, and CSV cells as a spreadsheet
// reads them.
#include "report/claims_export.h"
#include "report/csv_table.h"
#include "support/report_fixture.h"
#include "support/test_support.h"

using namespace casebook;
using namespace casebook::report;
using test::ReportFixtureTicket;

TEST_CASE("CSV cells: formulas neutralised, quotes doubled, line breaks kept inside quotes", "[report]")
{
    CHECK(csvCell(QStringLiteral("=1+2")) == QStringLiteral("'=1+2"));
    CHECK(csvCell(QStringLiteral("+82 10")) == QStringLiteral("'+82 10"));
    CHECK(csvCell(QStringLiteral("-1 star")) == QStringLiteral("'-1 star"));
    CHECK(csvCell(QStringLiteral("@SUM(A1)")) == QStringLiteral("'@SUM(A1)"));
    CHECK(csvCell(QStringLiteral("환불 = 3만원")) == QStringLiteral("환불 = 3만원"));
    CHECK(csvCell(QStringLiteral("a,\"b\"")) == QStringLiteral("\"a,\"\"b\"\"\""));
    CHECK(csvCell(QStringLiteral("=x\ny")) == QStringLiteral("\"'=x\ny\""));
    const QByteArray table = csvTable({{QStringLiteral("날짜"), QStringLiteral("x")}}, true);
    CHECK(table == QByteArray("\xEF\xBB\xBF") + QStringLiteral("날짜,x\r\n").toUtf8());
}

TEST_CASE("the claims list holds the period's claims with their orders, answers and evidence", "[report]")
{
    test::TempStore store;
    const QList<ReportFixtureTicket> plan = test::report_fixture::plan();
    const QList<qint64> ids = test::report_fixture::write(*store.db, store.clock, plan, store.dir.path());
    const Period november{QDate(2026, 11, 2), QDate(2026, 11, 29), Grain::Week, QTimeZone("Asia/Seoul")};
    QMap<qint64, const ReportFixtureTicket*> expected;
    for (int i = 0; i < plan.size(); ++i) {
        const ReportFixtureTicket& t = plan[i];
        const QDate day = t.askedAt.toTimeZone(november.zone).date();
        const bool isClaim = t.category == Category::Refund || t.category == Category::Return ||
                             t.category == Category::Defect || t.category == Category::MissingItem;
        if (isClaim && !t.sellerFirst && t.finalStatus != TicketStatus::Spam && day >= november.from &&
            day <= november.to)
            expected.insert(ids[i], &t);
    }
    const QList<ClaimRow> rows = claimRows(store.db->reader(), november);
    REQUIRE(rows.size() == expected.size());
    QDateTime previous;
    int quoted = 0; // answers stored with the question quoted below them
    for (const ClaimRow& r : rows) {
        REQUIRE(expected.contains(r.ticketId));
        const ReportFixtureTicket& t = *expected.value(r.ticketId);
        CHECK(r.channel == t.channel);
        CHECK(r.category == t.category);
        CHECK(r.orderNumbers == QStringList{t.order});
        CHECK(r.evidence == t.evidence);
        CHECK(r.claimed.contains(t.claimText));
        // What the seller wrote, without the question their mail program quoted below it.
        const int index = static_cast<int>(&t - plan.constData());
        quoted += t.channel == Channel::Email && t.answerAfterSecs >= 0 ? 1 : 0;
        CHECK(r.sellerAnswer ==
              (t.answerAfterSecs < 0 ? QString() : test::report_fixture::answerText(index)));
        CHECK((!previous.isValid() || previous <= r.createdAt)); // oldest first
        previous = r.createdAt;
    }
    CHECK(quoted >= 3);
    const QList<QStringList> table = claimsTable(rows, november.zone, QStringLiteral("en"));
    CHECK(table.front() ==
          QStringList{QStringLiteral("Date"), QStringLiteral("Channel"), QStringLiteral("Order number"),
                      QStringLiteral("Category"), QStringLiteral("What was claimed"),
                      QStringLiteral("What the seller did"), QStringLiteral("Evidence files")});
    CHECK(table.size() == rows.size() + 1);
}
