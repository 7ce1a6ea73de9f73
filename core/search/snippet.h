#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace casebook::search {

// A short excerpt of a message's text around the first place a search matched, with the matches marked
// as ranges, so each face (list, CLI, JSON) draws them its own way. Text and ranges are in UTF-16 code
// units, as QString counts them (store/search_snippet.h hands them to Qt code as they are).
struct Snippet {
    std::u16string text;
    std::vector<std::pair<int, int>> highlights; // (start, length) into text, in order, not overlapping

    // Finds the first of `needles` (case-insensitive) in `body` and cuts about `width` characters around
    // it; without a match, the start of the body.
    static Snippet make(std::u16string_view body, const std::vector<std::u16string>& needles,
                        int width = 160);

    // The text with each highlight wrapped in open … close.
    std::u16string marked(std::u16string_view open, std::u16string_view close) const;
};

} // namespace casebook::search
