#include "store/search_snippet.h"

namespace casebook {
namespace {

std::u16string_view view(const QString& s)
{
    return {reinterpret_cast<const char16_t*>(s.utf16()), static_cast<std::size_t>(s.size())};
}

QString qtString(const std::u16string& s)
{
    return QString(reinterpret_cast<const QChar*>(s.data()), static_cast<qsizetype>(s.size()));
}

} // namespace

SearchSnippet SearchSnippet::make(const QString& body, const QStringList& needles, int width)
{
    std::vector<std::u16string> plainNeedles;
    for (const QString& n : needles)
        plainNeedles.emplace_back(view(n));
    return fromPlain(search::Snippet::make(view(body), plainNeedles, width));
}

QString SearchSnippet::marked(const QString& open, const QString& close) const
{
    return qtString(plain().marked(view(open), view(close)));
}

SearchSnippet SearchSnippet::fromPlain(const search::Snippet& s)
{
    SearchSnippet out;
    out.text = qtString(s.text);
    for (const auto& h : s.highlights)
        out.highlights.append(h);
    return out;
}

search::Snippet SearchSnippet::plain() const
{
    search::Snippet s;
    s.text = std::u16string(view(text));
    s.highlights.assign(highlights.begin(), highlights.end());
    return s;
}

} // namespace casebook
