#include "compose/template_suggester.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace casebook::template_suggester {
namespace {

// Hangul runs as overlapping two-syllable pieces (Korean attaches particles to words: 선물포장 → 선물, 물포,
// 포장), other words case-folded whole; placeholders are no words of the text.
QSet<QString> wordsOf(const QString& text)
{
    static const QRegularExpression kPlaceholder(QStringLiteral("\\{\\{[^}]*\\}\\}"));
    static const QRegularExpression kRun(QStringLiteral("[\\x{AC00}-\\x{D7A3}]+|[\\p{L}\\p{N}]{3,}"));
    QSet<QString> out;
    const QString plain = QString(text).remove(kPlaceholder).toCaseFolded();
    for (auto it = kRun.globalMatch(plain); it.hasNext();) {
        const QString run = it.next().captured();
        if (run.at(0).unicode() < 0xAC00) {
            out.insert(run);
            continue;
        }
        if (run.size() == 1)
            out.insert(run);
        for (qsizetype i = 0; i + 1 < run.size(); ++i)
            out.insert(run.mid(i, 2));
    }
    return out;
}

bool charged(const QString& category)
{
    return category == QLatin1String("abuse") || category == QLatin1String("review");
}

} // namespace

QList<ReplyTemplate> rank(const QList<ReplyTemplate>& templates, Category category, const QString& customerText,
                          const QString& preferredLanguage)
{
    const QString wanted = toString(category);
    QList<QSet<QString>> words;
    QHash<QString, int> templatesWith;
    for (const ReplyTemplate& t : templates) {
        words << wordsOf(t.title + QLatin1Char(' ') + t.body);
        for (const QString& w : words.last())
            ++templatesWith[w];
    }
    const QSet<QString> asked = wordsOf(customerText);
    struct Scored {
        qsizetype index;
        int tier;     // lower first: the preferred language, the category, then the charged ones last
        double words; // higher first
    };
    QList<Scored> scored;
    const double n = templates.size();
    for (qsizetype i = 0; i < templates.size(); ++i) {
        const ReplyTemplate& t = templates[i];
        double shared = 0;
        for (const QString& w : asked)
            if (words[i].contains(w))
                shared += std::log(n / templatesWith.value(w, 1));
        const bool sameCategory = t.category == wanted;
        int tier = sameCategory ? 0 : charged(t.category) ? 2 : 1;
        if (!preferredLanguage.isEmpty() && t.language != preferredLanguage)
            tier += 3;
        scored.append({i, tier, shared});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
        return a.tier != b.tier ? a.tier < b.tier : a.words > b.words;
    });
    QList<ReplyTemplate> out;
    out.reserve(templates.size());
    for (const Scored& s : scored)
        out << templates[s.index];
    return out;
}

} // namespace casebook::template_suggester
