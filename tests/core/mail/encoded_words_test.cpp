#include "mail/encoded_words.h"
#include "mail/mime_parser.h"
#include "mail_fixture.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace casebook;

using test::parseFixture;

TEST_CASE("a '='-padded encoded word does not swallow the next one", "[mime]")
{
    CHECK(decodeHeaderWords("=?UTF-8?B?7ZmY67aIIOyalOyyre2VqeuLiOuLpCAoOA==?= =?UTF-8?B?MOqwnCk=?=") ==
          QStringLiteral("환불 요청합니다 (80개)"));
}

TEST_CASE("words split inside a multi-byte character join as bytes", "[mime]")
{
    // "최지우" cut after four of its nine UTF-8 bytes, each half padded.
    CHECK(decodeHeaderWords("=?UTF-8?B?7LWc7A==?=\r\n =?UTF-8?B?p4DsmrA=?=") == QStringLiteral("최지우"));
    // CP949 "요" (0xBF 0xE4) cut between its two bytes.
    CHECK(decodeHeaderWords("=?ks_c_5601-1987?B?sbPIryC/?= =?ks_c_5601-1987?B?5MO7?=") ==
          QStringLiteral("교환 요청"));
}

TEST_CASE("Korean labels read as CP949, Q words with underscores, whitespace rules", "[mime]")
{
    CHECK(decodeHeaderWords("=?ks_c_5601-1987?B?xsS81SCMYyC5rsDH?=") == QStringLiteral("파손 똠 문의"));
    CHECK(decodeHeaderWords("=?EUC-KR?B?uei82yC5rsDH?=") == QStringLiteral("배송 문의"));
    CHECK(decodeHeaderWords("=?euc-kr?Q?=B9=E8=BC=DB_=B9=AE=C0=C7?=") == QStringLiteral("배송 문의"));
    CHECK(decodeHeaderWords("=?UTF-8?Q?Mug_order_=E2=80=93_broken?=") ==
          QStringLiteral("Mug order – broken"));
    // Whitespace between two encoded words goes; a plain word between them stays with its spaces.
    CHECK(decodeHeaderWords("=?UTF-8?Q?a?=   \t=?UTF-8?Q?b?=") == QStringLiteral("ab"));
    CHECK(decodeHeaderWords("=?UTF-8?Q?a?= plain =?UTF-8?Q?b?=") == QStringLiteral("a plain b"));
    CHECK(decodeHeaderWords("Re: =?UTF-8?B?7ZmY67aI?= [#1042]") == QStringLiteral("Re: 환불 [#1042]"));
    // Different charsets side by side are each converted on their own.
    CHECK(decodeHeaderWords("=?UTF-8?B?7ZmY67aI?= =?ks_c_5601-1987?B?jGM=?=") == QStringLiteral("환불똠"));
    // What only looks like an encoded word stays as written; undeclared 8-bit CP949 is read as such.
    CHECK(decodeHeaderWords("=?UTF-8?B?not base64?=") == QStringLiteral("=?UTF-8?B?not base64?="));
    CHECK(decodeHeaderWords(QByteArray("\xb9\xe8\xbc\xdb")) == QStringLiteral("배송"));
}

TEST_CASE("split encoded subjects and names read whole from a Gmail-style mail", "[mime]")
{
    const InboundMessage m = parseFixture("split-encoded-subject.eml");
    CHECK(m.subject == QStringLiteral("환불 요청합니다 (80개)"));
    CHECK(m.fromName == QStringLiteral("최지우"));
    CHECK(m.fromAddress == QStringLiteral("jiwoo.choi@gmail.example"));
    CHECK(m.orderNumbers == QStringList{QStringLiteral("2026120512340000")});
}

TEST_CASE("an Outlook ks_c_5601-1987 subject split inside a syllable keeps its plain word", "[mime]")
{
    const InboundMessage m = parseFixture("split-encoded-ks_c.eml");
    CHECK(m.subject == QStringLiteral("RE: 교환 요청 #2026112700001234 똠양 머그컵 파손"));
    CHECK(m.fromName == QStringLiteral("박 똠순"));
    CHECK(m.text.contains(QStringLiteral("똠양 머그컵이 깨져서 왔습니다.")));
    CHECK(m.orderNumbers.contains(QStringLiteral("2026112700001234")));
}
