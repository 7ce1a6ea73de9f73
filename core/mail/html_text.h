#pragma once

#include <QString>

namespace casebook {

// HTML from mail reduced to a safe subset for display: no scripts, styles, forms, frames or event handlers;
// links keep only http, https and mailto targets; images keep only an http(s) `src`, which the viewer
// leaves unfetched unless the seller allows that sender's images.
QString sanitizeHtml(const QString& html);

// The readable text of an HTML part: block elements become line breaks, entities are decoded.
QString htmlToText(const QString& html);

// What Qt's text engine can lay out without stalling the window: its table layout grows about twofold with
// each nested table (20 deep took 19 s, 30 never ended), and deep nesting, many elements or many images
// grow it too (20,000 nested tables crashed it). Measured figures and the tests that hold these are in
// docs/limits.md.
struct HtmlDisplayLimits {
    int maxDepth = 64;           // elements open at once
    int maxTableDepth = 8;       // tables inside tables
    int maxElements = 5000;      // start tags
    int maxImages = 200;         // <img> tags
    qsizetype maxChars = 512 * 1024; // UTF-16 code units of HTML
};

// What a (sanitized) HTML part holds, counted in one pass that stops as soon as a limit is passed (the
// counts are then of the part read so far). Unclosed <li>, <p>, <td>, <tr> close at their next sibling, as
// an HTML parser closes them. A part that passes is then parsed by Qt (no layout), whose own table nesting
// must be within the limit too.
struct HtmlShape {
    int depth = 0;      // deepest nesting seen
    int tableDepth = 0; // deepest nesting of tables seen
    int elements = 0;
    int images = 0;
    bool fits = true; // within every limit
};
HtmlShape measureHtml(const QString& html, const HtmlDisplayLimits& limits = {});

// Numeric and the common named character references (&lt; &amp; &#44592; …) decoded.
QString decodeHtmlEntities(const QString& s);

} // namespace casebook
