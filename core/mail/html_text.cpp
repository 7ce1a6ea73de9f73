#include "mail/html_text.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

#include <algorithm>
#include <vector>

namespace casebook {
namespace {

// Elements whose whole content is dropped, not only the tags.
const QRegularExpression& droppedElements()
{
    static const QRegularExpression re(
        QStringLiteral("<(script|style|head|title|iframe|object|embed|form|textarea|select|svg|math|template|"
                       "noscript|frameset|frame|applet)\\b[^>]*>.*?</\\1\\s*>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    return re;
}

const QSet<QString>& allowedTags()
{
    static const QSet<QString> tags{
        QStringLiteral("a"),  QStringLiteral("b"),   QStringLiteral("blockquote"), QStringLiteral("br"),
        QStringLiteral("code"), QStringLiteral("div"), QStringLiteral("em"),       QStringLiteral("h1"),
        QStringLiteral("h2"), QStringLiteral("h3"),  QStringLiteral("h4"),         QStringLiteral("hr"),
        QStringLiteral("i"),  QStringLiteral("li"),  QStringLiteral("ol"),         QStringLiteral("p"),
        QStringLiteral("pre"), QStringLiteral("span"), QStringLiteral("strong"),   QStringLiteral("table"),
        QStringLiteral("tbody"), QStringLiteral("td"), QStringLiteral("th"),       QStringLiteral("thead"),
        QStringLiteral("tr"), QStringLiteral("u"),   QStringLiteral("ul"),         QStringLiteral("font"),
        QStringLiteral("small"), QStringLiteral("sub"), QStringLiteral("sup")};
    return tags;
}

// An attribute (href, src: named by `attribute`) when its value starts with an allowed scheme, quotes
// escaped; empty otherwise.
QString safeUrlAttribute(const QString& tagText, const QRegularExpression& attribute,
                         const QRegularExpression& okScheme)
{
    const auto m = attribute.match(tagText);
    if (!m.hasMatch())
        return {};
    QString target = (m.captured(2) + m.captured(3) + m.captured(4)).trimmed();
    if (!okScheme.match(target).hasMatch())
        return {};
    return target.replace(QLatin1Char('"'), QStringLiteral("%22")).replace(QLatin1Char('<'), QStringLiteral("%3C"));
}

QString safeHref(const QString& tagText)
{
    static const QRegularExpression href(QStringLiteral("\\bhref\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))"),
                                         QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression okScheme(QStringLiteral("^(https?:|mailto:)"),
                                             QRegularExpression::CaseInsensitiveOption);
    const QString target = safeUrlAttribute(tagText, href, okScheme);
    return target.isEmpty() ? QString() : QStringLiteral(" href=\"%1\"").arg(target);
}

// An image keeps only an http(s) source, quoted by us: whether it is ever fetched is the viewer's choice
// (blocked unless the seller allows the sender), so the mail reads as it was written once allowed.
QString safeImage(const QString& tagText)
{
    static const QRegularExpression src(QStringLiteral("(?:^|\\s)src\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))"),
                                        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression okScheme(QStringLiteral("^https?://"), QRegularExpression::CaseInsensitiveOption);
    const QString target = safeUrlAttribute(tagText, src, okScheme);
    return target.isEmpty() ? QString() : QStringLiteral("<img src=\"%1\">").arg(target);
}

} // namespace

QString decodeHtmlEntities(const QString& s)
{
    static const QRegularExpression numeric(QStringLiteral("&#(x[0-9a-fA-F]+|[0-9]+);"));
    QString out;
    qsizetype last = 0;
    for (auto it = numeric.globalMatch(s); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(s).mid(last, m.capturedStart() - last);
        const QString code = m.captured(1);
        bool ok = false;
        const uint cp = code.startsWith(QLatin1Char('x')) ? code.mid(1).toUInt(&ok, 16) : code.toUInt(&ok, 10);
        if (ok && cp > 0 && cp < 0x110000 && !(cp >= 0xD800 && cp < 0xE000))
            out += QString::fromUcs4(reinterpret_cast<const char32_t*>(&cp), 1);
        else
            out += QChar(0xFFFD);
        last = m.capturedEnd();
    }
    out += QStringView(s).mid(last);
    static const std::pair<const char*, const char*> named[] = {
        {"&nbsp;", "\u00A0"}, {"&lt;", "<"},   {"&gt;", ">"},       {"&quot;", "\""},
        {"&apos;", "'"},      {"&#39;", "'"},  {"&middot;", "\u00B7"}, {"&amp;", "&"}};
    for (const auto& [from, to] : named)
        out.replace(QString::fromUtf8(from), QString::fromUtf8(to), Qt::CaseInsensitive);
    return out;
}

QString sanitizeHtml(const QString& html)
{
    QString s = html;
    s.remove(droppedElements());
    static const QRegularExpression comments(QStringLiteral("<!--.*?-->"),
                                             QRegularExpression::DotMatchesEverythingOption);
    s.remove(comments);
    static const QRegularExpression tag(QStringLiteral("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|<[!?/][^>]*>"));
    QString out;
    qsizetype last = 0;
    for (auto it = tag.globalMatch(s); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(s).mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const QString name = m.captured(2).toLower();
        if (name == QLatin1String("img") && m.captured(1).isEmpty()) {
            out += safeImage(m.captured(3));
            continue;
        }
        if (name.isEmpty() || !allowedTags().contains(name))
            continue;
        const bool closing = !m.captured(1).isEmpty();
        if (closing)
            out += QStringLiteral("</%1>").arg(name);
        else if (name == QLatin1String("a"))
            out += QStringLiteral("<a%1 rel=\"noreferrer\">").arg(safeHref(m.captured(3)));
        else
            out += QStringLiteral("<%1>").arg(name);
    }
    out += QStringView(s).mid(last);
    // A stray '<' left over (an unterminated tag) must not open anything.
    static const QRegularExpression stray(QStringLiteral("<(?![a-z/])"));
    out.replace(stray, QStringLiteral("&lt;"));
    return out;
}

QString htmlToText(const QString& html)
{
    QString s = html;
    s.remove(droppedElements());
    static const QRegularExpression breaks(QStringLiteral("<(br|/p|/div|/tr|/li|/h[1-6]|/blockquote|hr)\\b[^>]*>"),
                                           QRegularExpression::CaseInsensitiveOption);
    s.replace(breaks, QStringLiteral("\n"));
    static const QRegularExpression anyTag(QStringLiteral("<[^>]*>"));
    s.remove(anyTag);
    s = decodeHtmlEntities(s);
    s.replace(QChar(0x00A0), QLatin1Char(' '));
    static const QRegularExpression spaces(QStringLiteral("[ \\t]+"));
    s.replace(spaces, QStringLiteral(" "));
    static const QRegularExpression blankLines(QStringLiteral("\\n\\s*\\n\\s*\\n+"));
    s.replace(blankLines, QStringLiteral("\n\n"));
    QStringList lines = s.split(QLatin1Char('\n'));
    for (QString& l : lines)
        l = l.trimmed();
    return lines.join(QLatin1Char('\n')).trimmed();
}

namespace {

bool isVoid(QStringView name)
{
    return name == u"br" || name == u"hr" || name == u"img" || name == u"meta" || name == u"link" ||
           name == u"input" || name == u"wbr" || name == u"col" || name == u"area" || name == u"base";
}

// Where a start tag implicitly ends open elements, as HTML parsers do: a <tr> ends the open row of its
// table (with its cells), a <td>/<th> the open cell of its row, an <li> the open item of its list, a <p> an
// open paragraph. Returns how many open elements stay open, or -1 when the tag ends none.
qsizetype keptOpen(const QString& name, const std::vector<QString>& open)
{
    const auto scan = [&](std::initializer_list<QStringView> targets,
                          std::initializer_list<QStringView> stops) -> qsizetype {
        for (std::size_t j = open.size(); j-- > 0;) {
            for (QStringView t : targets)
                if (open[j] == t)
                    return static_cast<qsizetype>(j);
            for (QStringView stop : stops)
                if (open[j] == stop)
                    return -1;
        }
        return -1;
    };
    if (name == u"tr")
        return scan({u"tr"}, {u"table"});
    if (name == u"td" || name == u"th")
        return scan({u"td", u"th"}, {u"tr", u"table"});
    if (name == u"li")
        return scan({u"li"}, {u"ul", u"ol"});
    if (name == u"p" && !open.empty() && open.back() == u"p")
        return static_cast<qsizetype>(open.size()) - 1;
    return -1;
}

// The deepest nesting of tables in a parsed document (iterative: a hostile part may nest thousands deep).
int tableDepthOf(QTextFrame* root)
{
    int deepest = 0;
    std::vector<std::pair<QTextFrame*, int>> todo{{root, 0}};
    while (!todo.empty()) {
        auto [frame, depth] = todo.back();
        todo.pop_back();
        if (qobject_cast<QTextTable*>(frame))
            ++depth;
        deepest = std::max(deepest, depth);
        for (QTextFrame* child : frame->childFrames())
            todo.emplace_back(child, depth);
    }
    return deepest;
}

} // namespace

HtmlShape measureHtml(const QString& html, const HtmlDisplayLimits& limits)
{
    HtmlShape shape;
    if (html.size() > limits.maxChars) {
        shape.fits = false;
        return shape;
    }
    std::vector<QString> open; // never deeper than maxDepth + 1: the scan stops there
    int tables = 0;            // tables among `open`
    const auto pop = [&](std::size_t keep) {
        for (std::size_t j = keep; j < open.size(); ++j)
            if (open[j] == u"table")
                --tables;
        open.resize(keep);
    };
    const QStringView s(html);
    for (qsizetype at = s.indexOf(u'<'); at >= 0 && at + 1 < s.size(); at = s.indexOf(u'<', at + 1)) {
        qsizetype i = at + 1;
        const bool closing = s[i] == u'/';
        if (closing)
            ++i;
        const qsizetype nameStart = i;
        while (i < s.size() && s[i].unicode() < 128 && s[i].isLetterOrNumber())
            ++i;
        if (i == nameStart || !s[nameStart].isLetter())
            continue;
        const QString name = s.mid(nameStart, i - nameStart).toString().toLower();
        if (closing) {
            for (std::size_t j = open.size(); j-- > 0;)
                if (open[j] == name) {
                    pop(j);
                    break;
                }
            continue;
        }
        if (++shape.elements > limits.maxElements ||
            (name == u"img" && ++shape.images > limits.maxImages)) {
            shape.fits = false;
            return shape;
        }
        if (isVoid(name))
            continue;
        if (const qsizetype keep = keptOpen(name, open); keep >= 0)
            pop(static_cast<std::size_t>(keep));
        open.push_back(name);
        if (name == u"table")
            shape.tableDepth = std::max(shape.tableDepth, ++tables);
        shape.depth = std::max(shape.depth, static_cast<int>(open.size()));
        if (shape.depth > limits.maxDepth || shape.tableDepth > limits.maxTableDepth) {
            shape.fits = false;
            return shape;
        }
    }
    // The scan models Qt's HTML parser, and malformed tags ("<td<table>", "</tad", found by fuzz_html_display:
    // tests/data/fuzz/html-malformed-nested-tables.html) can make Qt nest tables deeper than the model
    // counts; laying out nested tables grows steeply with their depth (that 2.8 KB part: 18 deep, 16 s). So
    // what passes the scan is parsed by Qt itself, which is quick and needs no GUI (only layout is slow), and
    // its own nesting decides.
    QTextDocument parsed;
    parsed.setHtml(html);
    shape.tableDepth = std::max(shape.tableDepth, tableDepthOf(parsed.rootFrame()));
    if (shape.tableDepth > limits.maxTableDepth)
        shape.fits = false;
    return shape;
}

} // namespace casebook
