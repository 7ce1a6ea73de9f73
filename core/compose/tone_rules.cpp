#include "compose/tone_rules.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace casebook {
namespace {

// What a file's patterns are compiled with: its named pieces ("defines", used as {{name}}) and whether
// Korean spacing is free.
struct Dialect {
    QHash<QString, QString> defines;
    bool flexibleSpacing = false;
};

bool isHangulSyllable(QChar c)
{
    return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3;
}

// Korean is often typed with irregular spacing ("법적조치", "환불해드릴게요", "고소 하겠습니다"): between two
// Hangul syllables written next to each other, any whitespace is accepted. Not inside a character class,
// nor inside a lookbehind, which must keep a fixed length.
QString relaxSpacing(const QString& p)
{
    QString out;
    QList<bool> groups; // per open group: is it a lookbehind
    int lookbehinds = 0;
    bool inClass = false;
    bool prevHangul = false;
    for (qsizetype i = 0; i < p.size(); ++i) {
        const QChar c = p.at(i);
        if (c == u'\\' && i + 1 < p.size()) {
            out += c;
            out += p.at(++i);
            prevHangul = false;
            continue;
        }
        if (inClass) {
            inClass = c != u']';
            out += c;
            continue;
        }
        if (c == u'[') {
            inClass = true;
            out += c;
            // A ']' first in the class is a literal.
            if (i + 1 < p.size() && p.at(i + 1) == u'^')
                out += p.at(++i);
            if (i + 1 < p.size() && p.at(i + 1) == u']')
                out += p.at(++i);
            prevHangul = false;
            continue;
        }
        if (c == u'(') {
            const bool lookbehind =
                p.mid(i, 4) == QLatin1String("(?<=") || p.mid(i, 4) == QLatin1String("(?<!");
            groups << lookbehind;
            lookbehinds += lookbehind;
        } else if (c == u')' && !groups.isEmpty()) {
            lookbehinds -= groups.takeLast();
        }
        const bool hangul = isHangulSyllable(c);
        if (hangul && prevHangul && lookbehinds == 0)
            out += QLatin1String("\\s*");
        out += c;
        prevHangul = hangul;
    }
    return out;
}

// A Korean verb or adjective stem as its common inflected forms: an open last syllable also with the final
// ㄴ, ㄹ, ㅁ, ㅂ or ㅆ of its endings (가 → 가간갈감갑갔) and its contracted vowel (하 → 해했, 보 → 봐봤,
// 주 → 줘줬, 쓰 → 써썼, 리 → 려렸). What follows is any ending, so a closed last syllable stays as it is.
QString stemForms(const QString& stem)
{
    const QChar last = stem.back();
    const char16_t u = last.unicode();
    if (u < 0xAC00 || u > 0xD7A3 || (u - 0xAC00) % 28 != 0)
        return stem;
    const int initial = (u - 0xAC00) / 588;
    const int vowel = (u - 0xAC00) / 28 % 21;
    auto syllable = [initial](int v, int final) {
        return QChar(char16_t(0xAC00 + (initial * 21 + v) * 28 + final));
    };
    QList<int> vowels{vowel};
    // ㅏ(0) with ㅎ(18) is 하 → 해; ㅗ(8) → ㅘ(9); ㅜ(13) → ㅝ(14); ㅡ(18) → ㅓ(4); ㅣ(20) → ㅕ(6)
    if (initial == 18 && vowel == 0)
        vowels << 1;
    const std::pair<int, int> contractions[] = {{8, 9}, {13, 14}, {18, 4}, {20, 6}};
    for (const auto& [from, to] : contractions)
        if (vowel == from)
            vowels << to;
    QString forms;
    for (int v : vowels)
        for (int final : {0, 4, 8, 16, 17, 20})
            forms += syllable(v, final);
    const QString prefix = stem.chopped(1);
    return (prefix.isEmpty() ? QString() : prefix + QLatin1String("\\s*")) + QLatin1Char('[') + forms +
           QLatin1Char(']');
}

// {{name}} becomes the define's pattern as a group; defines may use one another. {{~stem}} is a Korean stem
// with any ending (stemForms).
Result<QString> expandDefines(const QString& pattern, const QHash<QString, QString>& defines, int depth = 0)
{
    static const QRegularExpression ref(QStringLiteral("\\{\\{(~?)(\\w+)\\}\\}"),
                                        QRegularExpression::UseUnicodePropertiesOption);
    if (depth > 8)
        return makeError(QStringLiteral("the defines refer to one another in a loop"));
    QString out;
    qsizetype last = 0;
    auto it = ref.globalMatch(pattern);
    while (it.hasNext()) {
        const auto m = it.next();
        if (!m.captured(1).isEmpty()) {
            out += pattern.mid(last, m.capturedStart() - last) + QLatin1String("(?:") +
                   stemForms(m.captured(2)) + QLatin1Char(')');
            last = m.capturedEnd();
            continue;
        }
        const auto d = defines.constFind(m.captured(2));
        if (d == defines.constEnd())
            return makeError(QStringLiteral("{{%1}} is not among the defines").arg(m.captured(2)));
        auto inner = expandDefines(d.value(), defines, depth + 1);
        if (!inner)
            return inner.error();
        out += pattern.mid(last, m.capturedStart() - last) + QLatin1String("(?:") + inner.value() +
               QLatin1Char(')');
        last = m.capturedEnd();
    }
    return out + pattern.mid(last);
}

// Case-insensitive and Unicode-aware by default: \b, \w and \s must know Hangul.
Result<QRegularExpression> compile(const QJsonValue& v, const QString& where, const Dialect& dialect,
                                   bool caseSensitive = false)
{
    if (v.toString().isEmpty())
        return makeError(QStringLiteral("%1: an empty pattern").arg(where));
    auto expanded = expandDefines(v.toString(), dialect.defines);
    if (!expanded)
        return makeError(
            QStringLiteral("%1: in \"%2\": %3").arg(where, v.toString(), expanded.error().message));
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (!caseSensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    QRegularExpression re(dialect.flexibleSpacing ? relaxSpacing(expanded.value()) : expanded.value(),
                          options);
    if (!re.isValid())
        return makeError(
            QStringLiteral("%1: the pattern \"%2\" is not a valid regular expression (%3 at offset %4)")
                .arg(where, v.toString(), re.errorString())
                .arg(re.patternErrorOffset()));
    re.optimize();
    return re;
}

Result<QList<QRegularExpression>> compileAll(const QJsonArray& list, const QString& where,
                                             const Dialect& dialect)
{
    QList<QRegularExpression> out;
    for (const QJsonValue& v : list) {
        // An entry is a pattern, or {"pattern", "why"}: the "why" is the rule's comment (JSON has none).
        auto re = compile(v.isObject() ? v.toObject().value(QStringLiteral("pattern")) : v, where, dialect);
        if (!re)
            return re.error();
        out << re.value();
    }
    return out;
}

// An object's own "flexible_spacing" overrides the one it sits in.
Dialect narrowed(const Dialect& outer, const QJsonObject& o)
{
    Dialect d = outer;
    d.flexibleSpacing = o.value(QStringLiteral("flexible_spacing")).toBool(outer.flexibleSpacing);
    return d;
}

Result<TonePattern> readPattern(const QJsonValue& p, const QString& where, const Dialect& outer)
{
    const QJsonObject po = p.isObject() ? p.toObject() : QJsonObject{{QStringLiteral("pattern"), p}};
    const Dialect dialect = narrowed(outer, po);
    auto re = compile(po.value(QStringLiteral("pattern")), where, dialect,
                      po.value(QStringLiteral("case_sensitive")).toBool());
    if (!re)
        return re.error();
    TonePattern out{re.value(),
                    po.value(QStringLiteral("reason")).toString(),
                    po.value(QStringLiteral("suggestion")).toString(),
                    {},
                    {},
                    {},
                    {},
                    po.value(QStringLiteral("rewrite")).toString()};
    for (const QJsonValue& part : po.value(QStringLiteral("only_without")).toArray())
        out.onlyWithout << part.toString();
    for (auto [key, list] : {std::pair{"exceptions", &out.exceptions}, std::pair{"with", &out.with},
                             std::pair{"unless", &out.unless}}) {
        auto compiled = compileAll(po.value(QLatin1String(key)).toArray(), where, dialect);
        if (!compiled)
            return compiled.error();
        *list = compiled.value();
    }
    return out;
}

Result<ToneCategoryRules> readCategory(const QJsonObject& o, const QString& origin, const Dialect& outer)
{
    ToneCategoryRules c;
    c.category = o.value(QStringLiteral("category")).toString();
    const QString where = QStringLiteral("%1, category %2").arg(origin, c.category);
    if (!toneCategories().contains(c.category))
        return makeError(QStringLiteral("%1: unknown category (known: %2)")
                             .arg(where, toneCategories().join(QStringLiteral(", "))));
    c.reason = o.value(QStringLiteral("reason")).toString();
    c.suggestion = o.value(QStringLiteral("suggestion")).toString();
    c.rewrite = o.value(QStringLiteral("rewrite")).toString(); // optional: without it no rewrite is offered
    c.useModel = o.value(QStringLiteral("model")).toBool(true);
    for (const QJsonValue& v : o.value(QStringLiteral("model_yields_to")).toArray()) {
        if (!toneCategories().contains(v.toString()) || v.toString() == c.category)
            return makeError(QStringLiteral("%1: model_yields_to names an unknown category or itself: %2")
                                 .arg(where, v.toString()));
        c.modelYieldsTo << v.toString();
    }
    if (c.reason.isEmpty() || c.suggestion.isEmpty())
        return makeError(QStringLiteral("%1: needs a reason and a suggestion").arg(where));
    const Dialect dialect = narrowed(outer, o);
    for (const QJsonValue& p : o.value(QStringLiteral("patterns")).toArray()) {
        auto pattern = readPattern(p, where, dialect);
        if (!pattern)
            return pattern.error();
        c.patterns << pattern.value();
    }
    auto ex = compileAll(o.value(QStringLiteral("exceptions")).toArray(), where, dialect);
    if (!ex)
        return ex.error();
    c.exceptions = ex.value();
    auto sex = compileAll(o.value(QStringLiteral("sentence_exceptions")).toArray(), where, dialect);
    if (!sex)
        return sex.error();
    c.sentenceExceptions = sex.value();
    return c;
}

} // namespace

const QStringList& toneCategories()
{
    static const QStringList names{QStringLiteral("threat"),       QStringLiteral("sarcasm"),
                                   QStringLiteral("blame"),        QStringLiteral("false_hope"),
                                   QStringLiteral("date_promise"), QStringLiteral("over_promise"),
                                   QStringLiteral("curt_refusal"), QStringLiteral("informal"),
                                   QStringLiteral("profanity"),    QStringLiteral("policy")};
    return names;
}

Result<ToneRules> ToneRules::fromJson(const QByteArray& json, const QString& origin)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(QStringLiteral("%1 is not valid JSON: %2 at offset %3")
                             .arg(origin, err.errorString())
                             .arg(err.offset));
    const QJsonObject root = doc.object();
    ToneRules rules;
    rules.language = root.value(QStringLiteral("language")).toString();
    rules.version = root.value(QStringLiteral("version")).toInt();
    Dialect dialect = narrowed(Dialect{}, root);
    const QJsonObject defines = root.value(QStringLiteral("defines")).toObject();
    for (auto it = defines.begin(); it != defines.end(); ++it)
        dialect.defines.insert(it.key(), it.value().toString());
    for (const QJsonValue& v : root.value(QStringLiteral("categories")).toArray()) {
        auto c = readCategory(v.toObject(), origin, dialect);
        if (!c)
            return c.error();
        rules.categories << c.value();
    }
    // Two categories yielding to each other would both be left out where the model finds both.
    for (const ToneCategoryRules& a : rules.categories)
        for (const ToneCategoryRules& b : rules.categories)
            if (a.modelYieldsTo.contains(b.category) && b.modelYieldsTo.contains(a.category))
                return makeError(QStringLiteral("%1: categories %2 and %3 yield to each other (model_yields_to)")
                                     .arg(origin, a.category, b.category));
    for (const QJsonValue& v : root.value(QStringLiteral("hints")).toArray()) {
        const QJsonObject o = v.toObject();
        ToneHintRules h;
        h.part = o.value(QStringLiteral("part")).toString();
        h.suggestion = o.value(QStringLiteral("suggestion")).toString();
        auto present = compileAll(o.value(QStringLiteral("present")).toArray(),
                                  QStringLiteral("%1, hint %2").arg(origin, h.part), dialect);
        if (!present)
            return present.error();
        h.present = present.value();
        rules.hints << h;
    }
    return rules;
}

Result<ToneRules> ToneRules::builtin(const QString& language)
{
    const QString path = QStringLiteral(":/tone/%1.json").arg(language);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(
            QStringLiteral("There are no tone rules for the language \"%1\" (%2).").arg(language, path));
    return fromJson(file.readAll(), path);
}

} // namespace casebook
