#include "safe_browser.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTextDocument>

namespace casebook::ui {
namespace {
constexpr qint64 kMaxImageBytes = 8 * 1024 * 1024;
} // namespace

SafeBrowser::SafeBrowser(QWidget* parent) : QTextBrowser(parent) {}

void SafeBrowser::setAllowedImages(const QSet<QUrl>& urls)
{
    m_allowed = urls;
}

QVariant SafeBrowser::loadResource(int type, const QUrl& url)
{
    if (type != QTextDocument::ImageResource || !m_allowed.contains(url))
        return {};
    if (auto it = m_images.find(url); it != m_images.end())
        return *it;
    fetch(url);
    return {};
}

void SafeBrowser::fetch(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    if (m_pending.contains(url) || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return;
    if (!m_net) {
        m_net = new QNetworkAccessManager(this);
        m_net->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
        m_net->setTransferTimeout(15000);
    }
    m_pending.insert(url);
    QNetworkRequest request(url);
    request.setMaximumRedirectsAllowed(3);
    // Trackers get no memory of this seller: cookies are neither sent nor kept.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    QNetworkReply* reply = m_net->get(request);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxImageBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError)
            return; // stays pending: not asked again while this message is shown
        const QImage image = QImage::fromData(reply->readAll());
        if (image.isNull())
            return;
        m_images.insert(url, image);
        document()->addResource(QTextDocument::ImageResource, url, image);
        Q_EMIT remoteImageLoaded(url);
    });
}

} // namespace casebook::ui
