// Measures the tone check against the labelled sentences of tests/data/tone/ and holds it to what it reaches:
// issue 6's targets are micro precision >= 0.9, micro recall >= 0.85, no finding on >= 95% of clean
// sentences. Every set prints micro and per-category precision and recall, and every sentence it scores
// wrong.
//
// Scoring a new file without touching this test (the figures go to stderr; the test fails below the targets):
//   CASEBOOK_TONE_EVAL=tests/data/tone/new_ko.tsv:other_en.tsv build/dev/tests/core/core_tests "[tone-eval]"
// (CASEBOOK_TONE_EVAL_LANG=auto to detect the language per sentence instead of taking it from the file name).
// CASEBOOK_TONE_RULES_DIR=resources/tone scores the JSON and models of that folder instead of the compiled-in
// ones; a folder with only the JSON scores the rules alone.
#include "compose/tone_checker.h"
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <cstdio>

using namespace casebook;

namespace {

struct Labelled {
    QSet<QString> expected;
    QString text;
    QString origin; // file:line
    // The set's writer's coarse mapping, from a "# coarse: date_promise=false_hope sarcasm=blame" line (as
    // script/tone-score reads it); empty: the default of coarse().
    QHash<QString, QString> coarseAs;
};

QList<Labelled> readSetFile(const QString& path)
{
    QList<Labelled> out;
    QFile file(path);
    INFO(path.toStdString());
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QString name = QFileInfo(path).fileName();
    int line = 0;
    QHash<QString, QString> coarseAs;
    while (!file.atEnd()) {
        ++line;
        const QString l = QString::fromUtf8(file.readLine()).trimmed();
        if (l.startsWith(QLatin1String("# coarse:")))
            for (const QString& pair : l.mid(9).split(QLatin1Char(' '), Qt::SkipEmptyParts))
                coarseAs.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
        if (l.isEmpty() || l.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype tab = l.indexOf(QLatin1Char('\t'));
        INFO(QStringLiteral("%1:%2 needs labels, a tab, the text").arg(name).arg(line).toStdString());
        REQUIRE(tab > 0);
        Labelled s;
        s.text = l.mid(tab + 1).trimmed();
        s.origin = QStringLiteral("%1:%2").arg(name).arg(line);
        s.coarseAs = coarseAs;
        if (l.left(tab) != QLatin1String("-"))
            for (const QString& c : l.left(tab).split(QLatin1Char(',')))
                s.expected.insert(c.trimmed());
        for (const QString& c : s.expected)
            REQUIRE(toneCategories().contains(c));
        out << s;
    }
    return out;
}

QList<Labelled> readSet(const QString& name)
{
    return readSetFile(test::testData(QStringLiteral("tone/") + name));
}

struct Counts {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
    double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
};

struct Score {
    QMap<QString, Counts> perCategory;
    Counts micro;
    int sentences = 0;
    int clean = 0;
    int cleanWithoutFinding = 0;
    QStringList mistakes;
    double precision() const { return micro.precision(); }
    double recall() const { return micro.recall(); }
    double cleanRate() const { return clean ? double(cleanWithoutFinding) / clean : 1.0; }
};

// How a writer who knows fewer categories labels (heldout9): sarcasm and profanity are blame, a promised
// date is an over-promise, and informal is not scored (a clean sentence with an informal finding still counts
// as a clean sentence with a finding). A set whose writer had other definitions names its mapping (coarseAs).
QSet<QString> coarse(const QSet<QString>& found, const QHash<QString, QString>& coarseAs)
{
    QSet<QString> out;
    for (const QString& c : found) {
        if (coarseAs.contains(c))
            out.insert(coarseAs.value(c));
        else if (!coarseAs.isEmpty() && c != QLatin1String("informal"))
            out.insert(c);
        else if (c == QLatin1String("sarcasm") || c == QLatin1String("profanity"))
            out.insert(QStringLiteral("blame"));
        else if (c == QLatin1String("date_promise"))
            out.insert(QStringLiteral("over_promise"));
        else if (c != QLatin1String("informal"))
            out.insert(c);
    }
    return out;
}

Score measure(const ToneChecker& checker, const QList<Labelled>& set, const QString& lang,
              bool coarseLabels = false)
{
    Score score;
    score.sentences = int(set.size());
    for (const Labelled& s : set) {
        QSet<QString> found;
        for (const ToneFinding& f : checker.check(s.text, lang))
            found.insert(f.category);
        if (s.expected.isEmpty()) {
            ++score.clean;
            score.cleanWithoutFinding += found.isEmpty() ? 1 : 0;
        }
        if (coarseLabels)
            found = coarse(found, s.coarseAs);
        for (const QString& c : toneCategories()) {
            Counts& k = score.perCategory[c];
            const bool e = s.expected.contains(c);
            const bool f = found.contains(c);
            k.tp += e && f;
            k.fp += !e && f;
            k.fn += e && !f;
        }
        if (found != s.expected) {
            QStringList exp(s.expected.begin(), s.expected.end());
            QStringList got(found.begin(), found.end());
            exp.sort();
            got.sort();
            score.mistakes << QStringLiteral("%1: expected [%2] found [%3]: %4")
                                  .arg(s.origin, exp.join(QLatin1Char(',')), got.join(QLatin1Char(',')),
                                       s.text);
        }
    }
    for (const Counts& k : score.perCategory) {
        score.micro.tp += k.tp;
        score.micro.fp += k.fp;
        score.micro.fn += k.fn;
    }
    return score;
}

QString report(const QString& title, const Score& s)
{
    QString r = QStringLiteral("%1 (%2 sentences): micro P %3 R %4, clean without finding %5/%6 (%7)\n")
                    .arg(title)
                    .arg(s.sentences)
                    .arg(s.precision(), 0, 'f', 3)
                    .arg(s.recall(), 0, 'f', 3)
                    .arg(s.cleanWithoutFinding)
                    .arg(s.clean)
                    .arg(s.cleanRate(), 0, 'f', 3);
    for (const QString& c : toneCategories()) {
        const Counts& k = s.perCategory.value(c);
        r += QStringLiteral("  %1 P %2 R %3 (tp %4 fp %5 fn %6)\n")
                 .arg(c, -13)
                 .arg(k.precision(), 0, 'f', 2)
                 .arg(k.recall(), 0, 'f', 2)
                 .arg(k.tp)
                 .arg(k.fp)
                 .arg(k.fn);
    }
    for (const QString& m : s.mistakes)
        r += QStringLiteral("  miss %1\n").arg(m);
    return r;
}

// The checker measured: the compiled-in rules and models, or, when CASEBOOK_TONE_RULES_DIR names a folder
// holding ko.json and en.json, those files and the folder's model_<lang>.tsv if it has them (a folder without
// them scores the rules alone), so a rule edit or a retrained model can be scored without rebuilding.
const ToneChecker& checker()
{
    static const ToneChecker c = [] {
        const QString dir = qEnvironmentVariable("CASEBOOK_TONE_RULES_DIR");
        if (dir.isEmpty()) {
            auto builtin = ToneChecker::builtin();
            REQUIRE(builtin.ok());
            return builtin.value();
        }
        ToneChecker custom;
        for (const QString& lang : {QStringLiteral("ko"), QStringLiteral("en")}) {
            const QString path = dir + QStringLiteral("/%1.json").arg(lang);
            auto rules = ToneRules::fromJson(test::readFile(path), path);
            if (!rules)
                FAIL(rules.error().message.toStdString());
            REQUIRE(rules.ok());
            custom.setRules(lang, rules.value());
            const QString modelPath = dir + QStringLiteral("/model_%1.tsv").arg(lang);
            if (!QFileInfo::exists(modelPath))
                continue; // a folder of rules alone scores the rules alone
            auto model = ToneModel::fromText(test::readFile(modelPath), modelPath);
            if (!model)
                FAIL(model.error().message.toStdString());
            custom.setModel(lang, std::make_shared<const ToneModel>(model.value()));
        }
        return custom;
    }();
    return c;
}

Score measureAndPrint(const QString& title, const QList<Labelled>& set, const QString& lang,
                      bool coarseLabels = false)
{
    const Score s = measure(checker(), set, lang, coarseLabels);
    // Printed so the figures can be read without a debugger: ctest -V or the test binary itself.
    std::fprintf(stderr, "%s", report(title, s).toUtf8().constData());
    return s;
}

// The least a set must score. For the sets the rules were tuned on, what the rules reach there (a rule change
// that loses a sentence fails); for the held-out sets, the issue's target or what they reach, whichever is
// lower.
struct Floor {
    double precision = 0.9;
    double recall = 0.85;
    double clean = 0.95;
};

const Floor issueTargets{};

void requireFloor(const QString& title, const Score& s, const Floor& floor)
{
    INFO(report(title, s).toStdString());
    CHECK(s.precision() >= floor.precision);
    CHECK(s.recall() >= floor.recall);
    CHECK(s.cleanRate() >= floor.clean);
}

// "ko" or "en" from a file name such as heldout7_ko.tsv or en.tsv; empty to detect per sentence.
QString languageOfFile(const QString& path)
{
    static const QRegularExpression lang(QStringLiteral("(?:^|[_.-])(ko|en)(?:[_.-]|$)"));
    const auto m = lang.match(QFileInfo(path).fileName());
    return m.hasMatch() ? m.captured(1) : QString();
}

// A held-out batch of at least minimumSize sentences (language detected, or the file's with the coarser
// labels) held to its floor.
void requireBatch(const char* name, int minimumSize, const Floor& floor, bool coarseLabels = false)
{
    const QString file = QString::fromLatin1(name);
    const QList<Labelled> sentences = readSet(file);
    REQUIRE(sentences.size() >= minimumSize);
    const QString lang = coarseLabels ? languageOfFile(file) : QStringLiteral("auto");
    requireFloor(file, measureAndPrint(file, sentences, lang, coarseLabels), floor);
}

} // namespace

// The sets the rules were written against: ko.tsv and en.tsv (at least 150 sentences each); train2_*
// (spacing, endings, word order); train3_* (families of construction: a stem with any ending, a condition
// with a consequence, praise in a negative context, with three fresh checks folded in); train5_* to train9_*
// (400 a language each, by independent writers, each scored once before it was trained on); train11_* (the
// categories heldout9 missed most, and clean hard negatives); train12_* (clean hard negatives of the kinds
// heldout10's dev half raised false alarms on, and faults of the fourth round's rule classes); train13a_* to
// train13g_* (400 a language each, by seven independent writers of the sixth round, each from situations of
// its own, in the finer categories and with several on a line where several apply). The learned model
// is trained on every set in tests/data/tone, so these figures are what the check reaches on its own training
// data: a regression guard, not a measure (the honest figure is a fresh batch, scored once with [tone-eval]).
TEST_CASE("tone check quality on the tuning sets", "[tone][quality]")
{
    struct Set {
        const char* file;
        const char* lang;
        int minimumSize;
        Floor reached;
    };
    const Set sets[] = {
        {"ko.tsv", "ko", 150, {1.0, 1.0, 1.0}},           {"en.tsv", "en", 150, {1.0, 1.0, 1.0}},
        {"train2_ko.tsv", "ko", 60, {1.0, 1.0, 1.0}},     {"train2_en.tsv", "en", 60, {0.99, 1.0, 1.0}},
        {"train3_ko.tsv", "ko", 150, {1.0, 0.99, 1.0}},   {"train3_en.tsv", "en", 150, {0.99, 0.98, 1.0}},
        {"train5_ko.tsv", "ko", 380, {0.93, 0.95, 0.97}}, {"train5_en.tsv", "en", 380, {0.93, 0.95, 0.97}},
        {"train6_ko.tsv", "ko", 380, {0.93, 0.95, 0.97}}, {"train6_en.tsv", "en", 380, {0.93, 0.95, 0.97}},
        {"train7_ko.tsv", "ko", 380, {0.91, 0.95, 0.97}}, {"train7_en.tsv", "en", 380, {0.93, 0.94, 0.97}},
        {"train8_ko.tsv", "ko", 380, {0.93, 0.95, 0.97}}, {"train8_en.tsv", "en", 380, {0.93, 0.95, 0.97}},
        {"train9_ko.tsv", "ko", 380, {0.92, 0.95, 0.97}}, {"train9_en.tsv", "en", 380, {0.93, 0.95, 0.97}},
        {"train10_ko.tsv", "ko", 30, {0.94, 1.0, 1.0}},   {"train10_en.tsv", "en", 30, {1.0, 1.0, 1.0}},
        {"train11_ko.tsv", "ko", 370, {0.97, 0.99, 1.0}}, {"train11_en.tsv", "en", 370, {0.91, 0.96, 0.98}},
        {"train12_ko.tsv", "ko", 25, {1.0, 1.0, 1.0}},    {"train12_en.tsv", "en", 25, {1.0, 1.0, 1.0}},
        {"train13a_ko.tsv", "ko", 400, {0.89, 0.96, 0.94}}, {"train13a_en.tsv", "en", 400, {0.88, 0.91, 0.94}},
        {"train13b_ko.tsv", "ko", 400, {0.92, 0.98, 0.95}}, {"train13b_en.tsv", "en", 400, {0.92, 0.96, 0.95}},
        {"train13c_ko.tsv", "ko", 400, {0.90, 0.98, 0.91}}, {"train13c_en.tsv", "en", 400, {0.96, 0.97, 0.98}},
        {"train13d_ko.tsv", "ko", 400, {0.91, 0.98, 0.92}}, {"train13d_en.tsv", "en", 400, {0.88, 0.97, 0.91}},
        {"train13e_ko.tsv", "ko", 400, {0.91, 0.96, 0.93}}, {"train13e_en.tsv", "en", 400, {0.90, 0.96, 0.96}},
        {"train13f_ko.tsv", "ko", 400, {0.89, 0.96, 0.90}}, {"train13f_en.tsv", "en", 400, {0.94, 0.95, 0.97}},
        {"train13g_ko.tsv", "ko", 400, {0.91, 0.98, 0.94}}, {"train13g_en.tsv", "en", 400, {0.92, 0.96, 0.95}},
        {"train14a_ko.tsv", "ko", 400, {0.87, 0.98, 0.89}}, {"train14a_en.tsv", "en", 400, {0.90, 0.96, 0.92}},
        {"train14b_ko.tsv", "ko", 400, {0.93, 0.98, 0.96}}, {"train14b_en.tsv", "en", 400, {0.92, 0.97, 0.97}},
        {"train14c_ko.tsv", "ko", 400, {0.91, 0.98, 0.93}}, {"train14c_en.tsv", "en", 400, {0.93, 0.98, 0.95}},
        {"train14d_ko.tsv", "ko", 400, {0.91, 0.96, 0.93}}, {"train14d_en.tsv", "en", 400, {0.93, 0.95, 0.97}},
        {"train14e_ko.tsv", "ko", 400, {0.90, 0.97, 0.93}}, {"train14e_en.tsv", "en", 400, {0.94, 0.98, 0.96}},
        {"train14f_ko.tsv", "ko", 400, {0.88, 0.97, 0.92}}, {"train14f_en.tsv", "en", 400, {0.94, 0.98, 0.97}},
        {"train14g_ko.tsv", "ko", 400, {0.87, 0.98, 0.91}}, {"train14g_en.tsv", "en", 400, {0.92, 0.96, 0.95}}};
    // Sixth round, lowered with the model retrained on train13 and heldout11..12 (their writers put a dated
    // promise under false_hope too, and sarcasm under blame): train7_ko P 0.92 -> 0.91, train11_ko 0.98 / 1.0 ->
    // 0.97 / 0.99, train11_en 0.92 / 0.99 -> 0.91 / 0.96 (the model now adds policy or over_promise beside a
    // curt refusal or a threat the set labels alone).
    // Seventh round, lowered with the model retrained on train14 (2,800 sentences a language more), English's
    // weaker regularization and its naive-Bayes ratios clipped (script/train-tone-model): train2_en P 1.0 ->
    // 0.99, train9_ko P 0.93 -> 0.92, train13a_ko 0.90 / 0.97 -> 0.89 / 0.96, train13a_en R 0.93 -> 0.91,
    // train13f_en and train13g_en R one sentence each. A sentence of a training set identical to one of a
    // scoring set is no longer trained on (scored_texts()), so a few lines of each are unseen.
    for (const Set& set : sets) {
        const QString file = QString::fromLatin1(set.file);
        const QList<Labelled> sentences = readSet(file);
        REQUIRE(sentences.size() >= set.minimumSize);
        requireFloor(file, measureAndPrint(file, sentences, QString::fromLatin1(set.lang)), set.reached);
    }
}

// Sentences not written for tuning, with the language detected. Each batch was scored once when it was new
// (figures in resources/tone/README.md), then read for the kinds of miss before the next round of rules, so
// they are now a development set: the honest held-out figure is a batch written after the last rule change,
// scored with [tone-eval] below. train3_fresh_* were written after the last rule change and not tuned on.
// Each batch holds to what it reaches, and heldout3..6 are also scored together per language.
TEST_CASE("tone check quality on the held-out sets, language detected", "[tone][quality][heldout]")
{
    struct Batch {
        const char* file;
        int minimumSize;
        Floor floor;
    };
    // Each at what it reached after issue 20's third round (truncated to two places); every one reaches the
    // issue's targets but ko_heldout's clean rate, which stays at 0.95. Lowered in the fourth round with a
    // reason: heldout3_en 0.96 -> 0.95 because "Nope, can't do that." is now also curt_refusal (issue 20 names a
    // bare no as one), which the set, labelled before that category existed, does not list.
    const Batch batches[] = {
        {"ko_heldout.tsv", 40, {0.95, 1.0, 0.95}},
        {"en_heldout.tsv", 40, {1.0, 1.0, 1.0}},
        {"heldout3_ko.tsv", 120, {1.0, 1.0, 1.0}},
        {"heldout3_en.tsv", 120, {0.95, 1.0, 0.98}}, // see below
        {"heldout4_ko.tsv", 120, {0.98, 1.0, 1.0}},
        {"heldout4_en.tsv", 120, {0.94, 1.0, 1.0}},
        {"heldout5_ko.tsv", 120, {0.97, 1.0, 1.0}},
        {"heldout5_en.tsv", 120, {0.97, 1.0, 1.0}},
        {"heldout6_ko.tsv", 120, {1.0, 1.0, 1.0}},
        {"heldout6_en.tsv", 120, {0.97, 1.0, 1.0}},
        // written after the last rule change of train3 and scored once, trained on since
        {"train3_fresh_ko.tsv", 45, {0.96, 1.0, 1.0}},
        {"train3_fresh_en.tsv", 45, {0.91, 1.0, 1.0}}};
    QMap<QString, QList<Labelled>> development; // heldout3..6 per language
    for (const Batch& b : batches) {
        const QString file = QString::fromLatin1(b.file);
        const QList<Labelled> sentences = readSet(file);
        REQUIRE(sentences.size() >= b.minimumSize);
        requireFloor(file, measureAndPrint(file, sentences, QStringLiteral("auto")), b.floor);
        if (file.startsWith(QLatin1String("heldout")))
            development[languageOfFile(file)] += sentences;
    }
    for (auto it = development.begin(); it != development.end(); ++it) {
        const QString title = QStringLiteral("heldout3..6 %1 together").arg(it.key());
        requireFloor(title, measureAndPrint(title, it.value(), QStringLiteral("auto")), issueTargets);
    }
}

// Fourth round: heldout8 0.95/0.96 -> 0.94/0.95 (ko) and 0.91/0.91 -> 0.90/0.90 (en), one or two sentences each:
// the model retrained on heldout10's dev half, whose coarse labels call a promised date over_promise and
// sarcasm blame ("Guaranteed delivery by end of day tomorrow" gains over_promise, "a load of crap and you know
// it" gains blame, which the categories allow but the set does not list), and English threat's model threshold
// 0.95 drops an informal "ur getting reported too". The same retraining moves train7 by one sentence each
// (ko P 0.93 -> 0.92, en R 0.95 -> 0.94) and heldout9_ko's recall 0.99 -> 0.98. Every other floor holds.
// heldout8: 240 sentences a language by a writer who saw neither the rules nor any labelled set, scored once
// after the last change to the rules and the model of its round (ko P 0.934 R 0.947 clean 0.972, en P 0.931
// R 0.912 clean 0.954) and never trained on (script/train-tone-model leaves it out). Held to what the check
// reaches after issue 20's third round, above the issue's targets: a later round must not lose what it found.
// Sixth round: ko 0.94 / 0.95 -> 0.92 / 0.94, en 0.90 / 0.96 (P, clean) -> 0.87 / 0.93. heldout8 is scored in
// the finer categories, and the model retrained on the sixth round's writers (who put a dated promise under
// false_hope and date_promise both, sarcasm under blame and sarcasm) adds the second category beside the
// first: "금요일까지는 확실히 도착하니까" gains false_hope, "Great detective work, you found the tiny scratch…" gains blame. The
// model's false_hope and over_promise now yield to a date promise in the same sentence (model_yields_to), which
// took back half of the loss; one Korean sarcasm ("…어쩔 수 없죠 뭐") is no longer found. The English model's
// naive-Bayes scaling (script/train-tone-model) costs three clean English sentences a finding here, and gains on
// heldout9, heldout10's check half and heldout11 (chosen on all five; resources/tone/README.md).
// Seventh round (train14, English ratios clipped): ko P 0.92 -> 0.91, en R 0.91 -> 0.89 (ko 0.911 / 0.960 /
// 0.981, en 0.873 / 0.891 / 0.935); heldout5_ko, heldout9, heldout11_en and heldout12_ko each lose a sentence or
// two the same way, and heldout9_en three (P 0.91 -> 0.89, clean 0.94 -> 0.93).
TEST_CASE("tone check quality on heldout8, never trained on", "[tone][quality][heldout]")
{
    requireBatch("heldout8_ko.tsv", 240, {0.91, 0.94, 0.98});
    requireBatch("heldout8_en.tsv", 240, {0.87, 0.89, 0.93});
}

// heldout9: 331 / 335 sentences by a writer who saw neither the rules, the model nor any labelled set, in the
// writer's coarser labels (coarse()). Scored once after issue 20's second round (ko P 0.907 R 0.551 clean 0.955,
// en P 0.762 R 0.562 clean 0.893); its misses were then read to write the third round's rules and train11, so it
// is a development set now, held to what it reaches. Never trained on (script/train-tone-model leaves it out).
// Sixth round: ko P 0.95 -> 0.93 and en R 1.0 -> 0.98 with the model retrained on train13 (ko 0.936 / 0.994 /
// 0.968, en 0.911 / 0.989 / 0.943).
TEST_CASE("tone check quality on heldout9, the writer's coarser labels", "[tone][quality][heldout]")
{
    requireBatch("heldout9_ko.tsv", 330, {0.92, 0.98, 0.96}, true);
    requireBatch("heldout9_en.tsv", 330, {0.89, 0.98, 0.93}, true);
}

// heldout10: 368 / 366 sentences by a third writer who saw neither the rules, the model nor any labelled set,
// from the seed situations only, in the same coarse labels. Scored once, blind, after issue 20's third round:
// ko P 0.866 R 0.756 clean 0.926, en P 0.764 R 0.700 clean 0.855 (see resources/tone/README.md). In the
// fourth round it was split in half by a fixed hash (the first byte of the SHA-1 of the text, even: dev): the
// dev half was read for kinds of miss and trained on, the check half was neither and was scored after the
// round's last change (ko 0.857 / 0.789 / 0.908, en 0.757 / 0.659 / 0.846; before the round 0.841 / 0.763 /
// 0.897 and 0.718 / 0.659 / 0.827). Each half, and both together, held to what they reach now.
TEST_CASE("tone check quality on heldout10's halves", "[tone][quality][heldout]")
{
    // Sixth round (the model retrained on train13 and heldout11..12, neither half read): the check half went
    // ko 0.857 / 0.789 / 0.908 -> 0.872 / 0.895 / 0.897, en 0.757 / 0.659 / 0.846 -> 0.771 / 0.753 / 0.846 (with
    // the English model unscaled: 0.707 / 0.765 / 0.817). Floors moved to what they reach.
    // Seventh round (train14): the check half ko 0.872 / 0.895 / 0.897 -> 0.850 / 0.895 / 0.897, en 0.771 /
    // 0.753 / 0.846 -> 0.817 / 0.788 / 0.875; the whole of it in Korean P 0.91 -> 0.90.
    requireBatch("heldout10dev_ko.tsv", 200, {0.94, 1.0, 0.99}, true);
    requireBatch("heldout10dev_en.tsv", 170, {0.94, 0.98, 0.97}, true);
    requireBatch("heldout10check_ko.tsv", 160, {0.85, 0.89, 0.89}, true);
    requireBatch("heldout10check_en.tsv", 180, {0.77, 0.75, 0.84}, true);
    // The whole of heldout10, as the third round scored it (its floors then: ko 0.86 / 0.75 / 0.92, en 0.76 /
    // 0.70 / 0.85; after the fourth round ko 0.92 / 0.91 / 0.95, en 0.87 / 0.83 / 0.90).
    const std::pair<const char*, Floor> whole[] = {{"ko", {0.90, 0.95, 0.94}}, {"en", {0.86, 0.87, 0.90}}};
    for (const auto& [lang, floor] : whole) {
        const QString l = QString::fromLatin1(lang);
        const QList<Labelled> all = readSet(QStringLiteral("heldout10dev_%1.tsv").arg(l)) +
                                    readSet(QStringLiteral("heldout10check_%1.tsv").arg(l));
        const QString title = QStringLiteral("heldout10 %1, both halves").arg(l);
        requireFloor(title, measureAndPrint(title, all, l, true), floor);
    }
}

// heldout11: 361 / 360 sentences by a fourth writer who saw no rules, model or labelled set, from NEW seed
// situations (custom orders, food and cosmetics, furniture, warranty, pre-orders, customs duties, split
// shipments, subscriptions, price drops, counterfeit claims, B2B, fake receipts, review-for-refund, holidays),
// told that false_hope includes carriers' and customs' dates and blame includes sarcasm (the files' "# coarse:"
// line). Scored once, blind, after issue 20's fourth round: ko P 0.831 R 0.633 clean 0.909, en P 0.799
// R 0.638 clean 0.894 (before the round, at adde9da: ko 0.829 / 0.624 / 0.916, en 0.829 / 0.624 / 0.930).
// The fifth round then read its false_hope and over_promise misses (a development set since; rules only, the
// model is not trained on it: NOT_FOR_TRAINING): ko 0.864 / 0.817 / 0.909, en 0.828 / 0.775 / 0.894. The sixth
// round trains the model on it (heldout13 took its place as the blind set), so it is a training figure now.
TEST_CASE("tone check quality on heldout11, read in the fifth round", "[tone][quality][heldout]")
{
    requireBatch("heldout11_ko.tsv", 350, {0.91, 0.98, 0.95}, true);
    requireBatch("heldout11_en.tsv", 350, {0.91, 0.98, 0.96}, true);
}

// heldout12: 332 / 332 sentences by a fifth writer who saw no rules, model or labelled set, from situations
// no earlier set used (live plants, licence keys, duplicate charges, glassware claims, coupons and points,
// free gifts, installation visits, tickets and vouchers, jewellery allergies, toy safety, bulk minimums,
// monitor colours, price matching, pet supplies, rentals and used goods). Scored once, blind, after the fifth
// round: ko P 0.884 R 0.657 clean 0.963, en P 0.858 R 0.672 clean 0.955 (the fourth round's rules on it:
// ko 0.878 / 0.616 / 0.963, en 0.855 / 0.657 / 0.955). The sixth round read its clean sentences' false alarms
// and trains the model on it (heldout13 took its place), so it is a training figure now.
TEST_CASE("tone check quality on heldout12, a blind set from new situations", "[tone][quality][heldout]")
{
    requireBatch("heldout12_ko.tsv", 330, {0.91, 0.97, 0.98}, true);
    requireBatch("heldout12_en.tsv", 330, {0.94, 0.98, 1.0}, true);
}

// heldout13: 342 / 347 sentences by a sixth writer who saw no rules, model or labelled set, from the issue's seed
// situations (a parcel lost at the door, returns with the film removed, a held payout, a defamatory review, a
// size exchange, an overseas delay, an abusive customer), in the same coarse labels as heldout12. Written while
// the sixth round was built, copied into the repository only after its last change, and scored once then:
// ko P 0.921 R 0.850 clean 0.943, en P 0.853 R 0.764 clean 0.936 (the fifth round's rules and model on it:
// ko 0.884 / 0.662 / 0.936, en 0.804 / 0.618 / 0.950). Never trained on (NOT_FOR_TRAINING); held to what it
// reaches. The seventh round read its misses for three curt-refusal rules (whole-sentence dismissals: "Ask
// eBay.", "네이버에 문의하시든가요.", "안 된다면 안 되는 겁니다."), so it is a development set now: ko 0.920 / 0.884 /
// 0.943, en 0.871 / 0.797 / 0.964 (Korean precision one sentence lower, the rest higher).
TEST_CASE("tone check quality on heldout13, a blind set from the seed situations", "[tone][quality][heldout]")
{
    requireBatch("heldout13_ko.tsv", 340, {0.91, 0.88, 0.94}, true);
    requireBatch("heldout13_en.tsv", 340, {0.87, 0.79, 0.96}, true);
}

// heldout14: 340 / 342 sentences by a seventh writer who saw no rules, model or labelled set, from the issue's
// seed situations, in heldout13's coarse labels. Written at the end of the sixth round, kept unread in
// tests/data/tone/pending/ and scored once after the seventh round's last change: ko P 0.907 R 0.889 clean
// 0.944, en P 0.910 R 0.763 clean 0.972 (the sixth round's rules and model on it: ko 0.911 / 0.884 / 0.937, en
// 0.885 / 0.778 / 0.966, with 6 / 12 of its sentences then in the training data word for word). Never trained on
// (NOT_FOR_TRAINING); held to what it reached.
TEST_CASE("tone check quality on heldout14, a blind set from the seed situations", "[tone][quality][heldout]")
{
    requireBatch("heldout14_ko.tsv", 340, {0.90, 0.88, 0.94}, true);
    requireBatch("heldout14_en.tsv", 340, {0.90, 0.76, 0.97}, true);
}

// Scores the files named in CASEBOOK_TONE_EVAL (separated by ':' or ','; relative to the working directory or
// to tests/data) against the issue's targets, printing micro and per-category figures and every miss. The
// language is CASEBOOK_TONE_EVAL_LANG (ko, en, auto) when set, else it comes from the file name (_ko, _en),
// else it is detected per sentence. CASEBOOK_TONE_EVAL_COARSE=1 scores with a coarser writer's labels (see
// coarse()). Hidden: run it by its tag.
TEST_CASE("tone check quality on the files of CASEBOOK_TONE_EVAL", "[.][tone-eval]")
{
    const QString files = qEnvironmentVariable("CASEBOOK_TONE_EVAL");
    INFO("set CASEBOOK_TONE_EVAL to one or more labelled .tsv files");
    REQUIRE(!files.isEmpty());
    static const QRegularExpression separator(QStringLiteral("[:,]"));
    for (const QString& name : files.split(separator, Qt::SkipEmptyParts)) {
        const QString path = QFileInfo::exists(name) ? name : test::testData(name);
        const QList<Labelled> sentences = readSetFile(path);
        REQUIRE(!sentences.isEmpty());
        const QString forced = qEnvironmentVariable("CASEBOOK_TONE_EVAL_LANG");
        const QString lang = forced.isEmpty() ? languageOfFile(path) : forced;
        const QString title =
            QStringLiteral("%1 (language %2)").arg(path, lang.isEmpty() ? QStringLiteral("detected") : lang);
        const bool coarseLabels = qEnvironmentVariableIntValue("CASEBOOK_TONE_EVAL_COARSE") != 0;
        requireFloor(title,
                     measureAndPrint(title, sentences, lang.isEmpty() ? QStringLiteral("auto") : lang, coarseLabels),
                     issueTargets);
    }
}
