#include "mail/html_text.h"
#include "support/test_support.h"

#include <QFile>

#include <catch2/catch.hpp>

using namespace casebook;

namespace {

QString nested(const QString& open, const QString& close, int n)
{
    return open.repeated(n) + QStringLiteral("x") + close.repeated(n);
}

const QString kTable = QStringLiteral("<table><tr><td>");
const QString kTableEnd = QStringLiteral("</td></tr></table>");

} // namespace

TEST_CASE("HTML past the display limits is recognised in one pass", "[mail][html][hostile]")
{
    const HtmlDisplayLimits limits;
    CHECK(measureHtml(nested(kTable, kTableEnd, limits.maxTableDepth)).fits);
    CHECK(measureHtml(nested(kTable, kTableEnd, limits.maxTableDepth)).tableDepth == limits.maxTableDepth);
    CHECK_FALSE(measureHtml(nested(kTable, kTableEnd, limits.maxTableDepth + 1)).fits);
    CHECK_FALSE(measureHtml(nested(kTable, kTableEnd, 30)).fits);
    CHECK_FALSE(measureHtml(nested(kTable, QString(), 20000)).fits);
    CHECK_FALSE(measureHtml(nested(QStringLiteral("<ul><li>"), QStringLiteral("</li></ul>"), 50000)).fits);
    CHECK_FALSE(measureHtml(nested(QStringLiteral("<b>"), QString(), limits.maxDepth + 1)).fits);
    CHECK(measureHtml(nested(QStringLiteral("<b>"), QStringLiteral("</b>"), limits.maxDepth)).fits);
    CHECK_FALSE(measureHtml(QStringLiteral("<img src=\"https://a.example/x.png\">").repeated(limits.maxImages + 1)).fits);
    CHECK(measureHtml(QStringLiteral("<img src=\"https://a.example/x.png\">").repeated(limits.maxImages)).fits);
    CHECK_FALSE(measureHtml(QStringLiteral("<span>x</span>").repeated(limits.maxElements + 1)).fits);
    CHECK_FALSE(measureHtml(QString(limits.maxChars + 1, QLatin1Char('x'))).fits);
    CHECK(measureHtml(QString(limits.maxChars, QLatin1Char('x'))).fits);
}

TEST_CASE("unclosed list items, paragraphs and cells are siblings, not nesting", "[mail][html]")
{
    const HtmlShape list = measureHtml(QStringLiteral("<ul>") + QStringLiteral("<li>item").repeated(3000) +
                                       QStringLiteral("</ul>"));
    CHECK(list.fits);
    CHECK(list.depth == 2);
    const HtmlShape paragraphs = measureHtml(QStringLiteral("<p>line").repeated(3000));
    CHECK(paragraphs.fits);
    CHECK(paragraphs.depth == 1);
    const HtmlShape row = measureHtml(QStringLiteral("<table><tr><td>a<td>b<th>c<tr><td>d</table><p>after"));
    CHECK(row.fits);
    CHECK(row.depth == 3);
    CHECK(row.tableDepth == 1);
    // A closing tag with nothing open to close is ignored, not counted below zero.
    CHECK(measureHtml(QStringLiteral("</table></div><b>x</b>")).depth == 1);
}

// Found by fuzz_html_display: malformed tags ("<td<table>", "</tad", "</tM-/ble>") that the one-pass scan
// counted as 8 tables deep at most, where Qt's parser nests them 18 deep and took 16 s to lay the 2.8 KB out.
TEST_CASE("HTML whose malformed tags Qt nests deeper than the scan counts is not laid out", "[mail][html][hostile]")
{
    QFile file(test::testData(QStringLiteral("fuzz/html-malformed-nested-tables.html")));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const HtmlShape shape = measureHtml(sanitizeHtml(QString::fromUtf8(file.readAll())));
    CHECK_FALSE(shape.fits);
    CHECK(shape.tableDepth > HtmlDisplayLimits{}.maxTableDepth);
}
