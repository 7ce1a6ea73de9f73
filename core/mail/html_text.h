#pragma once

#include <QString>

namespace casebook {

// HTML from mail reduced to a safe subset for display: no scripts, styles, forms, frames or event handlers;
// links keep only http, https and mailto targets; images keep only an http(s) `src`, which the viewer
// leaves unfetched unless the seller allows that sender's images.
QString sanitizeHtml(const QString& html);

// The readable text of an HTML part: block elements become line breaks, entities are decoded.
QString htmlToText(const QString& html);

// Numeric and the common named character references (&lt; &amp; &#44592; …) decoded.
QString decodeHtmlEntities(const QString& s);

} // namespace casebook
