#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>

namespace casebook {

// One pattern of one category. The span reported is the named group "hit" when the pattern has one,
// else the whole match.
struct TonePattern {
    QRegularExpression re;
    QString reason;                       // empty: the category's
    QString suggestion;                   // empty: the category's
    QList<QRegularExpression> exceptions; // this pattern's own, besides the category's
    QList<QRegularExpression> with;       // each must also match somewhere in the sentence, either side
    QList<QRegularExpression> unless;     // any match anywhere in the sentence cancels this pattern
    QStringList onlyWithout;              // hint parts (explanation, next_step): the finding stands only
                                          // when the whole text has none of them (a bare "no")
    QString rewrite;                      // empty: the category's
};

struct ToneCategoryRules {
    QString category;
    QString reason;
    QString suggestion;
    QString rewrite; // the sentence a finding's sentence can be replaced with, as the seller would send it
    QList<TonePattern> patterns;
    QList<QRegularExpression> exceptions;         // a match overlapping the finding cancels it
    QList<QRegularExpression> sentenceExceptions; // a match anywhere in the sentence cancels it
    bool useModel = true; // false: only the rules find this category (a word list, where n-grams of
                          // "shirt" read as a swear word)
    // The model's finding of this category is not reported in a sentence that already has a finding of one of
    // these (by the rules or the model): "delivered by Friday, guaranteed" is one fault, a date promised, not
    // also a false hope; the more specific finding says what to fix.
    QStringList modelYieldsTo;
};

struct ToneHintRules {
    QString part;
    QString suggestion;
    QList<QRegularExpression> present; // any match means the part is there
};

// The tone rules of one language, read from JSON (resources/tone/<lang>.json): data the seller's team can
// edit and version; the matching itself is ToneChecker's.
class ToneRules {
public:
    static Result<ToneRules> fromJson(const QByteArray& json, const QString& origin);
    // The rules compiled into the program: ":/tone/<language>.json".
    static Result<ToneRules> builtin(const QString& language);

    QString language;
    int version = 0;
    QList<ToneCategoryRules> categories;
    QList<ToneHintRules> hints;
};

// The categories a finding can have, in the order they are reported.
const QStringList& toneCategories();

} // namespace casebook
