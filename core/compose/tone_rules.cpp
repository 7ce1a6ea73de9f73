#include "compose/tone_rules.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace casebook {
namespace {

// Case-insensitive and Unicode-aware by default: \b, \w and \s must know Hangul.
Result<QRegularExpression> compile(const QJsonValue& v, const QString& where, bool caseSensitive)
{
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (!caseSensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    QRegularExpression re(v.toString(), options);
    if (v.toString().isEmpty())
        return makeError(QStringLiteral("%1: an empty pattern").arg(where));
    if (!re.isValid())
        return makeError(
            QStringLiteral("%1: the pattern \"%2\" is not a valid regular expression (%3 at offset %4)")
                .arg(where, v.toString(), re.errorString())
                .arg(re.patternErrorOffset()));
    re.optimize();
    return re;
}

Result<QList<QRegularExpression>> compileAll(const QJsonArray& list, const QString& where)
{
    QList<QRegularExpression> out;
    for (const QJsonValue& v : list) {
        auto re = compile(v, where, false);
        if (!re)
            return re.error();
        out << re.value();
    }
    return out;
}

Result<ToneCategoryRules> readCategory(const QJsonObject& o, const QString& origin)
{
    ToneCategoryRules c;
    c.category = o.value(QStringLiteral("category")).toString();
    const QString where = QStringLiteral("%1, category %2").arg(origin, c.category);
    if (!toneCategories().contains(c.category))
        return makeError(QStringLiteral("%1: unknown category (known: %2)")
                             .arg(where, toneCategories().join(QStringLiteral(", "))));
    c.reason = o.value(QStringLiteral("reason")).toString();
    c.suggestion = o.value(QStringLiteral("suggestion")).toString();
    if (c.reason.isEmpty() || c.suggestion.isEmpty())
        return makeError(QStringLiteral("%1: needs a reason and a suggestion").arg(where));
    for (const QJsonValue& p : o.value(QStringLiteral("patterns")).toArray()) {
        const QJsonObject po = p.isObject() ? p.toObject() : QJsonObject{{QStringLiteral("pattern"), p}};
        auto re = compile(po.value(QStringLiteral("pattern")), where,
                          po.value(QStringLiteral("case_sensitive")).toBool());
        if (!re)
            return re.error();
        auto own = compileAll(po.value(QStringLiteral("exceptions")).toArray(), where);
        if (!own)
            return own.error();
        c.patterns << TonePattern{re.value(), po.value(QStringLiteral("reason")).toString(),
                                  po.value(QStringLiteral("suggestion")).toString(), own.value()};
    }
    auto ex = compileAll(o.value(QStringLiteral("exceptions")).toArray(), where);
    if (!ex)
        return ex.error();
    c.exceptions = ex.value();
    auto sex = compileAll(o.value(QStringLiteral("sentence_exceptions")).toArray(), where);
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
                                   QStringLiteral("date_promise"), QStringLiteral("informal"),
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
    for (const QJsonValue& v : root.value(QStringLiteral("categories")).toArray()) {
        auto c = readCategory(v.toObject(), origin);
        if (!c)
            return c.error();
        rules.categories << c.value();
    }
    for (const QJsonValue& v : root.value(QStringLiteral("hints")).toArray()) {
        const QJsonObject o = v.toObject();
        ToneHintRules h;
        h.part = o.value(QStringLiteral("part")).toString();
        h.suggestion = o.value(QStringLiteral("suggestion")).toString();
        auto present = compileAll(o.value(QStringLiteral("present")).toArray(),
                                  QStringLiteral("%1, hint %2").arg(origin, h.part));
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
