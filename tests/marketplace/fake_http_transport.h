#pragma once

#include "net/http_transport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QUrlQuery>
#include <functional>
#include <mutex>

namespace casebook::test {

// A marketplace in this process: every request is kept and answered by the test's handler, no socket. For
// what the Python fake cannot show cheaply: the exact requests a connector made, and any answer on demand.
class FakeHttpTransport final : public HttpTransport {
public:
    using Handler = std::function<HttpReply(const HttpRequest&)>;
    explicit FakeHttpTransport(Handler handler) : m_handler(std::move(handler)) {}

    HttpReply exchange(const HttpRequest& request) override
    {
        std::scoped_lock lock(m_mutex);
        m_requests << request;
        return m_handler(request);
    }
    QList<HttpRequest> requests()
    {
        std::scoped_lock lock(m_mutex);
        return m_requests;
    }

private:
    Handler m_handler;
    std::mutex m_mutex;
    QList<HttpRequest> m_requests;
};

inline HttpReply jsonReply(int status, const QJsonObject& body)
{
    HttpReply r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.headers << qMakePair(QByteArray("Content-Type"), QByteArray("application/json;charset=UTF-8"));
    return r;
}

inline QString queryItem(const HttpRequest& request, const QString& key)
{
    return QUrlQuery(request.url).queryItemValue(key, QUrl::FullyDecoded);
}

} // namespace casebook::test
