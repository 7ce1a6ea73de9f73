#include "net/marketplace_http.h"

#include <QDateTime>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>

namespace casebook {

namespace {

QByteArray headerIn(const QList<QPair<QByteArray, QByteArray>>& headers, const QByteArray& name)
{
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

} // namespace

QByteArray HttpRequest::header(const QByteArray& name) const
{
    return headerIn(headers, name);
}

QByteArray HttpReply::header(const QByteArray& name) const
{
    return headerIn(headers, name);
}

std::shared_ptr<HttpTransport> networkHttpTransport()
{
    static const auto transport = std::make_shared<QtHttpTransport>();
    return transport;
}

HttpReply httpExchange(const HttpRequest& request)
{
    return networkHttpTransport()->exchange(request);
}

QString encodeQuery(const QList<QPair<QString, QString>>& query)
{
    QStringList parts;
    for (const auto& [key, value] : query)
        parts << key + QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(value));
    return parts.join(QLatin1Char('&'));
}

HttpReply QtHttpTransport::exchange(const HttpRequest& request)
{
    QNetworkAccessManager manager;
    // A loopback server (the tests' fake marketplace) is never reached through a proxy from the environment.
    const QString host = request.url.host();
    if (host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost") ||
        host == QLatin1String("::1"))
        manager.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest req(request.url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto& [key, value] : request.headers)
        req.setRawHeader(key, value);
    QNetworkReply* reply = manager.sendCustomRequest(req, request.method, request.body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(request.timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    HttpReply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    for (const auto& pair : reply->rawHeaderPairs())
        out.headers << pair;
    if (timedOut)
        out.error = QStringLiteral("no answer from %1 within %2 s").arg(host).arg(request.timeoutMs / 1000);
    else if (out.status == 0)
        out.error = reply->errorString();
    delete reply;
    return out;
}

PacedHttp::PacedHttp(HttpPacing pacing, QList<int> slowDownOn, std::unique_ptr<CallPacer> pacer,
                     std::shared_ptr<HttpTransport> transport)
    : m_pacing(pacing), m_slowDownOn(std::move(slowDownOn)), m_intervalMs(pacing.minIntervalMs),
      m_pacer(pacer ? std::move(pacer) : std::make_unique<LocalCallPacer>()),
      m_transport(transport ? std::move(transport) : networkHttpTransport())
{
}

ErrorCode PacedHttp::errorCodeOf(const HttpReply& reply) const
{
    if (!reply.answered() || reply.status >= 500)
        return ErrorCode::Io;
    if (slowDown(reply))
        return ErrorCode::RateLimited;
    return ErrorCode::Refused;
}

HttpReply PacedHttp::exchange(const std::function<HttpRequest()>& build)
{
    HttpReply reply;
    int backoff = m_pacing.backoffMs;
    for (int attempt = 1; attempt <= m_pacing.attempts; ++attempt) {
        // Wall-clock time: the turns are compared with those other processes took.
        const qint64 turn = m_pacer->takeTurn(QDateTime::currentMSecsSinceEpoch(), m_intervalMs);
        if (const qint64 wait = turn - QDateTime::currentMSecsSinceEpoch(); wait > 0)
            QThread::msleep(static_cast<unsigned long>(wait));
        reply = m_transport->exchange(build());
        if (!slowDown(reply)) {
            m_intervalMs = std::max(m_pacing.minIntervalMs, m_intervalMs * 3 / 4);
            return reply;
        }
        m_intervalMs = std::min(std::max(m_intervalMs, 50) * 2, m_pacing.maxIntervalMs);
        if (attempt < m_pacing.attempts) {
            QThread::msleep(static_cast<unsigned long>(backoff));
            backoff *= 2;
        }
    }
    return reply;
}

} // namespace casebook
