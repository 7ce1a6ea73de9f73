#pragma once

#include "model/enums.h"
#include "model/result.h"

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QStringList>

namespace casebook {

// A suggested category and the words that led to it, so the seller sees why.
struct CategorySuggestion {
    Category category = Category::Other;
    int score = 0;
    QStringList matched;
};

// Suggests a ticket's category from its subject and text, by rules kept as data (resources/categories/
// <language>.json): the rules of every language apply at once, since a Korean shop gets English mail too.
class CategorySuggester {
public:
    // Rules from JSON documents, one per language.
    static Result<CategorySuggester> fromJson(const QList<QByteArray>& documents);
    // The rules compiled into the program (:/categories/*.json), read once.
    static const CategorySuggester& builtin();

    CategorySuggestion suggest(const QString& subject, const QString& text) const;

private:
    struct Rule {
        Category category;
        int order; // ties go to the category listed first
        QList<QRegularExpression> patterns;
    };
    QList<Rule> m_rules;
};

} // namespace casebook
