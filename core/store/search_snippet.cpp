#include "store/search_snippet.h"

#include <algorithm>

namespace casebook {
namespace {

const QString kEllipsis = QStringLiteral("…");

// How far back from the match the excerpt starts, so the match is read in context.
constexpr int kLeadIn = 40;

} // namespace

SearchSnippet SearchSnippet::make(const QString& body, const QStringList& needles, int width)
{
    const QString flat = body.simplified();
    qsizetype first = -1;
    for (const QString& n : needles) {
        if (n.isEmpty())
            continue;
        const qsizetype at = flat.indexOf(n, 0, Qt::CaseInsensitive);
        if (at >= 0 && (first < 0 || at < first))
            first = at;
    }
    qsizetype start = first > kLeadIn ? first - kLeadIn : 0;
    if (start > 0) {
        // Start at a word when one begins shortly before.
        const qsizetype space = flat.indexOf(QLatin1Char(' '), start);
        if (space >= 0 && space < first)
            start = space + 1;
    }
    const qsizetype end = std::min(flat.size(), start + width);

    SearchSnippet s;
    const QString lead = start > 0 ? kEllipsis : QString();
    s.text = lead + flat.mid(start, end - start) + (end < flat.size() ? kEllipsis : QString());
    const QString window = flat.mid(start, end - start);
    QList<std::pair<int, int>> found;
    for (const QString& n : needles) {
        if (n.isEmpty())
            continue;
        for (qsizetype at = window.indexOf(n, 0, Qt::CaseInsensitive); at >= 0;
             at = window.indexOf(n, at + n.size(), Qt::CaseInsensitive))
            found.append({static_cast<int>(at + lead.size()), static_cast<int>(n.size())});
    }
    std::sort(found.begin(), found.end());
    for (const auto& h : found) {
        if (!s.highlights.isEmpty()) {
            auto& last = s.highlights.last();
            if (h.first <= last.first + last.second) {
                last.second = std::max(last.second, h.first + h.second - last.first);
                continue;
            }
        }
        s.highlights.append(h);
    }
    return s;
}

QString SearchSnippet::marked(const QString& open, const QString& close) const
{
    QString out;
    int at = 0;
    for (const auto& [start, length] : highlights) {
        out += text.mid(at, start - at) + open + text.mid(start, length) + close;
        at = start + length;
    }
    return out + text.mid(at);
}

} // namespace casebook
