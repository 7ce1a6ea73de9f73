#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <array>
#include <memory>

namespace casebook {

// The learned half of the tone check: one logistic regression per category over character n-grams and
// words of a sentence, trained by script/train-tone-model on the labelled sentences of tests/data/tone/
// and the built-in templates. It catches what the rules cannot list (a new way to blame or to mock); the
// rules keep what they find, with their precise spans and reasons. Read from resources/tone/model_<lang>.tsv.
class ToneModel {
public:
    // The categories a model file scores, in its order (a subset of toneCategories()).
    static const QStringList& learnedCategories();
    static constexpr int kCategories = 10; // learnedCategories().size()
    using Scores = std::array<double, kCategories>;

    static Result<ToneModel> fromText(const QByteArray& text, const QString& origin);
    // The model compiled into the program (":/tone/model_<language>.tsv"), read once and shared.
    static Result<std::shared_ptr<const ToneModel>> builtin(const QString& language);

    // Probability per category, in the order of categories(); the sentence is taken as a whole.
    Scores scores(const QString& sentence) const;
    // The categories whose probability passes their threshold; none for a sentence too short to judge
    // (fewer letters than the model's min_letters), which is left to the rules.
    QStringList flagged(const QString& sentence) const;

    const QStringList& categories() const { return m_categories; }
    // The features of a sentence, exactly as the training script forms them (its docstring says how).
    QSet<QString> features(const QString& sentence) const;

    struct Check {
        QString text;
        Scores expected{};
    };
    // Sentences with the probabilities the training script computed for them: the two sides must agree.
    const QList<Check>& checks() const { return m_checks; }

private:
    int m_ngramMin = 1;
    int m_ngramMax = 3;
    int m_minLetters = 0;
    QStringList m_categories;
    Scores m_threshold{};
    Scores m_bias{};
    QHash<quint64, std::array<float, kCategories>> m_weights; // by featureKey() of the feature
    QList<Check> m_checks;
};

} // namespace casebook
