#include "search/snippet.h"

#include "search/unicode_text.h"

#include <algorithm>

namespace casebook::search {
namespace {

constexpr std::u16string_view kEllipsis = u"…";

// How far back from the match the excerpt starts, so the match is read in context.
constexpr long kLeadIn = 40;

} // namespace

Snippet Snippet::make(std::u16string_view body, const std::vector<std::u16string>& needles, int width)
{
    const std::u16string flat = unicode::simplified(body);
    const long size = static_cast<long>(flat.size());
    long first = -1;
    for (const std::u16string& n : needles) {
        if (n.empty())
            continue;
        const long at = unicode::indexOfFolded(flat, n, 0);
        if (at >= 0 && (first < 0 || at < first))
            first = at;
    }
    long start = first > kLeadIn ? first - kLeadIn : 0;
    if (start > 0) {
        // Start at a word when one begins shortly before.
        const auto space = flat.find(u' ', static_cast<std::size_t>(start));
        if (space != std::u16string::npos && static_cast<long>(space) < first)
            start = static_cast<long>(space) + 1;
    }
    const long end = std::min(size, start + width);

    Snippet s;
    const std::u16string_view lead = start > 0 ? kEllipsis : std::u16string_view();
    const std::u16string_view window = std::u16string_view(flat).substr(start, end - start);
    s.text = std::u16string(lead) + std::u16string(window) + std::u16string(end < size ? kEllipsis : u"");
    std::vector<std::pair<int, int>> found;
    for (const std::u16string& n : needles) {
        if (n.empty())
            continue;
        for (long at = unicode::indexOfFolded(window, n, 0); at >= 0;
             at = unicode::indexOfFolded(window, n, static_cast<std::size_t>(at) + n.size()))
            found.emplace_back(static_cast<int>(at + static_cast<long>(lead.size())),
                               static_cast<int>(n.size()));
    }
    std::sort(found.begin(), found.end());
    for (const auto& h : found) {
        if (!s.highlights.empty()) {
            auto& last = s.highlights.back();
            if (h.first <= last.first + last.second) {
                last.second = std::max(last.second, h.first + h.second - last.first);
                continue;
            }
        }
        s.highlights.push_back(h);
    }
    return s;
}

std::u16string Snippet::marked(std::u16string_view open, std::u16string_view close) const
{
    std::u16string out;
    std::size_t at = 0;
    for (const auto& [start, length] : highlights) {
        out += text.substr(at, start - at);
        out += open;
        out += text.substr(start, length);
        out += close;
        at = start + length;
    }
    return out + text.substr(std::min(at, text.size()));
}

} // namespace casebook::search
