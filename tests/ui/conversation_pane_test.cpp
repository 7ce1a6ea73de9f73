// The conversation pane's promises about HTML mail: remote images stay blocked until the seller loads
// images from that sender, and the choice is remembered for the sender.
#include "conversation_pane.h"
#include "inbox/ingestor.h"
#include "safe_browser.h"
#include "support/test_support.h"

#include <QBuffer>
#include <QImage>
#include <QSettings>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>
#include <catch2/catch.hpp>

using namespace casebook;

namespace {

// An HTTP server on loopback that answers every request with one PNG and counts the requests.
class ImageServer {
public:
    ImageServer()
    {
        QImage image(4, 4, QImage::Format_RGB32);
        image.fill(Qt::red);
        QBuffer buffer(&m_png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        REQUIRE(m_server.listen(QHostAddress::LocalHost));
        QObject::connect(&m_server, &QTcpServer::newConnection, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                QObject::connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    if (!s->readAll().contains("\r\n\r\n"))
                        return;
                    ++requests;
                    s->write("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nConnection: "
                             "close\r\nContent-Length: " +
                             QByteArray::number(m_png.size()) + "\r\n\r\n" + m_png);
                    s->disconnectFromHost();
                });
                QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    QString url(const QString& path) const
    {
        return QStringLiteral("http://127.0.0.1:%1/%2").arg(m_server.serverPort()).arg(path);
    }
    int requests = 0;

private:
    QTcpServer m_server;
    QByteArray m_png;
};

QByteArray htmlMail(const QString& from, const QString& messageId, const QString& imageUrl)
{
    return QStringLiteral("From: %1\r\nTo: help@dalbit-shop.example\r\nSubject: 사진 확인 부탁드려요\r\n"
                          "Date: Fri, 06 Mar 2026 08:00:00 +0000\r\nMessage-ID: <%2>\r\nMIME-Version: 1.0\r\n"
                          "Content-Type: text/html; charset=UTF-8\r\n\r\n"
                          "<p>파손된 부분 사진입니다</p><img src=\"%3\" onerror=\"evil()\">\r\n")
        .arg(from, messageId, imageUrl)
        .toUtf8();
}

} // namespace

TEST_CASE("remote images load only from senders the seller allowed, and the choice is remembered",
          "[ui][conversation]")
{
    test::TempStore store;
    ImageServer server;
    // A sender no other run has allowed (the settings persist between runs).
    const QString sender =
        QStringLiteral("buyer-%1@mail.example").arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
    Ingestor ingestor(*store.db, IngestOptions{{QStringLiteral("help@dalbit-shop.example")}});
    auto in = ingestor.ingestMail(htmlMail(sender, QStringLiteral("img-1@mail.example"), server.url("a.png")),
                                  QStringLiteral("test"), {});
    REQUIRE(in);

    ui::ConversationPane pane(*store.db, store.clock);
    pane.resize(700, 500);
    pane.show();
    REQUIRE(QTest::qWaitForWindowExposed(&pane));
    pane.showTicket(in->ticketId);
    CHECK(pane.plainText().contains(QStringLiteral("파손된 부분 사진입니다")));
    CHECK(pane.plainText().contains(QStringLiteral("Load images from this sender")));
    QTest::qWait(300);
    CHECK(server.requests == 0); // blocked: not one request
    CHECK(pane.browser()->imagesLoaded() == 0);

    // The link the seller clicks.
    Q_EMIT pane.browser()->anchorClicked(
        QUrl(QStringLiteral("images:") + QString::fromLatin1(QUrl::toPercentEncoding(sender))));
    CHECK(ui::ConversationPane::imagesAllowedFrom(sender));
    CHECK(QTest::qWaitFor([&] { return pane.browser()->imagesLoaded() == 1; }, 10000));
    CHECK(server.requests == 1);
    CHECK_FALSE(pane.plainText().contains(QStringLiteral("Load images from this sender")));

    // Remembered: another pane shows the sender's next mail with its images; another sender stays blocked.
    auto next =
        ingestor.ingestMail(htmlMail(sender, QStringLiteral("img-2@mail.example"), server.url("b.png")),
                            QStringLiteral("test"), {});
    REQUIRE(next);
    ui::ConversationPane again(*store.db, store.clock);
    again.show();
    again.showTicket(next->ticketId);
    CHECK(QTest::qWaitFor([&] { return again.browser()->imagesLoaded() >= 1; }, 10000));
    auto stranger = ingestor.ingestMail(htmlMail(QStringLiteral("stranger@mail.example"),
                                                 QStringLiteral("img-3@mail.example"), server.url("c.png")),
                                        QStringLiteral("test"), {});
    REQUIRE(stranger);
    const int before = server.requests;
    again.showTicket(stranger->ticketId);
    QTest::qWait(300);
    CHECK(server.requests == before);
    CHECK(again.plainText().contains(QStringLiteral("Load images from this sender")));

    QSettings().remove(QStringLiteral("Privacy/remoteImagesFrom"));
}

TEST_CASE("deeply nested HTML is shown as plain text, within the limits the text engine lays out quickly",
          "[ui][conversation][hostile]")
{
    test::TempStore store;
    Ingestor ingestor(*store.db, IngestOptions{{QStringLiteral("help@dalbit-shop.example")}});
    const auto nested = [](const QString& open, const QString& close, int n) {
        return open.repeated(n) + QStringLiteral("환불 요청합니다") + close.repeated(n);
    };
    ui::ConversationPane pane(*store.db, store.clock);
    pane.resize(700, 500);
    pane.show();
    int i = 0;
    // 30 nested tables never finished laying out, 20,000 crashed the window, and 50,000 nested lists hung.
    for (const QString& body : {nested(QStringLiteral("<table><tr><td>"), QStringLiteral("</td></tr></table>"), 30),
                                nested(QStringLiteral("<table><tr><td>"), QString(), 20000),
                                nested(QStringLiteral("<ul><li>"), QStringLiteral("</li></ul>"), 50000),
                                QStringLiteral("<p>환불 요청합니다</p>") +
                                    QStringLiteral("<img src=\"https://cdn.example/x.png\">").repeated(100000)}) {
        const QByteArray mail =
            QStringLiteral("From: buyer@mail.example\r\nTo: help@dalbit-shop.example\r\nSubject: nested %1\r\n"
                           "Date: Fri, 06 Mar 2026 08:00:00 +0000\r\nMessage-ID: <nested-%1@mail.example>\r\n"
                           "MIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n")
                .arg(++i)
                .toUtf8() +
            body.toUtf8() + "\r\n";
        auto in = ingestor.ingestMail(mail, QStringLiteral("test"), {});
        REQUIRE(in);
        pane.showTicket(in->ticketId);
        INFO("mail " << i);
        CHECK(pane.plainText().contains(QStringLiteral("환불 요청합니다")));
        CHECK(pane.plainText().contains(QStringLiteral("too complex to display")));
    }

    // Within the limits, HTML is shown as HTML: tables nested as deep as newsletters nest them.
    auto fine = ingestor.ingestMail(
        QByteArrayLiteral("From: shop@news.example\r\nTo: help@dalbit-shop.example\r\nSubject: news\r\n"
                          "Date: Fri, 06 Mar 2026 08:00:00 +0000\r\nMessage-ID: <news@news.example>\r\n"
                          "MIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n") +
            nested(QStringLiteral("<table><tr><td>"), QStringLiteral("</td></tr></table>"), 6).toUtf8(),
        QStringLiteral("test"), {});
    REQUIRE(fine);
    pane.showTicket(fine->ticketId);
    CHECK(pane.plainText().contains(QStringLiteral("환불 요청합니다")));
    CHECK_FALSE(pane.plainText().contains(QStringLiteral("too complex to display")));
}
