#include "search/fts_tokenizer.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace casebook;

namespace {

QStringList texts(const QString& s)
{
    QStringList out;
    for (const FtsTokenizer::Token& t : FtsTokenizer::tokens(s.toStdString()))
        out << QString::fromStdString(t.text);
    return out;
}

struct Span {
    std::string token;
    int start;
    int end;
};

std::vector<Span> spans(std::string_view utf8)
{
    std::vector<Span> out;
    FtsTokenizer::tokenize(utf8, true, &out, [](void* c, std::string_view t, int s, int e, int) {
        static_cast<std::vector<Span>*>(c)->push_back({std::string(t), s, e});
        return 0;
    });
    return out;
}

} // namespace

TEST_CASE("Hangul runs become overlapping bigrams", "[search][tokenizer]")
{
    CHECK(texts(QStringLiteral("환불을")) == QStringList{QStringLiteral("환불"), QStringLiteral("불을")});
    CHECK(texts(QStringLiteral("환불요청 배송이")) ==
          QStringList{QStringLiteral("환불"), QStringLiteral("불요"), QStringLiteral("요청"),
                      QStringLiteral("배송"), QStringLiteral("송이")});
    const auto single = FtsTokenizer::tokens("꼭 환불");
    REQUIRE(single.size() == 2);
    CHECK(single[0].text == "꼭");
    CHECK(single[0].singleCjk);
    CHECK_FALSE(single[1].singleCjk);
}

TEST_CASE("Han, Kana and Hangul bigram; Latin and digits split from them", "[search][tokenizer]")
{
    CHECK(texts(QStringLiteral("東京都")) == QStringList{QStringLiteral("東京"), QStringLiteral("京都")});
    CHECK(texts(QStringLiteral("カタカナ")) ==
          QStringList{QStringLiteral("カタ"), QStringLiteral("タカ"), QStringLiteral("カナ")});
    CHECK(texts(QStringLiteral("주문번호:123-4567 ABC환불")) ==
          QStringList{QStringLiteral("주문"), QStringLiteral("문번"), QStringLiteral("번호"),
                      QStringLiteral("123"), QStringLiteral("4567"), QStringLiteral("abc"),
                      QStringLiteral("환불")});
}

TEST_CASE("other scripts are case-folded words with Latin diacritics folded", "[search][tokenizer]")
{
    CHECK(texts(QStringLiteral("Refund REQUEST, please!")) ==
          QStringList{QStringLiteral("refund"), QStringLiteral("request"), QStringLiteral("please")});
    CHECK(texts(QStringLiteral("Café CRÈME naïve")) ==
          QStringList{QStringLiteral("cafe"), QStringLiteral("creme"), QStringLiteral("naive")});
    CHECK(texts(QStringLiteral("ΣΟΦΊΑ Привет")) == texts(QStringLiteral("σοφια привет")));
    // Full-width letters are the same word as their ASCII forms.
    CHECK(texts(QStringLiteral("ＲＥＦＵＮＤ")) == QStringList{QStringLiteral("refund")});
    CHECK(texts(QStringLiteral("kim@x.example")) ==
          QStringList{QStringLiteral("kim"), QStringLiteral("x"), QStringLiteral("example")});
}

TEST_CASE("offsets point at the original bytes", "[search][tokenizer]")
{
    const std::string text = "Hi 환불을";
    const auto s = spans(text);
    REQUIRE(s.size() == 4);
    CHECK(s[0].token == "hi");
    CHECK(text.substr(s[0].start, s[0].end - s[0].start) == "Hi");
    CHECK(text.substr(s[1].start, s[1].end - s[1].start) == "환불");
    CHECK(text.substr(s[2].start, s[2].end - s[2].start) == "불을");
    // Documents also index the run's last character alone (colocated), so 을 is found at the run's end.
    CHECK(s[3].token == "을");
}

TEST_CASE("broken UTF-8 and huge words do not break the tokenizer", "[search][tokenizer]")
{
    const auto s = spans(std::string_view("\xff\xfe"
                                          "ab\xe3\x80"
                                          "cd\xed",
                                          9));
    REQUIRE(s.size() == 2);
    CHECK(s[0].token == "ab");
    CHECK(s[1].token == "cd");
    const std::string huge(100000, 'A');
    const auto h = spans(huge);
    REQUIRE(h.size() == 1);
    CHECK(h[0].token.size() <= 128);
    CHECK(spans("").empty());
    CHECK(spans("  ,.!? ").empty());
}
