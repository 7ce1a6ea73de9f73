// Measures the tone check against the labelled sentences of tests/data/tone/ and holds it to the targets of
// issue 6: micro precision >= 0.9, micro recall >= 0.85, no finding on >= 95% of clean sentences.
#include "compose/tone_checker.h"
#include "support/test_support.h"

#include <QFile>
#include <QMap>
#include <QSet>
#include <cstdio>

using namespace casebook;

namespace {

struct Labelled {
    QSet<QString> expected;
    QString text;
    int line = 0;
};

QList<Labelled> readSet(const QString& name)
{
    QList<Labelled> out;
    QFile file(test::testData(QStringLiteral("tone/") + name));
    REQUIRE(file.open(QIODevice::ReadOnly));
    int line = 0;
    while (!file.atEnd()) {
        ++line;
        const QString l = QString::fromUtf8(file.readLine()).trimmed();
        if (l.isEmpty() || l.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype tab = l.indexOf(QLatin1Char('\t'));
        REQUIRE(tab > 0);
        Labelled s;
        s.text = l.mid(tab + 1);
        s.line = line;
        if (l.left(tab) != QLatin1String("-"))
            for (const QString& c : l.left(tab).split(QLatin1Char(',')))
                s.expected.insert(c.trimmed());
        for (const QString& c : s.expected)
            REQUIRE(toneCategories().contains(c));
        out << s;
    }
    return out;
}

struct Counts {
    int tp = 0;
    int fp = 0;
    int fn = 0;
};

struct Score {
    QMap<QString, Counts> perCategory;
    Counts micro;
    int clean = 0;
    int cleanWithoutFinding = 0;
    QStringList mistakes;
    double precision() const { return micro.tp + micro.fp ? double(micro.tp) / (micro.tp + micro.fp) : 1.0; }
    double recall() const { return micro.tp + micro.fn ? double(micro.tp) / (micro.tp + micro.fn) : 1.0; }
    double cleanRate() const { return clean ? double(cleanWithoutFinding) / clean : 1.0; }
};

Score measure(const ToneChecker& checker, const QList<Labelled>& set, const QString& lang)
{
    Score score;
    for (const Labelled& s : set) {
        QSet<QString> found;
        for (const ToneFinding& f : checker.check(s.text, lang))
            found.insert(f.category);
        if (s.expected.isEmpty()) {
            ++score.clean;
            score.cleanWithoutFinding += found.isEmpty() ? 1 : 0;
        }
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
            score.mistakes << QStringLiteral("line %1: expected [%2] found [%3]: %4")
                                  .arg(s.line)
                                  .arg(exp.join(QLatin1Char(',')), got.join(QLatin1Char(',')), s.text);
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
    QString r = QStringLiteral("%1: micro P %2 R %3, clean without finding %4/%5 (%6)\n")
                    .arg(title)
                    .arg(s.precision(), 0, 'f', 3)
                    .arg(s.recall(), 0, 'f', 3)
                    .arg(s.cleanWithoutFinding)
                    .arg(s.clean)
                    .arg(s.cleanRate(), 0, 'f', 3);
    for (auto it = s.perCategory.begin(); it != s.perCategory.end(); ++it) {
        const Counts& k = it.value();
        const double p = k.tp + k.fp ? double(k.tp) / (k.tp + k.fp) : 1.0;
        const double rc = k.tp + k.fn ? double(k.tp) / (k.tp + k.fn) : 1.0;
        r += QStringLiteral("  %1 P %2 R %3 (tp %4 fp %5 fn %6)\n")
                 .arg(it.key(), -13)
                 .arg(p, 0, 'f', 2)
                 .arg(rc, 0, 'f', 2)
                 .arg(k.tp)
                 .arg(k.fp)
                 .arg(k.fn);
    }
    for (const QString& m : s.mistakes)
        r += QStringLiteral("  miss %1\n").arg(m);
    return r;
}

// The checker measured: the compiled-in rules, or, when CASEBOOK_TONE_RULES_DIR names a folder holding
// ko.json and en.json, those files, so a rule edit can be scored without rebuilding.
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
        }
        return custom;
    }();
    return c;
}

Score measureFile(const QString& lang, const QString& file, int minimumSize)
{
    const QList<Labelled> set = readSet(file);
    REQUIRE(set.size() >= minimumSize);
    const Score s = measure(checker(), set, lang);
    // Printed so the figures can be read without a debugger: ctest -V or the test binary itself.
    std::fprintf(stderr, "%s", report(file, s).toUtf8().constData());
    return s;
}

void requireTargets(const QString& file, const Score& s)
{
    INFO(report(file, s).toStdString());
    CHECK(s.precision() >= 0.9);
    CHECK(s.recall() >= 0.85);
    CHECK(s.cleanRate() >= 0.95);
}

} // namespace

// The targets, on the labelled sets the rules were written against (ko.tsv, en.tsv: at least 150
// sentences each; train2_*: sentences written for spacing, endings and word order).
TEST_CASE("tone check quality on the tuning sets", "[tone][quality]")
{
    for (const QString& lang : {QStringLiteral("ko"), QStringLiteral("en")}) {
        requireTargets(lang + QStringLiteral(".tsv"), measureFile(lang, lang + QStringLiteral(".tsv"), 150));
        const QString train = QStringLiteral("train2_%1.tsv").arg(lang);
        requireTargets(train, measureFile(lang, train, 60));
    }
}

// Sentences not written for tuning, with the language detected. Each batch was scored once when it was new
// (figures in resources/tone/README.md), then read for the kinds of miss before the next round of rules, so
// the newest batch is the honest held-out figure and the older ones guard against regressions. Precision and
// the clean rate hold to the targets on all of them; recall holds to 0.85 on the batches the rules
// have since been widened on, and is reported on the others.
TEST_CASE("tone check quality on the held-out sets, language detected", "[tone][quality][heldout]")
{
    struct Batch {
        const char* file;
        int minimumSize;
        bool recallHeld;
    };
    const Batch batches[] = {{"ko_heldout.tsv", 40, true},    {"en_heldout.tsv", 40, true},
                             {"heldout3_ko.tsv", 120, true},  {"heldout3_en.tsv", 120, true},
                             {"heldout4_ko.tsv", 120, true},  {"heldout4_en.tsv", 120, true},
                             {"heldout5_ko.tsv", 120, true},  {"heldout5_en.tsv", 120, true},
                             {"heldout6_ko.tsv", 120, false}, {"heldout6_en.tsv", 120, false}};
    for (const Batch& b : batches) {
        const QString file = QString::fromLatin1(b.file);
        const Score s = measureFile(QStringLiteral("auto"), file, b.minimumSize);
        INFO(report(file, s).toStdString());
        CHECK(s.precision() >= 0.9);
        CHECK(s.cleanRate() >= 0.95);
        if (b.recallHeld)
            CHECK(s.recall() >= 0.85);
    }
}
