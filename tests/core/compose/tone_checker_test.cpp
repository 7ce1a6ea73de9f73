#include "compose/template_library.h"
#include "compose/template_renderer.h"
#include "compose/tone_checker.h"
#include "support/test_support.h"

using namespace casebook;

namespace {

const ToneChecker& checker()
{
    static const ToneChecker c = [] {
        auto r = ToneChecker::builtin();
        if (!r)
            FAIL(r.error().message.toStdString());
        return r.value();
    }();
    return c;
}

QStringList categoriesOf(const QString& text, const QString& lang = {})
{
    QStringList out;
    for (const ToneFinding& f : checker().check(text, lang))
        out << f.category;
    return out;
}

// A checker with only the Korean rules of `json`.
ToneChecker koreanChecker(const QByteArray& json, const QString& origin)
{
    auto rules = ToneRules::fromJson(json, origin);
    if (!rules)
        FAIL(rules.error().message.toStdString());
    ToneChecker custom;
    custom.setRules(QStringLiteral("ko"), rules.value());
    return custom;
}

// Each finding in a Korean text, as "category:passage", or the category alone.
QStringList findingsIn(const ToneChecker& custom, const char* text, bool withPassage = true)
{
    QStringList out;
    for (const ToneFinding& f : custom.check(QString::fromUtf8(text), QStringLiteral("ko")))
        out << (withPassage ? f.category + QLatin1Char(':') + f.text : f.category);
    return out;
}

} // namespace

TEST_CASE("spans are in code points, so an emoji before a finding counts once", "[tone]")
{
    const QString text = QStringLiteral("😀😀 계속 이러시면 법적 조치를 취하겠습니다.");
    const auto findings = checker().check(text, QStringLiteral("ko"));
    REQUIRE(findings.size() == 1);
    const ToneFinding& f = findings.first();
    CHECK(f.category == QLatin1String("threat"));
    CHECK(f.text == QStringLiteral("법적 조치"));
    const QList<uint> points = text.toUcs4();
    CHECK(QString::fromUcs4(reinterpret_cast<const char32_t*>(points.constData()) + f.start,
                            f.end - f.start) == f.text);
    CHECK(f.start == 11);
    CHECK_FALSE(f.reason.isEmpty());
    CHECK_FALSE(f.suggestion.isEmpty());
}

TEST_CASE("a date promise is found, a range with a caveat and our own reply time are not", "[tone]")
{
    CHECK(categoriesOf(QStringLiteral("It arrives tomorrow for sure.")) ==
          QStringList{QStringLiteral("date_promise")});
    CHECK(categoriesOf(QStringLiteral("내일 무조건 도착합니다.")) ==
          QStringList{QStringLiteral("date_promise")});
    CHECK(
        categoriesOf(QStringLiteral("It usually arrives in 2-3 days, though carriers can vary.")).isEmpty());
    CHECK(categoriesOf(QStringLiteral("보통 2~3일 안에 도착하며, 택배사 사정에 따라 달라질 수 있습니다."))
              .isEmpty());
    CHECK(categoriesOf(QStringLiteral("We will reply by 5 pm today.")).isEmpty());
    CHECK(categoriesOf(QStringLiteral("오늘 오후 5시까지 꼭 답변드리겠습니다.")).isEmpty());
}

TEST_CASE("exceptions: saying it is not the customer's fault is not blame", "[tone]")
{
    CHECK(categoriesOf(QStringLiteral("This is not your fault at all.")).isEmpty());
    CHECK(categoriesOf(QStringLiteral("This is your fault.")) == QStringList{QStringLiteral("blame")});
    CHECK(categoriesOf(QStringLiteral("고객님의 잘못이 아닙니다.")).isEmpty());
    CHECK(categoriesOf(QStringLiteral("고객님 잘못입니다.")) == QStringList{QStringLiteral("blame")});
}

TEST_CASE("informal: shouting, runs of marks, 반말 and ㅋㅋ", "[tone]")
{
    // Shouted, and a bare refusal with neither reason nor next step.
    CHECK(categoriesOf(QStringLiteral("WE DO NOT ACCEPT RETURNS.")) ==
          (QStringList{QStringLiteral("curt_refusal"), QStringLiteral("informal")}));
    CHECK(categoriesOf(QStringLiteral("Please check the USPS page.")).isEmpty());
    CHECK(categoriesOf(QStringLiteral("Why???")) == QStringList{QStringLiteral("informal")});
    CHECK(categoriesOf(QStringLiteral("이미 보냈어.")) == QStringList{QStringLiteral("informal")});
    CHECK(categoriesOf(QStringLiteral("이미 보냈어요.")).isEmpty());
    CHECK(categoriesOf(QStringLiteral("확인했습니다 ㅋㅋ")) == QStringList{QStringLiteral("informal")});
    // An exception of the 반말-ending pattern (a polite "주세요") must not cancel the category's other
    // patterns.
    CHECK(categoriesOf(QStringLiteral("빨리 확인해 주세요!!")) == QStringList{QStringLiteral("informal")});
}

TEST_CASE("the language is detected, and a text is checked with its own language's rules", "[tone]")
{
    CHECK(ToneChecker::detectLanguage(QStringLiteral("배송 문의 드립니다. Order 12345")) ==
          QLatin1String("ko"));
    CHECK(ToneChecker::detectLanguage(QStringLiteral("Where is my order?")) == QLatin1String("en"));
    CHECK(categoriesOf(QStringLiteral("리뷰 지워 주시면 환불해 드릴게요."), QStringLiteral("auto")) ==
          QStringList{QStringLiteral("policy")});
    CHECK(checker().check(QStringLiteral("anything at all"), QStringLiteral("fr")).isEmpty());
}

TEST_CASE("rules are data: a custom rule file is read, and a broken one is refused with its place", "[tone]")
{
    const QByteArray json = R"({"language":"en","version":7,"categories":[{"category":"policy","reason":"r",
        "suggestion":"s","patterns":["\\bpaypal\\s+me\\b"],"exceptions":[],"sentence_exceptions":["never"]}]})";
    auto rules = ToneRules::fromJson(json, QStringLiteral("custom.json"));
    REQUIRE(rules.ok());
    CHECK(rules->version == 7);
    ToneChecker custom;
    custom.setRules(QStringLiteral("en"), rules.value());
    const auto found = custom.check(QStringLiteral("Just PayPal me the rest."), QStringLiteral("en"));
    REQUIRE(found.size() == 1);
    CHECK(found.first().text == QStringLiteral("PayPal me"));
    CHECK(custom.check(QStringLiteral("Never PayPal me."), QStringLiteral("en")).isEmpty());

    auto bad = ToneRules::fromJson(R"({"categories":[{"category":"threat","reason":"r","suggestion":"s",
        "patterns":["(unclosed"]}]})",
                                   QStringLiteral("bad.json"));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.contains(QStringLiteral("bad.json")));
    CHECK(bad.error().message.contains(QStringLiteral("(unclosed")));
    auto unknown = ToneRules::fromJson(
        R"({"categories":[{"category":"rude","reason":"r","suggestion":"s"}]})", QStringLiteral("u.json"));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message.contains(QStringLiteral("rude")));
}

TEST_CASE("rules are patterns with variants: defines, free Korean spacing, a trigger beside its object",
          "[tone]")
{
    // The lookbehind keeps its fixed length (spacing is not relaxed inside it), so the file compiles.
    const QByteArray json = R"json({"language":"ko","flexible_spacing":true,
        "defines":{"legal":"법적\\s*조치|고소","act":"하겠|할게|진행"},
        "categories":[
         {"category":"threat","reason":"r","suggestion":"s",
          "patterns":[{"pattern":"(?<hit>{{legal}})","with":["{{act}}"],"unless":["하시면"]},"(?<!그냥)두고\\s*보"]},
         {"category":"profanity","reason":"r","suggestion":"s","flexible_spacing":false,
          "patterns":["개판"]}]})json";
    const ToneChecker custom = koreanChecker(json, QStringLiteral("variants.json"));
    const auto ko = [&](const char* text) { return findingsIn(custom, text); };
    // Spacing between syllables is free ("고 소"), the span is the trigger, the object may come first.
    CHECK(ko("법적조치 하겠습니다.") == QStringList{QStringLiteral("threat:법적조치")});
    CHECK(ko("진행 중인 건은 고 소 하겠습니다.") == QStringList{QStringLiteral("threat:고 소")});
    CHECK(ko("법적 조치가 필요하시면 안내드립니다.").isEmpty()); // unless: the customer's step
    CHECK(ko("법적 조치 안내문입니다.").isEmpty());              // with: no intent, no finding
    CHECK(ko("두고 보겠습니다.") == QStringList{QStringLiteral("threat:두고 보")});
    // A category can keep spacing exact: "3개 판매" is not "개판".
    CHECK(ko("3개 판매 중입니다.").isEmpty());
    CHECK(ko("완전 개판이네요.") == QStringList{QStringLiteral("profanity:개판")});

    auto loop = ToneRules::fromJson(R"({"defines":{"a":"{{b}}","b":"{{a}}"},"categories":[
        {"category":"threat","reason":"r","suggestion":"s","patterns":["{{a}}"]}]})",
                                    QStringLiteral("loop.json"));
    REQUIRE_FALSE(loop.ok());
    CHECK(loop.error().message.contains(QStringLiteral("loop")));
    auto missing = ToneRules::fromJson(R"({"categories":[
        {"category":"threat","reason":"r","suggestion":"s","patterns":["{{nowhere}}"]}]})",
                                       QStringLiteral("m.json"));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.contains(QStringLiteral("{{nowhere}}")));
}

TEST_CASE("a Korean stem in a rule matches its inflected forms", "[tone]")
{
    const QByteArray json = R"json({"language":"ko","flexible_spacing":true,"categories":[
         {"category":"threat","reason":"r","suggestion":"s",
          "patterns":["(?:{{~고소하}}|{{~넘어가}})\\s*(?:겠|거|겁|습니다|니다|지\\s*않)"]},
         {"category":"policy","reason":"r","suggestion":"s","patterns":["리뷰\\s*(?:를)?\\s*{{~지우}}"]},
         {"category":"blame","reason":"r","suggestion":"s","patterns":["{{~받}}지\\s*않"]}]})json";
    const ToneChecker custom = koreanChecker(json, QStringLiteral("stems.json"));
    const auto ko = [&](const char* text) { return findingsIn(custom, text, false); };
    const QStringList threat{QStringLiteral("threat")};
    // The ending's final consonant (할, 합), the contracted vowel (해, 했) and free spacing before the
    // ending.
    for (const char* text : {"고소하겠습니다.", "고소할 겁니다.", "고소합니다.", "고소 하겠습니다.",
                             "고소했습니다.", "그냥 넘어가지 않습니다.", "이번엔 안 넘어갑니다."})
        CHECK(ko(text) == threat);
    // 고소한 맛 is a taste: the stem matches, the ending does not follow.
    CHECK(ko("고소한 맛이 납니다.").isEmpty());
    CHECK(ko("리뷰를 지워 주세요.") == QStringList{QStringLiteral("policy")});
    CHECK(ko("리뷰 지웠어요?") == QStringList{QStringLiteral("policy")});
    CHECK(ko("리뷰 지운 거 맞죠?") == QStringList{QStringLiteral("policy")});
    // A closed last syllable takes any ending as it is.
    CHECK(ko("택배를 받지 않으셨나요?") == QStringList{QStringLiteral("blame")});
}

TEST_CASE("the customer's words quoted back, curly apostrophes and abbreviations", "[tone]")
{
    // Quoted: the customer's words, not the seller's tone; the seller's own words around them still count.
    CHECK(categoriesOf(QStringLiteral("You wrote \"I'll sue you\", and we understand you're upset."))
              .isEmpty());
    CHECK(categoriesOf(QStringLiteral("고객님이 “고소하겠다”고 하신 부분은 마켓 절차로 안내드리겠습니다."))
              .isEmpty());
    CHECK(categoriesOf(QStringLiteral("You said \"fine\", so we will sue."))
              .contains(QStringLiteral("threat")));
    // Korean quotes speech in single quotes as well; the same words unquoted are the seller's.
    CHECK(categoriesOf(QStringLiteral("말씀하신 '환불 안 해주면 신고하겠다'는 부분과 별개로, 환불은 이미 "
                                      "접수되었습니다."))
              .isEmpty());
    CHECK(
        categoriesOf(QStringLiteral("환불 안 해주시면 신고하겠습니다.")).contains(QStringLiteral("threat")));
    // In English a single-quoted word is as often the seller's own scare quote: it still counts.
    CHECK(categoriesOf(QStringLiteral("Sure, your 'damn' parcel is on its way."))
              .contains(QStringLiteral("profanity")));
    // A typographic apostrophe is an apostrophe.
    CHECK(categoriesOf(QStringLiteral("You’ll regret this.")) == QStringList{QStringLiteral("threat")});
    // "e.g." does not end the sentence, so the next word is not a lower-case start.
    CHECK(categoriesOf(QStringLiteral("Send a photo of the label, e.g. the barcode side.")).isEmpty());
    CHECK(categoriesOf(QStringLiteral("yeah it shipped.")) == QStringList{QStringLiteral("informal")});
}

TEST_CASE("structure hints are advice, never findings", "[tone]")
{
    const QString bare = QStringLiteral("Refund done.");
    CHECK(checker().check(bare).isEmpty());
    QStringList parts;
    for (const StructureHint& h : checker().structureHints(bare))
        parts << h.part;
    CHECK(parts ==
          QStringList{QStringLiteral("apology"), QStringLiteral("explanation"), QStringLiteral("next_step")});
    const QString full =
        QStringLiteral("I'm sorry for the delay. We checked with the carrier, and we'll resend it today.");
    CHECK(checker().structureHints(full).isEmpty());
    CHECK(checker()
              .structureHints(QStringLiteral("불편을 드려 죄송합니다. 확인해 보니 누락이 맞습니다. 오늘 보내 "
                                             "드리겠습니다."))
              .isEmpty());
}

TEST_CASE("every built-in template passes the tone check with zero findings", "[tone][templates]")
{
    auto builtins = TemplateLibrary::builtins();
    REQUIRE(builtins.ok());
    // Sample values as a seller would fill them, so the rendered text is checked too, not only the skeleton.
    PlaceholderValues values;
    for (const ReplyTemplate& t : builtins.value())
        for (const QString& text : {t.body, t.plainBody})
            for (const QString& name : TemplateRenderer::placeholders(text))
                values.insert(name, t.language == QLatin1String("ko") ? QStringLiteral("홍길동")
                                                                      : QStringLiteral("Alex"));
    values.insert(QStringLiteral("shipping_days"), QStringLiteral("2~3"));
    values.insert(QStringLiteral("delivery_days"), QStringLiteral("7~14"));
    values.insert(QStringLiteral("order_number"), QStringLiteral("20261123-000123"));
    for (const ReplyTemplate& t : builtins.value()) {
        for (const QString& text : {t.body, t.plainBody}) {
            auto rendered = TemplateRenderer::render(text, values);
            REQUIRE(rendered.ok());
            for (const QString& candidate : {text, rendered.value()}) {
                const auto findings = checker().check(candidate, t.language);
                QStringList described;
                for (const ToneFinding& f : findings)
                    described << f.category + QStringLiteral(": ") + f.text;
                INFO(t.id.toStdString() << "\n"
                                        << candidate.toStdString() << "\n"
                                        << described.join(QLatin1Char('\n')).toStdString());
                CHECK(findings.isEmpty());
            }
        }
    }
}

TEST_CASE("sending: clean goes, findings ask, a policy finding on a marketplace blocks", "[tone]")
{
    const auto policy = checker().check(QStringLiteral("Add me on KakaoTalk and we'll sort it out."));
    REQUIRE(categoriesOf(QStringLiteral("Add me on KakaoTalk and we'll sort it out.")) ==
            QStringList{QStringLiteral("policy")});
    CHECK(sendVerdict(policy, Channel::Coupang) == SendVerdict::Blocked);
    CHECK(sendVerdict(policy, Channel::Naver) == SendVerdict::Blocked);
    CHECK(sendVerdict(policy, Channel::Email) == SendVerdict::Confirm);
    CHECK(sendVerdict(checker().check(QStringLiteral("lol ok")), Channel::Coupang) == SendVerdict::Confirm);
    CHECK(sendVerdict({}, Channel::Coupang) == SendVerdict::Send);
}

TEST_CASE("tone, second round: help is not a threat, a decision is not a maybe, and what sellers got wrong",
          "[tone]")
{
    // Each sentence from the trial, with exactly the categories it must get.
    const std::pair<const char*, QStringList> cases[] = {
        // Offering the customer a police report, a carrier claim or mediation is help.
        {"분실 확인을 위해 경찰서 신고 접수증이 필요하시면 말씀해 주세요.", {}},
        {"택배사 분실 신고 접수는 저희가 대신 진행해 드리겠습니다.", {}},
        {"If you need a police report number for the lost parcel, we can send you the tracking record.", {}},
        {"We can help you file a claim with the carrier.", {}},
        {"We are happy to make an exception this time and refund the shipping fee.", {}},
        // The seller announcing a report against the customer stays a threat.
        {"계속 이러시면 경찰에 신고하겠습니다.", {QStringLiteral("threat")}},
        {"We will report you to the police.", {QStringLiteral("threat")}},
        // Misses of the first round.
        {"그걸 왜 저한테 물어보세요.", {QStringLiteral("blame")}},
        {"As clearly stated in our policy, which you apparently didn't read, returns take 5 days.",
         {QStringLiteral("blame")}},
        {"Stop lying to us.", {QStringLiteral("blame")}},
        {"People like you are the reason small shops close.", {QStringLiteral("blame")}},
        {"걱정 마세요, 100% 보상해 드립니다.", {QStringLiteral("over_promise")}},
        {"Don't worry, we'll cover everything 100%.", {QStringLiteral("over_promise")}},
        {"내일까지 무조건 환불해 드리겠습니다.", {QStringLiteral("over_promise")}},
        {"No refunds. Period.", {QStringLiteral("curt_refusal")}},
        {"단순 변심은 반품 불가입니다. 알아서 하세요.", {QStringLiteral("policy"), QStringLiteral("curt_refusal")}},
        // A refusal with its reason and a next step is firm, not curt; past 7 days the law allows it.
        {"사용하신 상품이라 반품은 어렵습니다. 대신 부분 환불을 안내드릴 수 있습니다.", {}},
        {"수령 후 7일이 지나 단순 변심 반품은 어렵습니다. 불량이라면 사진을 보내 주세요.", {}},
        {"We can't accept returns of worn items, but we can offer an exchange for another size.", {}},
        {"This shirt is 100% cotton.", {}},
    };
    for (const auto& [text, expected] : cases) {
        INFO(text);
        QStringList got = categoriesOf(QString::fromUtf8(text));
        got.removeDuplicates();
        QStringList want = expected;
        got.sort();
        want.sort();
        CHECK(got == want);
    }
}

// Issue 20's seventh round: a sentence that is nothing but a dismissal shuts the door as a bare "no" does; the
// same words with a next step beside them do not.
TEST_CASE("a dismissal as the whole sentence is a curt refusal, with a next step it is not", "[tone]")
{
    for (const char* text : {"Whatever.", "Not interested.", "Ask eBay.", "Take it up with the courier.",
                             "I'm done talking.", "Again: no.", "그건 택배사랑 얘기하세요.", "네이버에 문의하시든가요.",
                             "안 된다면 안 되는 겁니다."}) {
        INFO(text);
        CHECK(categoriesOf(QString::fromUtf8(text)).contains(QStringLiteral("curt_refusal")));
    }
    for (const char* text : {"Ask eBay to look at the case, and I'll send them the tracking history today.",
                             "I'm done with the refund: it went back to your card this morning.",
                             "택배사에 문의하시면 조사 접수 번호를 바로 받으실 수 있고, 저희도 함께 확인하겠습니다."}) {
        INFO(text);
        CHECK_FALSE(categoriesOf(QString::fromUtf8(text)).contains(QStringLiteral("curt_refusal")));
    }
}

TEST_CASE("a finding carries its sentence and a rewrite, which replaces just that sentence", "[tone]")
{
    const QString text = QStringLiteral("주문 확인했습니다. 걱정 마세요, 100% 보상해 드립니다. 감사합니다.");
    const auto findings = checker().check(text, QStringLiteral("ko"));
    REQUIRE(findings.size() == 1);
    const ToneFinding& f = findings.first();
    CHECK(text.mid(f.sentenceStart, f.sentenceEnd - f.sentenceStart) == QStringLiteral("걱정 마세요, 100% 보상해 드립니다."));
    CHECK_FALSE(f.rewrite.isEmpty());
    const QString rewritten = applyRewrites(text, findings);
    CHECK(rewritten == QStringLiteral("주문 확인했습니다. ") + f.rewrite + QStringLiteral(" 감사합니다."));
    CHECK(checker().check(rewritten, QStringLiteral("ko")).isEmpty());
    CHECK(toJson(f).value(QStringLiteral("rewrite")).toString() == f.rewrite);
    // Every category of the built-in rules offers a rewrite, in both languages, and each passes the check.
    for (const QString& lang : {QStringLiteral("ko"), QStringLiteral("en")}) {
        auto rules = ToneRules::builtin(lang);
        REQUIRE(rules);
        for (const ToneCategoryRules& c : rules->categories) {
            INFO(lang.toStdString() + " " + c.category.toStdString());
            CHECK_FALSE(c.rewrite.isEmpty());
            CHECK(checker().check(c.rewrite, lang).isEmpty());
        }
    }
}

TEST_CASE("the tone check reads a bounded text in bounded sentences", "[tone]")
{
    // A page with no full stop is read in pieces, so a finding deep inside it is still found, in place.
    QString flood;
    for (int i = 0; i < 400; ++i)
        flood += QStringLiteral("배송 안내드립니다 ");
    const QString text = flood + QStringLiteral("계속 이러시면 법적 조치를 취하겠습니다 ") + flood;
    const auto findings = checker().check(text, QStringLiteral("ko"));
    REQUIRE(findings.size() == 1);
    CHECK(findings.first().text == QStringLiteral("법적 조치"));
    CHECK(text.mid(findings.first().start, 5) == QStringLiteral("법적 조치"));
    // Past the cap nothing is read, and the caller can tell.
    QString huge;
    while (huge.size() <= ToneChecker::kMaxCheckedChars)
        huge += QStringLiteral("Thanks for waiting. ");
    huge += QStringLiteral("We will sue you.");
    CHECK(ToneChecker::isTruncated(huge));
    CHECK(checker().check(huge, QStringLiteral("en")).isEmpty());
    CHECK_FALSE(ToneChecker::isTruncated(QStringLiteral("We will sue you.")));
}
