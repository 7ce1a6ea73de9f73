#include "compose/tone_checker.h"
#include "compose/tone_model.h"
#include "support/test_support.h"

#include <cmath>

using namespace casebook;

namespace {

// A model of three words: "banana" reads as blame, "kiwi" as a date promise, "mango" as a false hope and an
// over-promise; nothing else counts.
QByteArray tinyModel(int minLetters)
{
    QByteArray text = "# test model\nversion\t1\nngram\t1\t1\n";
    text += "min_letters\t" + QByteArray::number(minLetters) + "\n";
    text += "categories\tthreat\tsarcasm\tblame\tfalse_hope\tdate_promise\tinformal\tprofanity\tpolicy\t"
            "over_promise\tcurt_refusal\n";
    text += "threshold\t0.5\t0.5\t0.5\t0.5\t0.5\t0.5\t0.5\t0.5\t0.5\t0.5\n";
    text += "bias\t-5\t-5\t-5\t-5\t-5\t-5\t-5\t-5\t-5\t-5\n";
    text += "f\twbanana\t0\t0\t10\t0\t0\t0\t0\t0\t0\t0\n";
    text += "f\twkiwi\t0\t0\t0\t0\t10\t0\t0\t0\t0\t0\n";
    text += "f\twmango\t0\t0\t0\t10\t0\t0\t0\t0\t10\t0\n"; // a false hope and an over-promise
    return text;
}

ToneChecker englishRulesWith(const QByteArray& modelText)
{
    auto rules = ToneRules::builtin(QStringLiteral("en"));
    REQUIRE(rules.ok());
    auto model = ToneModel::fromText(modelText, QStringLiteral("tiny.tsv"));
    if (!model)
        FAIL(model.error().message.toStdString());
    ToneChecker checker;
    checker.setRules(QStringLiteral("en"), rules.value());
    checker.setModel(QStringLiteral("en"), std::make_shared<const ToneModel>(model.value()));
    return checker;
}

QStringList described(const QList<ToneFinding>& findings)
{
    QStringList out;
    for (const ToneFinding& f : findings)
        out << QStringLiteral("%1 %2-%3 %4").arg(f.category).arg(f.start).arg(f.end).arg(f.text);
    return out;
}

} // namespace

TEST_CASE("the built-in models score as the training script did", "[tone][model]")
{
    for (const QString& lang : {QStringLiteral("ko"), QStringLiteral("en")}) {
        auto model = ToneModel::builtin(lang);
        if (!model)
            FAIL(model.error().message.toStdString());
        const ToneModel& m = *model.value();
        CHECK(m.categories() == ToneModel::learnedCategories());
        REQUIRE(m.checks().size() >= 10);
        for (const ToneModel::Check& c : m.checks()) {
            const ToneModel::Scores got = m.scores(c.text);
            for (int i = 0; i < ToneModel::kCategories; ++i) {
                INFO(lang.toStdString()
                     << ": " << c.text.toStdString() << " / " << m.categories().at(i).toStdString());
                CHECK(std::abs(got[i] - c.expected[i]) < 1e-4);
            }
        }
    }
}

TEST_CASE("a model's finding is its whole sentence, and the rules' own finding comes first", "[tone][model]")
{
    const ToneChecker checker = englishRulesWith(tinyModel(0));
    // Code points: the emoji counts once.
    CHECK(described(checker.check(QStringLiteral("Thanks 😀. We think the banana was yours. Bye."),
                                  QStringLiteral("en"))) ==
          QStringList{QStringLiteral("blame 10-40 We think the banana was yours.")});
    // A rule of the same category already marks its passage in that sentence: no second, sentence-wide one.
    const auto both = checker.check(QStringLiteral("This is your fault, banana."), QStringLiteral("en"));
    REQUIRE(both.size() == 1);
    CHECK(both.first().category == QStringLiteral("blame"));
    CHECK(both.first().text != QStringLiteral("This is your fault, banana."));
    // The finding carries the category's reason and suggestion from the rules.
    const auto rules = ToneRules::builtin(QStringLiteral("en"));
    REQUIRE(rules.ok());
    const auto blame =
        std::find_if(rules.value().categories.begin(), rules.value().categories.end(),
                     [](const ToneCategoryRules& c) { return c.category == QLatin1String("blame"); });
    REQUIRE(blame != rules.value().categories.end());
    const auto found = checker.check(QStringLiteral("The banana was yours."), QStringLiteral("en"));
    REQUIRE(found.size() == 1);
    CHECK(found.first().reason == blame->reason);
    CHECK(found.first().suggestion == blame->suggestion);
    CHECK(found.first().wholeSentence);
    CHECK(!both.first().wholeSentence);
}

TEST_CASE("the model ignores quoted words, short sentences and a category's sentence exceptions",
          "[tone][model]")
{
    const ToneChecker checker = englishRulesWith(tinyModel(8));
    CHECK(
        checker
            .check(QStringLiteral("You wrote \"the banana is mine\" in your message."), QStringLiteral("en"))
            .isEmpty());
    CHECK(
        checker.check(QStringLiteral("Banana?"), QStringLiteral("en")).isEmpty()); // 6 letters, fewer than 8
    CHECK(described(checker.check(QStringLiteral("Banana again?"), QStringLiteral("en"))) ==
          QStringList{QStringLiteral("blame 0-13 Banana again?")});
    CHECK(described(checker.check(QStringLiteral("The kiwi arrives soon."), QStringLiteral("en"))) ==
          QStringList{QStringLiteral("date_promise 0-22 The kiwi arrives soon.")});
    // A date with a caveat is a range, not a promise, for the model as for the rules.
    const auto ranged = checker.check(
        QStringLiteral("The kiwi usually arrives in 3-5 days, but this may change with the carrier."),
        QStringLiteral("en"));
    CHECK(std::none_of(ranged.begin(), ranged.end(),
                       [](const ToneFinding& f) { return f.category == QLatin1String("date_promise"); }));
}

TEST_CASE("the model's false hope and over-promise yield to a date promise found in the same sentence",
          "[tone][model]")
{
    const ToneChecker checker = englishRulesWith(tinyModel(0));
    // Alone, the model's false hope and over-promise are reported.
    CHECK(described(checker.check(QStringLiteral("The mango will sort it."), QStringLiteral("en"))) ==
          QStringList{QStringLiteral("false_hope 0-23 The mango will sort it."),
                      QStringLiteral("over_promise 0-23 The mango will sort it.")});
    // Beside the model's date promise they are the same fault: one finding, the more specific one.
    CHECK(described(checker.check(QStringLiteral("The mango kiwi will sort it."), QStringLiteral("en"))) ==
          QStringList{QStringLiteral("date_promise 0-28 The mango kiwi will sort it.")});
    // Beside the rules' date promise too, and only in that sentence.
    const auto ruled = checker.check(
        QStringLiteral("It will definitely arrive by Friday, mango. The mango will sort it."), QStringLiteral("en"));
    QStringList categories;
    for (const ToneFinding& f : ruled)
        categories << f.category;
    CHECK(categories.contains(QStringLiteral("date_promise")));
    CHECK(categories.count(QStringLiteral("false_hope")) == 1);
    CHECK(categories.count(QStringLiteral("over_promise")) == 1);
    for (const ToneFinding& f : ruled)
        if (f.category != QLatin1String("date_promise"))
            CHECK(f.text == QStringLiteral("The mango will sort it."));
}

TEST_CASE("rules where two categories yield to each other are refused", "[tone][model]")
{
    const QByteArray json = R"({"language": "en", "version": 1, "categories": [
        {"category": "false_hope", "reason": "r", "suggestion": "s", "patterns": [], "model_yields_to": ["date_promise"]},
        {"category": "date_promise", "reason": "r", "suggestion": "s", "patterns": [], "model_yields_to": ["false_hope"]}]})";
    const auto rules = ToneRules::fromJson(json, QStringLiteral("mutual.json"));
    REQUIRE_FALSE(rules.ok());
    CHECK(rules.error().message.contains(QStringLiteral("yield to each other")));
    const QByteArray unknown = R"({"language": "en", "version": 1, "categories": [
        {"category": "false_hope", "reason": "r", "suggestion": "s", "patterns": [], "model_yields_to": ["maybe"]}]})";
    CHECK_FALSE(ToneRules::fromJson(unknown, QStringLiteral("unknown.json")).ok());
}

TEST_CASE("a broken model file is refused with its line", "[tone][model]")
{
    const auto missing = ToneModel::fromText("version\t1\n", QStringLiteral("m.tsv"));
    REQUIRE(!missing.ok());
    CHECK(missing.error().message.contains(QStringLiteral("not a tone model")));
    QByteArray shortWeights = tinyModel(0);
    shortWeights += "f\twplum\t1\t2\n";
    const auto bad = ToneModel::fromText(shortWeights, QStringLiteral("m.tsv"));
    REQUIRE(!bad.ok());
    CHECK(bad.error().message.startsWith(QStringLiteral("m.tsv, line 11:")));
    const auto version = ToneModel::fromText("version\t2\n", QStringLiteral("m.tsv"));
    REQUIRE(!version.ok());
    CHECK(version.error().message.contains(QStringLiteral("version 2")));
    QByteArray wrongOrder = tinyModel(0);
    wrongOrder.replace("threat\tsarcasm", "sarcasm\tthreat");
    CHECK(!ToneModel::fromText(wrongOrder, QStringLiteral("m.tsv")).ok());
}
