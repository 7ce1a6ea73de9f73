#pragma once

#include <QString>

namespace casebook {

// A reply template: `body` for email, `plainBody` for marketplace answer boards (plain text, within the
// board's length limit). Both may hold {{placeholders}}.
struct ReplyTemplate {
    QString id;       // "ko.shipping_time" for built-ins; any [a-z0-9._-] name for the user's own
    QString language; // "ko" or "en"
    QString category; // a ticket category name (shipping, return, …, other)
    QString title;
    QString body;
    QString plainBody;
    bool builtin = false; // shipped with Casebook
    bool edited = false;  // a built-in the user changed (restorable)

    bool operator==(const ReplyTemplate&) const = default;
};

} // namespace casebook
