#pragma once

#include "model/result.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace casebook {

using PlaceholderValues = QHash<QString, QString>;

// A rendering that may be incomplete: unresolved placeholders stay in the text as "{{name}}" (so an editor
// can highlight them) and are listed in `missing`, in order of first appearance.
struct RenderedText {
    QString text;
    QStringList missing;
    bool complete() const { return missing.isEmpty(); }
};

// Fills {{placeholders}} with kainjow mustache. Values are plain text: nothing is HTML-escaped. An empty
// value counts as missing, since "Hi ," would go out otherwise.
class TemplateRenderer {
public:
    static RenderedText renderPartial(const QString& text, const PlaceholderValues& values);
    // The text ready to send, or an error naming every unresolved placeholder: what blocks sending.
    static Result<QString> render(const QString& text, const PlaceholderValues& values);
    // Placeholder names used by the text, in order of first appearance.
    static QStringList placeholders(const QString& text);
    // A syntax error in the template ("unclosed tag at 12"), or ok.
    static Result<void> check(const QString& text);
};

} // namespace casebook
