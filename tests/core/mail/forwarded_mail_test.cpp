#include "mail/forwarded_mail.h"
#include "mail/mime_parser.h"
#include "mail_fixture.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace casebook;

using test::parseFixture;

TEST_CASE("a mail forwarded as message/rfc822 shows in the text and stays attached as .eml", "[mime]")
{
    const InboundMessage m = parseFixture("forward-attached-rfc822.eml");
    CHECK(m.subject == QStringLiteral("Fwd: 주문 취소 요청드립니다"));
    CHECK(m.fromAddress == QStringLiteral("dalbit.owner@naver.example"));
    CHECK(m.forwardedFromAddress == QStringLiteral("seojun.park@daum.example"));
    CHECK(m.forwardedFromName == QStringLiteral("박서준"));
    // The forwarder's note first, then the forwarded mail under its marked header block.
    CHECK(m.text.startsWith(QStringLiteral("고객 취소 요청 메일 전달합니다.")));
    CHECK(m.text.contains(QStringLiteral("---------- Forwarded message ----------\n"
                                         "From: 박서준 <seojun.park@daum.example>\n"
                                         "Date: Thu, 3 Dec 2026 14:22:05 +0900\n"
                                         "Subject: 주문 취소 요청드립니다 (달항아리 머그)\n"
                                         "To: dalbit.owner@naver.example\n")));
    CHECK(m.text.contains(QStringLiteral("주문번호: 2026120399990000")));
    CHECK(m.orderNumbers.contains(QStringLiteral("2026120399990000")));
    REQUIRE(m.attachments.size() == 1);
    CHECK(m.attachments[0].mediaType == QStringLiteral("message/rfc822"));
    CHECK(m.attachments[0].filename == QStringLiteral("주문 취소 요청드립니다.eml"));
    CHECK(m.attachments[0].data.contains("Message-ID: <20261203142205.Horde.seojun01@daum.example>"));
    CHECK(m.attachments[0].size == m.attachments[0].data.size());
}

TEST_CASE("a Gmail inline forward in Korean names the original sender", "[mime]")
{
    const InboundMessage m = parseFixture("forward-inline-ko.eml");
    CHECK(m.subject == QStringLiteral("Fwd: 배송지 변경 부탁드립니다"));
    CHECK(m.forwardedFromAddress == QStringLiteral("yerin.han@kakao.example"));
    CHECK(m.forwardedFromName == QStringLiteral("한예린"));
    CHECK(m.orderNumbers.contains(QStringLiteral("2026120411110000")));
}

TEST_CASE("an Outlook FW: in ks_c_5601-1987 names the original sender", "[mime]")
{
    const InboundMessage m = parseFixture("forward-outlook-ko.eml");
    CHECK(m.subject == QStringLiteral("FW: 린넨 셔츠 사이즈 교환"));
    CHECK(m.fromName == QStringLiteral("달빛공방 고객센터"));
    CHECK(m.forwardedFromAddress == QStringLiteral("minho.jung@hanmail.example"));
    CHECK(m.forwardedFromName == QStringLiteral("정민호"));
    CHECK(m.text.contains(QStringLiteral("똠방 색상")));
}

TEST_CASE("inline forward blocks of the common mailers, and replies that only quote", "[mime]")
{
    const auto sender = [](const char* text) {
        const auto h = inlineForwardSender(QString::fromUtf8(text));
        return h ? h->fromName + QLatin1Char('|') + h->fromAddress : QStringLiteral("none");
    };
    CHECK(sender("hi\n\n---------- Forwarded message ---------\nFrom: Rachel Green <rachel@mail.example>\n"
                 "Date: Mon, Mar 2, 2026 at 9:00 AM\n") ==
          QStringLiteral("Rachel Green|rachel@mail.example"));
    CHECK(sender("-----Original Message-----\nFrom: \"박서준\"<seojun@naver.example>\nTo: <a@b.example>\n") ==
          QStringLiteral("박서준|seojun@naver.example"));
    CHECK(
        sender(
            "-----Original Message-----\nFrom: Kim, Minsu [mailto:Minsu.Kim@Corp.example]\nSent: Monday\n") ==
        QStringLiteral("Kim, Minsu|minsu.kim@corp.example"));
    CHECK(sender("Begin forwarded message:\n\n> From: Apple User <apple@icloud.example>\n") ==
          QStringLiteral("Apple User|apple@icloud.example"));
    CHECK(sender("________________________________\n보낸 사람: 이영희 <yh@daum.example>\n") ==
          QStringLiteral("이영희|yh@daum.example"));
    CHECK(sender("no forward here\nFrom: someone@else.example\n") == QStringLiteral("none"));

    CHECK(isForwardSubject(QStringLiteral("Fwd: 주문")));
    CHECK(isForwardSubject(QStringLiteral("FW: order")));
    CHECK(isForwardSubject(QStringLiteral("전달: 주문")));
    CHECK_FALSE(isForwardSubject(QStringLiteral("RE: 주문")));
    CHECK_FALSE(isForwardSubject(QStringLiteral("회신: 주문")));
}

TEST_CASE("a reply that quotes the customer's mail under Original Message names no forwarded sender",
          "[mime]")
{
    const QByteArray reply =
        "From: help@dalbit-shop.example\nTo: minho@hanmail.example\nSubject: RE: 교환\n"
        "Date: Wed, 2 Dec 2026 10:00:00 +0900\nContent-Type: text/plain; charset=UTF-8\n\n"
        "접수했습니다.\n\n-----Original Message-----\nFrom: 정민호 <minho@hanmail.example>\n";
    auto m = parseMessage(reply);
    REQUIRE(m);
    CHECK(m->forwardedFromAddress.isEmpty());
}
