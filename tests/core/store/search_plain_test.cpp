// The Qt-free search (core/search/, what casebook-cli runs) against Qt: each Unicode helper against the Qt
// call it stands in for, over every code point, and the CLI's output against the Qt formatting it replaced,
// on the demo inbox.
#include "demo/demo_inbox.h"
#include "model/channel_table.h"
#include "model/display_time.h"
#include "search/fts_tokenizer.h"
#include "search/hit_format.h"
#include "search/search_connection.h"
#include "search/search_run.h"
#include "search/unicode_text.h"
#include "store/message_search.h"
#include "store/ticket_json.h"
#include "support/test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <catch2/catch.hpp>

using namespace casebook;
namespace unicode = casebook::search::unicode;

namespace {

std::u16string u16(const QString& s)
{
    return {reinterpret_cast<const char16_t*>(s.utf16()), static_cast<std::size_t>(s.size())};
}

QString fromCodePoint(char32_t c)
{
    return QString::fromUcs4(&c, 1);
}

// What the tokenizer did with a word when it ran on Qt.
QString qtFold(const QString& word)
{
    QString s = word.normalized(QString::NormalizationForm_KD);
    s.removeIf([](QChar c) { return c.unicode() >= 0x0300 && c.unicode() <= 0x036F; });
    return s.toCaseFolded();
}

bool qtWordCharacter(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return true;
    default:
        return false;
    }
}

// Characters Qt 6.4's Unicode tables do not have yet (utf8proc's are newer).
bool unknownToQt(char32_t c)
{
    return QChar::category(c) == QChar::Other_NotAssigned;
}

// SearchSnippet::make as it was written on QString.
std::pair<QString, QList<std::pair<int, int>>> qtSnippet(const QString& body, const QStringList& needles)
{
    const QString flat = body.simplified();
    qsizetype first = -1;
    for (const QString& n : needles) {
        const qsizetype at = n.isEmpty() ? -1 : flat.indexOf(n, 0, Qt::CaseInsensitive);
        if (at >= 0 && (first < 0 || at < first))
            first = at;
    }
    qsizetype start = first > 40 ? first - 40 : 0;
    if (start > 0) {
        const qsizetype space = flat.indexOf(QLatin1Char(' '), start);
        if (space >= 0 && space < first)
            start = space + 1;
    }
    const qsizetype end = std::min(flat.size(), start + 160);
    const QString lead = start > 0 ? QStringLiteral("…") : QString();
    const QString window = flat.mid(start, end - start);
    QList<std::pair<int, int>> found;
    for (const QString& n : needles)
        for (qsizetype at = n.isEmpty() ? -1 : window.indexOf(n, 0, Qt::CaseInsensitive); at >= 0;
             at = window.indexOf(n, at + n.size(), Qt::CaseInsensitive))
            found.append({static_cast<int>(at + lead.size()), static_cast<int>(n.size())});
    std::sort(found.begin(), found.end());
    QList<std::pair<int, int>> merged;
    for (const auto& h : found) {
        if (!merged.isEmpty() && h.first <= merged.last().first + merged.last().second) {
            merged.last().second = std::max(merged.last().second, h.first + h.second - merged.last().first);
            continue;
        }
        merged.append(h);
    }
    return {lead + window + (end < flat.size() ? QStringLiteral("…") : QString()), merged};
}

// `casebook-cli search` output as the CLI wrote it with QJsonDocument and QTextStream.
QByteArray qtOutput(const QList<SearchHit>& hits, bool json)
{
    QByteArray bytes;
    QTextStream out(&bytes);
    if (json) {
        QJsonArray list;
        for (const SearchHit& h : hits)
            list.append(QJsonObject{{QStringLiteral("id"), h.messageId},
                                    {QStringLiteral("ticket"), h.ticketNumber},
                                    {QStringLiteral("ticket_id"), h.ticketId},
                                    {QStringLiteral("date"), ticket_json::isoDate(h.date)},
                                    {QStringLiteral("channel"), toString(h.channel)},
                                    {QStringLiteral("direction"), toString(h.direction)},
                                    {QStringLiteral("from_name"), h.fromName},
                                    {QStringLiteral("from_address"), h.fromAddress},
                                    {QStringLiteral("subject"), h.subject},
                                    {QStringLiteral("snippet"), h.snippet.text}});
        out << QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)) << Qt::endl;
        return bytes;
    }
    for (const SearchHit& h : hits) {
        out << "#" << h.ticketNumber << "\t" << displayTime(h.date) << "\t"
            << (h.fromName.isEmpty() ? h.fromAddress : h.fromName) << "\t" << h.subject << "\n";
        if (!h.snippet.text.isEmpty())
            out << "\t" << h.snippet.marked(QStringLiteral("["), QStringLiteral("]")) << "\n";
    }
    out.flush();
    return bytes;
}

struct DemoStore {
    test::TempStore store;
    DemoStore() { REQUIRE(DemoInbox::load(*store.db, DemoInbox::resourceRoot())); }
};

const QStringList kQueries{QStringLiteral("환불"),
                           QStringLiteral("배송"),
                           QStringLiteral("문의 status:new"),
                           QStringLiteral("주문*"),
                           QStringLiteral("channel:coupang"),
                           QStringLiteral("channel:naver 교환"),
                           QStringLiteral("after:2020-01-01"),
                           QStringLiteral("before:2100-01-01 status:open"),
                           QStringLiteral("subject:\"환불\""),
                           QStringLiteral("\"배송 지연\""),
                           QStringLiteral("refund"),
                           QStringLiteral("order:2*"),
                           QStringLiteral("from:kim"),
                           QStringLiteral("파손 OR 불량"),
                           QStringLiteral("환")};

} // namespace

TEST_CASE("the Qt-free tokenizer splits and folds every character as it did on Qt", "[search][plain]")
{
    QStringList different;
    int newer = 0;
    for (char32_t c = 0x80; c <= 0x3FFFF; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        const QString qc = fromCodePoint(c);
        const auto tokens = FtsTokenizer::tokens(qc.toStdString());
        if (tokens.size() == 1 && tokens[0].singleCjk)
            continue; // CJK: the same code as before, no Unicode tables
        QStringList expected;
        if (qtWordCharacter(c) && !qtFold(qc).isEmpty())
            expected << qtFold(qc);
        QStringList got;
        for (const auto& t : tokens)
            got << QString::fromStdString(t.text);
        if (got == expected)
            continue;
        if (unknownToQt(c))
            ++newer;
        else
            different << QString::number(c, 16);
    }
    CHECK(different == QStringList{});
    // Unicode 15's additions (Kawi, Nag Mundari, ...) are letters to utf8proc and unknown to Qt 6.4.
    CHECK(newer < 1000);

    // Whole words: decompositions, mark order, ligatures, full width, case folding.
    for (const char* word : {"Café",
                             "CAFÉ",
                             "e\u0301\u0323x",
                             "A\u0328\u0301",
                             "ﬁne",
                             "Ｒｅｆｕｎｄ",
                             "STRASSE",
                             "straße",
                             "ΣΊΣΥΦΟΣ",
                             "İstanbul",
                             "Ёлка",
                             "Ǆemal",
                             "ǅ",
                             "Ⅻ",
                             "①②",
                             "x²",
                             "ΐ",
                             "ﬃ",

                             "Ａ１",
                             "ᾈ",
                             "ŉ",
                             "ǰ",
                             "K",
                             "Å",
                             "ⅎ"}) {
        const auto tokens = FtsTokenizer::tokens(word);
        QStringList got;
        for (const auto& t : tokens)
            got << QString::fromStdString(t.text);
        INFO(word);
        CHECK(got.join(QLatin1Char(' ')) ==
              qtFold(QString::fromUtf8(word)).split(QLatin1Char(' ')).join(QLatin1Char(' ')));
    }
}

TEST_CASE("white space and case folding agree with QChar on every code point", "[search][plain]")
{
    int newer = 0;
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
        if (unicode::isSpace(c) != QChar::isSpace(c)) {
            INFO(static_cast<unsigned>(c));
            CHECK(unicode::isSpace(c) == QChar::isSpace(c));
        }
        if (unicode::foldCase(c) != QChar::toCaseFolded(c)) {
            if (unknownToQt(c)) {
                ++newer;
                continue;
            }
            INFO(static_cast<unsigned>(c));
            CHECK(unicode::foldCase(c) == QChar::toCaseFolded(c));
        }
    }
    CHECK(newer < 100);
}

TEST_CASE("strings are simplified, searched, cut and escaped as QString and QJsonDocument do",
          "[search][plain]")
{
    const QStringList samples{QStringLiteral("  Hello\t\n wörld \u3000 again\u00a0 "),
                              QStringLiteral("REFUND refund ReFuNd"),
                              QStringLiteral("환불을 요청합니다. 환불은 언제?"),
                              QStringLiteral("emoji 😀 and \u1E9E ß ẞ ΣΑΣ σας"),
                              QStringLiteral("quote \" back\\slash \b\f\n\r\t \x01 \x1f \x7f end"),
                              QString(QChar(0xD800)) + QStringLiteral("lone ") + QChar(0xDC00),
                              QString()};
    for (const QString& s : samples) {
        INFO(s.toStdString());
        CHECK(unicode::simplified(u16(s)) == u16(s.simplified()));
        CHECK(unicode::toUtf16(s.toStdString()) == u16(QString::fromUtf8(s.toUtf8())));
        for (const QString& needle : {QStringLiteral("refund"), QStringLiteral("환불"), QStringLiteral("σας"),
                                      QStringLiteral("ss"), QStringLiteral("ẞ"), QStringLiteral("😀")})
            CHECK(unicode::indexOfFolded(u16(s), u16(needle), 0) ==
                  s.indexOf(needle, 0, Qt::CaseInsensitive));
        const QByteArray qtJson = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
        CHECK("[" + search::hit_format::jsonString(u16(s)) + "]" == qtJson.toStdString());
    }
    for (qint64 ms :
         {0LL, 1LL, -1LL, 999LL, 1772411652000LL, 1772411652999LL, -62135596800000LL, -62135596800001LL,
          253402300799999LL, 253402300800000LL, 951782400000LL, 4107542400000LL, -86400000LL})
        CHECK(search::hit_format::isoDate(ms) ==
              ticket_json::isoDate(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())).toStdString());
    CHECK(search::hit_format::isoDate(std::nullopt).empty());
}

TEST_CASE("snippets are cut as they were on QString", "[search][plain]")
{
    DemoStore demo;
    const QStringList needleSets[] = {
        {QStringLiteral("환불")},
        {QStringLiteral("배송 지연"), QStringLiteral("배송"), QStringLiteral("지연")},
        {QStringLiteral("order")},
        {QStringLiteral("주문"), QString()},
        {QStringLiteral("nothing-matches-this")}};
    SQLite::Statement st(demo.store.db->reader(), "SELECT text_body FROM messages");
    int bodies = 0;
    while (st.executeStep()) {
        const QString body = QString::fromUtf8(st.getColumn(0).getText());
        ++bodies;
        for (const QStringList& needles : needleSets) {
            const auto [text, highlights] = qtSnippet(body, needles);
            const SearchSnippet s = SearchSnippet::make(body, needles);
            CHECK(s.text == text);
            CHECK(s.highlights == highlights);
        }
    }
    CHECK(bodies > 40);
}

TEST_CASE("casebook-cli's search output is byte for byte the Qt formatting's, on the demo inbox",
          "[search][plain]")
{
    DemoStore demo;
    auto connection = search::SearchConnection::open(demo.store.path().toStdString());
    REQUIRE(connection);
    int nonEmpty = 0;
    for (const QString& text : kQueries) {
        INFO(text.toStdString());
        const auto query = search::Query::parse(text.toStdString());
        REQUIRE(query);
        const auto count = MessageSearch(demo.store.db->reader()).count(text);
        REQUIRE(count);
        search::SearchRequest request;
        request.count = true;
        CHECK(search::runSearch(connection.value()->handle(), query.value(), request).value() ==
              std::to_string(count.value()) + "\n");
        nonEmpty += count.value() > 0 ? 1 : 0;
        for (const bool json : {true, false})
            for (const SearchOrder order : {SearchOrder::Newest, SearchOrder::Relevance})
                for (const int limit : {0, 3, 20, 500}) {
                    const auto hits = MessageSearch(demo.store.db->reader()).hits(text, {order, limit, 1});
                    REQUIRE(hits);
                    request = {};
                    request.json = json;
                    request.page = {order == SearchOrder::Relevance ? search::Order::Relevance
                                                                    : search::Order::Newest,
                                    limit, 1};
                    const auto printed =
                        search::runSearch(connection.value()->handle(), query.value(), request);
                    REQUIRE(printed);
                    CHECK(printed.value() == qtOutput(hits.value(), json).toStdString());
                }
    }
    CHECK(nonEmpty >= 10);
}

TEST_CASE("the Qt-free search knows the current schema and the model's names", "[search][plain]")
{
    CHECK(search::SearchConnection::kSchemaVersion == Database::latestSchemaVersion());
    QStringList statuses, channels;
    for (std::string_view n : search::Query::statusNames())
        statuses << QString::fromUtf8(n.data(), static_cast<qsizetype>(n.size()));
    for (std::string_view n : search::Query::channelNames())
        channels << QString::fromUtf8(n.data(), static_cast<qsizetype>(n.size()));
    CHECK(statuses == allTicketStatusNames());
    QStringList tableChannels;
    for (const ChannelInfo& row : kChannelTable)
        tableChannels << toString(row.channel);
    CHECK(channels == tableChannels);

    // A database of another schema is left to the full program, untouched.
    test::TempStore store;
    REQUIRE(store.db->write([](SQLite::Database& db) -> Result<void> {
        db.exec("PRAGMA user_version = 99");
        return {};
    }));
    const auto newer = search::SearchConnection::open(store.path().toStdString());
    REQUIRE_FALSE(newer);
    CHECK(newer.error().find("schema version 99") != std::string::npos);
    CHECK_FALSE(search::SearchConnection::open("/nonexistent/casebook.sqlite"));
}
