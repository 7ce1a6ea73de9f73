// core/compose/ owns what goes into a reply before it is sent: the template library (built-in and the
// user's own), rendering with placeholders filled from a ticket, and the tone check.
#pragma once

#include "compose/tone_finding.h"
#include "compose/tone_model.h"
#include "compose/tone_rules.h"
#include "model/enums.h"

#include <QHash>
#include <QJsonObject>

namespace casebook {

// Finds risky passages in an outgoing text with the rules of its language, and whole sentences its learned
// model flags where no rule of that category fired. The rules and the model are data; this class only
// splits sentences, matches, applies exceptions and reports spans in code points.
class ToneChecker {
public:
    // The rules and models compiled into the program: Korean and English.
    static Result<ToneChecker> builtin();
    // Reads the built-in models now (any thread), so that the first check does not wait for them.
    static void preloadModels();

    void setRules(const QString& language, ToneRules rules);
    // Without a model (and for a checker not made by builtin()), a language is checked by its rules alone.
    void setModel(const QString& language, std::shared_ptr<const ToneModel> model);
    QStringList languages() const { return m_rules.keys(); }

    // language "ko", "en", or "auto"/empty to guess from the text. An unknown language finds nothing.
    // Only the first kMaxCheckedChars UTF-16 units are read (see isTruncated); the time is linear in that.
    QList<ToneFinding> check(const QString& text, const QString& language = {}) const;
    static constexpr qsizetype kMaxCheckedChars = 100000;
    static bool isTruncated(const QString& text) { return text.size() > kMaxCheckedChars; }
    QList<StructureHint> structureHints(const QString& text, const QString& language = {}) const;

    // "ko" when Hangul makes up a fair share of the letters, else "en".
    static QString detectLanguage(const QString& text);

private:
    static QString languageOf(const QString& text, const QString& language);
    std::shared_ptr<const ToneModel> modelFor(const QString& language) const;
    const ToneRules* rulesFor(const QString& lang) const; // lang as languageOf() resolves it

    QHash<QString, ToneRules> m_rules;
    QHash<QString, std::shared_ptr<const ToneModel>> m_models;
    bool m_builtinModels = false; // languages without a model of their own use the built-in one
};

// What sending a text with these findings takes: nothing, the seller's confirmation, or an explicit
// override (a policy finding on a marketplace channel, where the marketplace itself may sanction it).
enum class SendVerdict { Send, Confirm, Blocked };
SendVerdict sendVerdict(const QList<ToneFinding>& findings, Channel channel);

// The position, in Unicode code points, of the UTF-16 index `utf16Index` of text.
int codePointOffset(const QString& text, qsizetype utf16Index);
// The UTF-16 index of code point `codePoint` in text (the inverse of codePointOffset).
qsizetype utf16Index(const QString& text, int codePoint);

// A finding as the CLI's --json prints it: category, span, text, reason, suggestion, rewrite (the finding's
// sentence as it could read), whole_sentence.
QJsonObject toJson(const ToneFinding& finding);

// The text with each finding's sentence replaced by its rewrite (one per sentence, the first finding's);
// `only` limits it to the findings whose sentence starts there (code points), -1 for all.
QString applyRewrites(const QString& text, const QList<ToneFinding>& findings, int only = -1);

} // namespace casebook
