#include "mail/html_text.h"
#include "mail/mime_parser.h"
#include "mail/order_numbers.h"
#include "model/sha256.h"
#include "mail_fixture.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace casebook;

using test::parseFixture;

TEST_CASE("UTF-8 mail: encoded-word headers, base64 body, order number", "[mail]")
{
    const InboundMessage m = parseFixture("utf8-base64.eml");
    CHECK(m.fromName == QStringLiteral("김민수"));
    CHECK(m.fromAddress == QStringLiteral("minsu@mail.example"));
    CHECK(m.subject == QStringLiteral("환불 문의드립니다"));
    CHECK(m.externalId == QStringLiteral("utf8-1@mail.example"));
    CHECK(m.text.contains(QStringLiteral("환불을 요청합니다")));
    CHECK(m.orderNumbers == QStringList{QStringLiteral("2026030112345678")});
    CHECK(m.date == QDateTime(QDate(2026, 3, 2), QTime(0, 34, 12), QTimeZone::utc()));
    CHECK(m.rawSha256 == sha256Hex(m.raw));
}

TEST_CASE("EUC-KR mail decodes headers and body", "[mail]")
{
    const InboundMessage m = parseFixture("euc-kr.eml");
    CHECK(m.fromName == QStringLiteral("이영희"));
    CHECK(m.subject == QStringLiteral("배송 문의"));
    CHECK(m.text.contains(QStringLiteral("배송이 언제 되나요?")));
    CHECK(m.orderNumbers.contains(QStringLiteral("27000123456")));
}

TEST_CASE("ks_c_5601-1987 is read as CP949, including syllables EUC-KR lacks", "[mail]")
{
    const InboundMessage m = parseFixture("ks_c_5601-1987.eml");
    CHECK(m.subject == QStringLiteral("파손 똠 문의"));
    CHECK(m.fromName == QStringLiteral("박똠순"));
    CHECK(m.text.contains(QStringLiteral("똠방각하 머그컵이 깨져서 왔어요.")));
    CHECK(m.orderNumbers.contains(QStringLiteral("112-3456789-1234567")));
}

TEST_CASE("HTML-only mail gives readable text and a sanitised HTML body", "[mail]")
{
    const InboundMessage m = parseFixture("html-hostile.eml");
    CHECK(m.text.contains(QStringLiteral("Is the mug dishwasher safe?")));
    CHECK(m.text.contains(QStringLiteral("<3 & thanks")));
    CHECK_FALSE(m.text.contains(QStringLiteral("alert")));
    for (const char* bad : {"script", "alert", "bg.png", "javascript:", "onclick", "<form", "style"})
        CHECK_FALSE(m.html.contains(QLatin1String(bad), Qt::CaseInsensitive));
    // The remote image stays as a bare reference; the viewer blocks it unless the sender is allowed.
    CHECK(m.html.contains(QStringLiteral("<img src=\"http://tracker.example/pixel.gif\">")));
    CHECK(m.html.contains(QStringLiteral("href=\"https://dalbit-shop.example/faq\"")));
}

TEST_CASE("attachments come out decoded with their RFC 2231 names and hashes", "[mail]")
{
    const InboundMessage m = parseFixture("attachment.eml");
    REQUIRE(m.attachments.size() == 1);
    const Attachment& a = m.attachments.first();
    CHECK(a.filename == QStringLiteral("파손 사진.png"));
    CHECK(a.mediaType == QStringLiteral("image/png"));
    CHECK(a.data.startsWith("\x89PNG"));
    CHECK(a.sha256 == sha256Hex(a.data));
    CHECK(m.text.contains(QStringLiteral("arrived broken")));
}

TEST_CASE("bytes that are no mail message are an error, not a crash", "[mail]")
{
    CHECK_FALSE(parseMessage(QByteArray()));
    CHECK_FALSE(parseMessage(test::readFile(test::testData(QStringLiteral("mail/not-a-message.eml")))));
}

TEST_CASE("order numbers need a keyword unless they have Amazon's shape", "[mail]")
{
    CHECK(findOrderNumbers(QStringLiteral("주문번호: 2026030112345678")) == QStringList{QStringLiteral("2026030112345678")});
    CHECK(findOrderNumbers(QStringLiteral("Order #27000123456 arrived")) == QStringList{QStringLiteral("27000123456")});
    CHECK(findOrderNumbers(QStringLiteral("주문 27000123456건")) == QStringList{QStringLiteral("27000123456")});
    CHECK(findOrderNumbers(QStringLiteral("call me at 01012345678")).isEmpty());
    CHECK(findOrderNumbers(QStringLiteral("see 112-3456789-1234567.")) == QStringList{QStringLiteral("112-3456789-1234567")});
}

TEST_CASE("subjects compare without reply prefixes and ticket tags", "[mail]")
{
    CHECK(normalizedSubject(QStringLiteral("Re: RE: Fwd: Mug broken [#1042]")) == QStringLiteral("mug broken"));
    CHECK(normalizedSubject(QStringLiteral("답장: 회신: 환불 문의")) == QStringLiteral("환불 문의"));
    CHECK(normalizedSubject(QStringLiteral("Re[2]: hello")) == QStringLiteral("hello"));
}

TEST_CASE("HTML entities decode, numeric ones too", "[mail]")
{
    CHECK(decodeHtmlEntities(QStringLiteral("&lt;b&gt; &amp;amp; &#54872;&#xBD88;")) == QStringLiteral("<b> &amp; 환불"));
}

TEST_CASE("a body past kMaxBodyBytes is kept to its first bytes with a line saying how much more the raw "
          "holds; the raw is whole",
          "[mail][hostile]")
{
    // 6 MB of Korean text in quoted-printable (each syllable three bytes, each byte =XX): a body no person
    // writes, which the import decoded whole before.
    const QByteArray line = QStringLiteral("택배가 또 파손되어 왔습니다. 환불 부탁드립니다. ").toUtf8();
    QByteArray body;
    while (body.size() < 6 * 1024 * 1024)
        body += line;
    QByteArray qp;
    qp.reserve(body.size() * 3 + body.size() / 20);
    int column = 0;
    for (const char c : body) {
        qp += '=';
        qp += QByteArray::number(static_cast<unsigned char>(c), 16).toUpper().rightJustified(2, '0');
        if ((column += 3) >= 72) {
            qp += "=\r\n";
            column = 0;
        }
    }
    const QByteArray raw = "From: Buyer <buyer@example.net>\r\nTo: help@example.com\r\nSubject: broken\r\n"
                           "Message-ID: <long-body@example.net>\r\nDate: Mon, 07 Dec 2026 10:00:00 +0000\r\n"
                           "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                           "Content-Transfer-Encoding: quoted-printable\r\n\r\n" +
                           qp + "\r\n";
    auto parsed = parseMessage(raw);
    REQUIRE(parsed);
    const InboundMessage& m = parsed.value();
    CHECK(m.raw.size() == raw.size());
    CHECK(m.rawSha256 == sha256Hex(raw));
    CHECK(m.text.startsWith(QString::fromUtf8(line)));
    CHECK(m.text.toUtf8().size() < kMaxBodyBytes + 200);
    CHECK(m.text.endsWith(QStringLiteral("MB more in the original message, kept with the ticket]")));
    CHECK(m.text.contains(QStringLiteral("[… 4.0 MB more")));
    CHECK_FALSE(m.text.contains(QChar::ReplacementCharacter)); // the cut fell inside a syllable
    // A body within the limit is whole, with no such line.
    auto small = parseMessage(raw.left(raw.indexOf("\r\n\r\n") + 4) + qp.left(3000) + "\r\n");
    REQUIRE(small);
    CHECK_FALSE(small->text.contains(QStringLiteral("more in the original message")));
}
