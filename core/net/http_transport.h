// The seam under the marketplace connectors, as LineTransport is for IMAP and SMTP: connectors and the
// Naver token source only see HttpTransport, so tests can answer them in-process (a scripted fake that
// records each request) as well as with the fake servers over a socket. The real one is QtHttpTransport.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <memory>

namespace casebook {

struct HttpRequest {
    QByteArray method = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int timeoutMs = 30000;

    QByteArray header(const QByteArray& name) const;
};

struct HttpReply {
    int status = 0; // 0 when no answer came (see error)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString error; // a network failure (refused, timed out); empty when the server answered

    bool answered() const { return status > 0; }
    QByteArray header(const QByteArray& name) const;
};

class HttpTransport {
public:
    virtual ~HttpTransport() = default;
    // One request, answered or failed, on the calling thread (which may have no event loop of its own).
    // Never throws: a network failure is a reply with status 0 and `error`.
    virtual HttpReply exchange(const HttpRequest& request) = 0;
};

// Over the network with Qt: a QNetworkAccessManager of its own per request and a local event loop, so it
// is safe from any worker thread. Holds no state: one instance may serve every connector.
class QtHttpTransport final : public HttpTransport {
public:
    HttpReply exchange(const HttpRequest& request) override;
};

// The process's QtHttpTransport: what a connector uses when it is given none.
std::shared_ptr<HttpTransport> networkHttpTransport();

} // namespace casebook
