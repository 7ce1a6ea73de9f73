#include "compose/tone_checker.h"

#include "compose/answer_board.h"

#include <QMap>
#include <QSet>
#include <optional>
#include <algorithm>

namespace casebook {
namespace {

struct Span {
    qsizetype start = 0;
    qsizetype end = 0;
};

// "e.g." or "Mr." ending at `dot`: a full stop that does not end the sentence.
bool isAbbreviation(const QString& text, qsizetype dot)
{
    static const QRegularExpression abbreviation(
        QStringLiteral("(?:^|[\\s(])(?:e\\.g|i\\.e|vs|mr|mrs|ms|dr|approx|incl)$"),
        QRegularExpression::CaseInsensitiveOption);
    return abbreviation
        .match(text.mid(std::max<qsizetype>(0, dot - 8), dot - std::max<qsizetype>(0, dot - 8)))
        .hasMatch();
}

// Sentences as UTF-16 spans: up to and including a run of closing punctuation that is followed by
// whitespace or the end, or up to a line break. "3.5", "29,000" and "e.g. this" stay whole.
QList<Span> sentences(const QString& text)
{
    QList<Span> out;
    auto isClosing = [](QChar c) {
        return c == u'.' || c == u'!' || c == u'?' || c == u'。' || c == u'…' || c == u'！' || c == u'？';
    };
    qsizetype start = 0;
    const qsizetype n = text.size();
    auto push = [&](qsizetype end) {
        while (start < end && text.at(start).isSpace())
            ++start;
        qsizetype e = end;
        while (e > start && text.at(e - 1).isSpace())
            --e;
        if (e > start)
            out << Span{start, e};
        start = end;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c == u'\n') {
            push(i);
            start = i + 1;
        } else if (isClosing(c)) {
            qsizetype j = i;
            while (j + 1 < n && isClosing(text.at(j + 1)))
                ++j;
            if ((j + 1 == n || text.at(j + 1).isSpace()) &&
                !(i == j && c == u'.' && isAbbreviation(text, i))) {
                push(j + 1);
                i = j;
            }
        }
    }
    push(n);
    // A "sentence" with no full stop for pages (a paste, a flood) is read in pieces broken at a space: every
    // pattern, exception and model reads one sentence at a time, so this keeps the check linear in the text.
    constexpr qsizetype kLongest = 1000;
    QList<Span> bounded;
    for (Span s : out) {
        while (s.end - s.start > kLongest) {
            qsizetype cut = s.start + kLongest;
            for (qsizetype i = cut; i > s.start + kLongest / 2; --i)
                if (text.at(i).isSpace()) {
                    cut = i;
                    break;
                }
            if (text.at(cut).isLowSurrogate())
                --cut;
            bounded << Span{s.start, cut};
            s.start = cut;
            while (s.start < s.end && text.at(s.start).isSpace())
                ++s.start;
        }
        if (s.end > s.start)
            bounded << s;
    }
    return bounded;
}

bool overlaps(const QRegularExpression& re, const QString& sentence, Span hit)
{
    auto it = re.globalMatch(sentence);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() < hit.end && m.capturedEnd() > hit.start)
            return true;
    }
    return false;
}

bool anyMatch(const QList<QRegularExpression>& list, const QString& text)
{
    return std::any_of(list.begin(), list.end(),
                       [&](const QRegularExpression& re) { return re.match(text).hasMatch(); });
}

// Findings of one category in one sentence, in sentence-relative UTF-16 spans, overlapping ones merged.
QList<std::pair<Span, const TonePattern*>> matchCategory(const ToneCategoryRules& c, const QString& sentence)
{
    QList<std::pair<Span, const TonePattern*>> found;
    if (anyMatch(c.sentenceExceptions, sentence))
        return found;
    for (const TonePattern& p : c.patterns) {
        // A trigger counts only beside its object ("change" with "review"), in either order.
        const auto inSentence = [&](const QRegularExpression& re) { return re.match(sentence).hasMatch(); };
        if (!std::all_of(p.with.begin(), p.with.end(), inSentence) ||
            std::any_of(p.unless.begin(), p.unless.end(), inSentence))
            continue;
        const bool hasHit = p.re.namedCaptureGroups().contains(QStringLiteral("hit"));
        auto it = p.re.globalMatch(sentence);
        while (it.hasNext()) {
            const auto m = it.next();
            Span s{m.capturedStart(), m.capturedEnd()};
            if (hasHit && m.capturedStart(QStringLiteral("hit")) >= 0)
                s = {m.capturedStart(QStringLiteral("hit")), m.capturedEnd(QStringLiteral("hit"))};
            if (s.end <= s.start)
                continue;
            const auto cancels = [&](const QRegularExpression& ex) { return overlaps(ex, sentence, s); };
            if (std::any_of(c.exceptions.begin(), c.exceptions.end(), cancels) ||
                std::any_of(p.exceptions.begin(), p.exceptions.end(), cancels))
                continue;
            found << std::pair{s, &p};
        }
    }
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return a.first.start < b.first.start; });
    QList<std::pair<Span, const TonePattern*>> merged;
    for (const auto& f : found) {
        if (!merged.isEmpty() && f.first.start < merged.last().first.end)
            merged.last().first.end = std::max(merged.last().first.end, f.first.end);
        else
            merged << f;
    }
    return merged;
}

// Passages between quotation marks on one line: the customer's own words, quoted back to them, are not the
// seller's tone. Korean quotes speech in single quotes too ('환불 안 해 주면 신고하겠다'는 말씀); in English
// they are more often scare quotes ("your 'expert' opinion"), which are the seller's own tone.
QList<Span> quotedPassages(const QString& text, bool singleQuotes)
{
    QList<Span> out;
    if (singleQuotes) {
        // Opening after a space or the start, closing before anything but a letter or digit: not "don't".
        static const QRegularExpression single(
            QStringLiteral("(?<![^\\s(\\[])['‘]([^'’\\n]+)['’](?![A-Za-z0-9])"));
        auto it = single.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            out << Span{m.capturedStart(1), m.capturedEnd(1)};
        }
    }
    const std::pair<QChar, QChar> pairs[] = {
        {u'"', u'"'}, {u'“', u'”'}, {u'「', u'」'}, {u'『', u'』'}, {u'«', u'»'}};
    for (const auto& [open, close] : pairs) {
        qsizetype from = 0;
        while (true) {
            const qsizetype s = text.indexOf(open, from);
            if (s < 0)
                break;
            const qsizetype e = text.indexOf(close, s + 1);
            if (e < 0)
                break;
            const qsizetype newline = text.indexOf(u'\n', s + 1);
            if (newline >= 0 && newline < e) {
                from = newline + 1;
                continue;
            }
            out << Span{s + 1, e};
            from = e + 1;
        }
    }
    return out;
}

// The text the rules see: typographic apostrophes as plain ones, so "we’ll" is "we'll". Same length, so
// spans carry over to the original.
QString forMatching(const QString& text)
{
    QString t = text;
    t.replace(u'’', u'\'').replace(u'‘', u'\'').replace(u'＇', u'\'');
    return t;
}

} // namespace

SendVerdict sendVerdict(const QList<ToneFinding>& findings, Channel channel)
{
    if (findings.isEmpty())
        return SendVerdict::Send;
    // The marketplaces sanction a policy breach on their own boards; a mail reply is the seller's call.
    const bool marketplace = isAnswerBoard(channel);
    const bool policy = std::any_of(findings.begin(), findings.end(), [](const ToneFinding& f) {
        return f.category == QLatin1String("policy");
    });
    return marketplace && policy ? SendVerdict::Blocked : SendVerdict::Confirm;
}

int codePointOffset(const QString& text, qsizetype utf16Index)
{
    int points = 0;
    for (qsizetype i = 0; i < utf16Index && i < text.size(); ++i)
        if (!text.at(i).isLowSurrogate())
            ++points;
    return points;
}

Result<ToneChecker> ToneChecker::builtin()
{
    ToneChecker checker;
    for (const QString& lang : {QStringLiteral("ko"), QStringLiteral("en")}) {
        auto rules = ToneRules::builtin(lang);
        if (!rules)
            return rules.error();
        checker.setRules(lang, std::move(rules.value()));
    }
    // The models are read at the first check, not here: the window builds its composer before its first
    // paint, and reading a model takes longer than the rules.
    checker.m_builtinModels = true;
    return checker;
}

void ToneChecker::preloadModels()
{
    for (const QString& lang : {QStringLiteral("ko"), QStringLiteral("en")})
        (void)ToneModel::builtin(lang);
}

void ToneChecker::setRules(const QString& language, ToneRules rules)
{
    m_rules.insert(language, std::move(rules));
}

void ToneChecker::setModel(const QString& language, std::shared_ptr<const ToneModel> model)
{
    m_models.insert(language, std::move(model));
}

QString ToneChecker::detectLanguage(const QString& text)
{
    int hangul = 0;
    int letters = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool isHangul =
            (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0x3131 && u <= 0x318E) || (u >= 0x1100 && u <= 0x11FF);
        if (isHangul)
            ++hangul;
        if (isHangul || c.isLetter())
            ++letters;
    }
    // A Hangul syllable carries as much as two or three Latin letters; a few of them make a Korean text.
    return letters > 0 && hangul * 4 >= letters ? QStringLiteral("ko") : QStringLiteral("en");
}

std::shared_ptr<const ToneModel> ToneChecker::modelFor(const QString& language) const
{
    if (const auto it = m_models.constFind(language); it != m_models.constEnd())
        return it.value();
    if (!m_builtinModels)
        return nullptr;
    // A built-in model that does not read is a build error, caught by the tests; the rules still work.
    auto model = ToneModel::builtin(language);
    return model ? model.value() : nullptr;
}

QString ToneChecker::languageOf(const QString& text, const QString& language)
{
    return language.isEmpty() || language == QLatin1String("auto") ? detectLanguage(text) : language;
}

const ToneRules* ToneChecker::rulesFor(const QString& lang) const
{
    const auto it = m_rules.constFind(lang);
    return it == m_rules.constEnd() ? nullptr : &it.value();
}

QList<ToneFinding> ToneChecker::check(const QString& whole, const QString& language) const
{
    QList<ToneFinding> findings;
    const QString text = isTruncated(whole) ? whole.left(kMaxCheckedChars) : whole;
    // Detected once: "auto" reads the whole text.
    const QString lang = languageOf(text, language);
    const ToneRules* rules = rulesFor(lang);
    if (!rules)
        return findings;
    const std::shared_ptr<const ToneModel> model = modelFor(lang);
    const QString matched = forMatching(text);
    QList<Span> quoted = quotedPassages(text, lang == QLatin1String("ko"));
    std::sort(quoted.begin(), quoted.end(), [](Span a, Span b) { return a.start < b.start; });
    // Within a quoted passage: the passages may nest or overlap (a ' inside "…"), so the longest reach of
    // those starting at or before `start` decides.
    QList<qsizetype> reach(quoted.size());
    for (qsizetype i = 0; i < quoted.size(); ++i)
        reach[i] = std::max(quoted[i].end, i ? reach[i - 1] : 0);
    const auto isQuoted = [&](qsizetype start, qsizetype end) {
        const auto after = std::upper_bound(quoted.begin(), quoted.end(), start,
                                            [](qsizetype s, Span q) { return s < q.start; });
        const qsizetype i = (after - quoted.begin()) - 1;
        return i >= 0 && reach[i] >= end;
    };
    // Code point offsets of every UTF-16 index, counted once.
    QList<int> points(text.size() + 1);
    for (qsizetype i = 0, p = 0; i <= text.size(); ++i) {
        points[i] = static_cast<int>(p);
        if (i < text.size() && !text.at(i).isLowSurrogate())
            ++p;
    }
    // Which parts a good reply has (an explanation, a next step) in the whole text: a pattern that stands
    // only for a bare refusal asks it.
    std::optional<QSet<QString>> present;
    const auto hasAnyPart = [&](const QStringList& parts) {
        if (!present) {
            present.emplace();
            for (const ToneHintRules& h : rules->hints)
                if (anyMatch(h.present, matched))
                    present->insert(h.part);
        }
        return std::any_of(parts.begin(), parts.end(), [&](const QString& p) { return present->contains(p); });
    };
    // What the model reads: the text with the quoted passages blanked, same length.
    QString unquoted = text;
    for (const Span& q : quoted)
        unquoted.replace(q.start, q.end - q.start, QString(q.end - q.start, QLatin1Char(' ')));
    Span sentenceSpan;
    const auto finding = [&](const ToneCategoryRules& c, qsizetype start, qsizetype end, const TonePattern* p) {
        ToneFinding f;
        f.category = c.category;
        f.start = points[start];
        f.end = points[end];
        f.text = text.mid(start, end - start);
        f.reason = p && !p->reason.isEmpty() ? p->reason : c.reason;
        f.suggestion = p && !p->suggestion.isEmpty() ? p->suggestion : c.suggestion;
        f.sentenceStart = points[sentenceSpan.start];
        f.sentenceEnd = points[sentenceSpan.end];
        f.rewrite = p && !p->rewrite.isEmpty() ? p->rewrite : c.rewrite;
        findings << f;
    };
    for (const Span& span : sentences(text)) {
        sentenceSpan = span;
        const QString sentence = matched.mid(sentenceSpan.start, sentenceSpan.end - sentenceSpan.start);
        QSet<QString> byRules;
        for (const ToneCategoryRules& c : rules->categories) {
            for (const auto& [span, pattern] : matchCategory(c, sentence)) {
                const qsizetype start = sentenceSpan.start + span.start;
                const qsizetype end = sentenceSpan.start + span.end;
                if (isQuoted(start, end) || (!pattern->onlyWithout.isEmpty() && hasAnyPart(pattern->onlyWithout)))
                    continue;
                byRules.insert(c.category);
                finding(c, start, end, pattern);
            }
        }
        if (!model)
            continue;
        const QString modelInput = unquoted.mid(sentenceSpan.start, sentenceSpan.end - sentenceSpan.start);
        // The model judges the sentence as a whole, so its finding is the sentence. A category's sentence
        // exceptions (a date with "may change", our own "we'll reply by 5 pm") hold for it as for the rules.
        QList<const ToneCategoryRules*> byModel;
        for (const QString& category : model->flagged(modelInput)) {
            if (byRules.contains(category))
                continue;
            const auto c = std::find_if(rules->categories.begin(), rules->categories.end(),
                                        [&](const ToneCategoryRules& r) { return r.category == category; });
            if (c == rules->categories.end() || !c->useModel || anyMatch(c->sentenceExceptions, sentence))
                continue;
            byModel << &*c;
        }
        // A category that yields to another found in this sentence (model_yields_to) is left out: one fault,
        // one finding. Yielding is one way (the rules refuse two categories yielding to each other).
        const auto found = [&](const QString& category) {
            return byRules.contains(category) ||
                   std::any_of(byModel.begin(), byModel.end(),
                               [&](const ToneCategoryRules* r) { return r->category == category; });
        };
        for (const ToneCategoryRules* c : byModel) {
            if (std::any_of(c->modelYieldsTo.begin(), c->modelYieldsTo.end(), found))
                continue;
            finding(*c, sentenceSpan.start, sentenceSpan.end, nullptr);
            findings.last().wholeSentence = true;
        }
    }
    std::stable_sort(findings.begin(), findings.end(),
                     [](const ToneFinding& a, const ToneFinding& b) { return a.start < b.start; });
    return findings;
}

qsizetype utf16Index(const QString& text, int codePoint)
{
    qsizetype i = 0;
    for (int cp = 0; cp < codePoint && i < text.size(); ++cp)
        i += (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) ? 2 : 1;
    return i;
}

QJsonObject toJson(const ToneFinding& f)
{
    return QJsonObject{{QStringLiteral("category"), f.category},
                       {QStringLiteral("start"), f.start},
                       {QStringLiteral("end"), f.end},
                       {QStringLiteral("text"), f.text},
                       {QStringLiteral("reason"), f.reason},
                       {QStringLiteral("suggestion"), f.suggestion},
                       {QStringLiteral("sentence_start"), f.sentenceStart},
                       {QStringLiteral("sentence_end"), f.sentenceEnd},
                       {QStringLiteral("rewrite"), f.rewrite},
                       {QStringLiteral("whole_sentence"), f.wholeSentence}};
}

QString applyRewrites(const QString& text, const QList<ToneFinding>& findings, int only)
{
    // Sentences by start, each rewritten once, applied from the end so earlier offsets stay valid.
    QMap<int, const ToneFinding*> bySentence;
    for (const ToneFinding& f : findings)
        if (!f.rewrite.isEmpty() && (only < 0 || f.sentenceStart == only) && !bySentence.contains(f.sentenceStart))
            bySentence.insert(f.sentenceStart, &f);
    QString out = text;
    for (auto it = bySentence.constEnd(); it != bySentence.constBegin();) {
        --it;
        const qsizetype start = utf16Index(text, it.value()->sentenceStart);
        const qsizetype end = utf16Index(text, it.value()->sentenceEnd);
        out.replace(start, end - start, it.value()->rewrite);
    }
    return out;
}

QList<StructureHint> ToneChecker::structureHints(const QString& text, const QString& language) const
{
    QList<StructureHint> out;
    const ToneRules* rules = rulesFor(languageOf(text, language));
    if (!rules)
        return out;
    for (const ToneHintRules& h : rules->hints)
        if (!anyMatch(h.present, text))
            out << StructureHint{h.part, h.suggestion};
    return out;
}

} // namespace casebook
