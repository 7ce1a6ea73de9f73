#include "mail/mime_parser.h"
#include "mail/reply_composer.h"

#include <catch2/catch.hpp>

using namespace casebook;

namespace {

ReplyInput koreanReply()
{
    ReplyInput in;
    in.fromAddress = QStringLiteral("help@shop.example");
    in.fromName = QStringLiteral("행복상점 고객센터");
    in.to = {QStringLiteral("kim@example.test")};
    in.originalSubject = QStringLiteral("RE: 환불 문의드립니다");
    in.ticketNumber = 1042;
    in.inReplyTo = QStringLiteral("q2@example.test");
    in.references = {QStringLiteral("q1@example.test")};
    in.text = QStringLiteral("안녕하세요, 고객님.\n환불은 3일 안에 처리됩니다.\n.\n");
    in.signature = QStringLiteral("행복상점 드림");
    in.date = QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::UTC);
    return in;
}

} // namespace

TEST_CASE("Reply subject: one Re:, the ticket tag once", "[compose][reply]")
{
    CHECK(ReplyComposer::replySubject(QStringLiteral("RE: Re: 환불 문의 [#1042]"), 1042) ==
          QStringLiteral("Re: 환불 문의 [#1042]"));
    CHECK(ReplyComposer::replySubject(QStringLiteral("Where is my order?"), 7) ==
          QStringLiteral("Re: Where is my order? [#7]"));
    CHECK(ReplyComposer::replySubject(QStringLiteral("답장: 배송"), 3) == QStringLiteral("Re: 배송 [#3]"));
}

TEST_CASE("Reply MIME: threading headers, encoded Korean headers, signature, and it reads back the same",
          "[compose][reply]")
{
    auto r = ReplyComposer::compose(koreanReply());
    REQUIRE(r);
    const QByteArray raw = r->raw;
    // 7-bit on the wire: the Korean subject and name are RFC 2047 words, the body is QP or base64.
    for (char ch : raw)
        REQUIRE(static_cast<unsigned char>(ch) < 0x80);
    CHECK(raw.contains("In-Reply-To: <q2@example.test>"));
    CHECK(raw.contains("References: <q1@example.test> <q2@example.test>"));
    CHECK(raw.toLower().contains("=?utf-8?b?"));
    CHECK(raw.contains("\r\n"));
    CHECK(r->messageId.endsWith(QStringLiteral("@shop.example")));
    CHECK((raw.contains("Message-Id: <" + r->messageId.toUtf8() + ">") ||
           raw.contains("Message-ID: <" + r->messageId.toUtf8() + ">")));
    CHECK(r->subject == QStringLiteral("Re: 환불 문의드립니다 [#1042]"));
    CHECK(r->body.endsWith(QStringLiteral("\n-- \n행복상점 드림\n")));

    auto parsed = parseMessage(raw);
    REQUIRE(parsed);
    CHECK(parsed->subject == r->subject);
    CHECK(parsed->fromName == QStringLiteral("행복상점 고객센터"));
    CHECK(parsed->inReplyTo == QStringLiteral("q2@example.test"));
    CHECK(parsed->references ==
          QStringList{QStringLiteral("q1@example.test"), QStringLiteral("q2@example.test")});
    CHECK(parsed->text.contains(QStringLiteral("환불은 3일 안에 처리됩니다.")));
    CHECK(parsed->text.contains(QStringLiteral("행복상점 드림")));
    // Two replies never share a Message-ID.
    CHECK(ReplyComposer::compose(koreanReply())->messageId != r->messageId);
}

TEST_CASE("Reply MIME: attachments ride along with their names", "[compose][reply]")
{
    ReplyInput in = koreanReply();
    in.attachments << ReplyAttachment{QStringLiteral("영수증.pdf"), QStringLiteral("application/pdf"),
                                      QByteArray("%PDF-1.4 fake\n\x01\x02", 16)};
    auto r = ReplyComposer::compose(in);
    REQUIRE(r);
    CHECK(r->raw.contains("multipart/mixed"));
    CHECK(r->raw.contains("application/pdf"));
    auto parsed = parseMessage(r->raw);
    REQUIRE(parsed);
    REQUIRE(parsed->attachments.size() == 1);
    CHECK(parsed->attachments.first().filename == QStringLiteral("영수증.pdf"));
    CHECK(parsed->attachments.first().size == 16);
}

TEST_CASE("Reply MIME: no recipient is an error", "[compose][reply]")
{
    ReplyInput in = koreanReply();
    in.to.clear();
    CHECK_FALSE(ReplyComposer::compose(in));
}
