#pragma once

#include <QList>
#include <QString>

namespace casebook {

// One passage of an outgoing text that may hurt the seller: what kind, where (Unicode code points, end
// exclusive, so emoji count once), the passage itself, why it is risky and what to write instead.
struct ToneFinding {
    QString category; // toneCategories(): threat, sarcasm, blame, false_hope, date_promise, over_promise, ...
    int start = 0;
    int end = 0;
    QString text;
    QString reason;
    QString suggestion;
    // The sentence the finding stands in (code points, end exclusive) and what it could read instead: a safe
    // phrasing from the rules' table, which the composer puts in its place with one key.
    int sentenceStart = 0;
    int sentenceEnd = 0;
    QString rewrite;
    // Found by the learned model, which judges a sentence as a whole (no single phrase to point at).
    bool wholeSentence = false;
};

// A part a good reply usually has and this text seems to lack (an apology, an explanation, a next step).
// Advice only: never a finding, never blocks sending.
struct StructureHint {
    QString part; // apology, explanation, next_step
    QString suggestion;
};

} // namespace casebook
