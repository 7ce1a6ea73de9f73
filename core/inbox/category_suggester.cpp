#include "inbox/category_suggester.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace casebook {

Result<CategorySuggester> CategorySuggester::fromJson(const QList<QByteArray>& documents)
{
    CategorySuggester s;
    for (const QByteArray& json : documents) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        if (!doc.isObject())
            return makeError(
                QStringLiteral("The category rules are not valid JSON: %1").arg(error.errorString()));
        const QString language = doc.object().value(QStringLiteral("language")).toString();
        const QJsonArray categories = doc.object().value(QStringLiteral("categories")).toArray();
        for (int i = 0; i < categories.size(); ++i) {
            const QJsonObject c = categories[i].toObject();
            const QString name = c.value(QStringLiteral("category")).toString();
            const auto category = categoryFromString(name);
            if (!category)
                return makeError(
                    QStringLiteral("The %1 category rules name an unknown category \"%2\" (known: %3)")
                        .arg(language, name, allCategoryNames().join(QStringLiteral(", "))));
            Rule rule{*category, i, {}};
            for (const QJsonValue& p : c.value(QStringLiteral("patterns")).toArray()) {
                QRegularExpression re(p.toString(), QRegularExpression::CaseInsensitiveOption |
                                                        QRegularExpression::UseUnicodePropertiesOption);
                if (p.toString().isEmpty() || !re.isValid())
                    return makeError(QStringLiteral("The %1 rules for \"%2\" hold a bad pattern \"%3\": %4")
                                         .arg(language, name, p.toString(), re.errorString()));
                re.optimize();
                rule.patterns << re;
            }
            s.m_rules << rule;
        }
    }
    return s;
}

const CategorySuggester& CategorySuggester::builtin()
{
    static const CategorySuggester rules = [] {
        QList<QByteArray> docs;
        const QDir dir(QStringLiteral(":/categories"));
        for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            QFile f(dir.filePath(name));
            if (f.open(QIODevice::ReadOnly))
                docs << f.readAll();
        }
        auto parsed = fromJson(docs);
        // The built-in rules are tested; should they ever break, suggesting nothing beats stopping an import.
        return parsed ? parsed.value() : CategorySuggester{};
    }();
    return rules;
}

CategorySuggestion CategorySuggester::suggest(const QString& subject, const QString& text) const
{
    struct Tally {
        int score = 0;
        int order = 0;
        QStringList matched;
    };
    // The opening of a message says what it is about; quoted history and signatures below add only noise.
    const QString body = text.left(4000);
    QHash<Category, Tally> tallies;
    for (const Rule& rule : m_rules) {
        Tally& t = tallies[rule.category];
        if (t.score == 0 && t.matched.isEmpty())
            t.order = rule.order;
        for (const QRegularExpression& re : rule.patterns) {
            const QRegularExpressionMatch inSubject = re.match(subject);
            const QRegularExpressionMatch inText = inSubject.hasMatch() ? inSubject : re.match(body);
            if (!inText.hasMatch())
                continue;
            t.score += inSubject.hasMatch() ? 2 : 1;
            const QString word = inText.captured(0).trimmed();
            if (!t.matched.contains(word))
                t.matched << word;
        }
    }
    CategorySuggestion best;
    int bestOrder = 0;
    for (auto it = tallies.cbegin(); it != tallies.cend(); ++it) {
        const Tally& t = it.value();
        if (t.score > best.score || (t.score == best.score && t.score > 0 && t.order < bestOrder)) {
            best = {it.key(), t.score, t.matched};
            bestOrder = t.order;
        }
    }
    return best;
}

} // namespace casebook
