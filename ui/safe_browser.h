#pragma once

#include <QHash>
#include <QImage>
#include <QSet>
#include <QTextBrowser>
#include <QUrl>

class QNetworkAccessManager;

namespace casebook::ui {

// A text browser that fetches nothing on its own: mail HTML may point at trackers. Remote images load only
// when their URL was allowed (the seller chose to load images from that sender); then over http(s), with a
// size cap, no cookies kept, and without blocking the window.
class SafeBrowser : public QTextBrowser {
    Q_OBJECT
public:
    explicit SafeBrowser(QWidget* parent = nullptr);

    void setAllowedImages(const QSet<QUrl>& urls);
    QVariant loadResource(int type, const QUrl& url) override;
    int imagesLoaded() const { return static_cast<int>(m_images.size()); }

Q_SIGNALS:
    // The document should be laid out again to show it.
    void remoteImageLoaded(const QUrl& url);

private:
    void fetch(const QUrl& url);

    QNetworkAccessManager* m_net = nullptr; // made on the first allowed image
    QSet<QUrl> m_allowed;
    QSet<QUrl> m_pending;
    QHash<QUrl, QImage> m_images;
};

} // namespace casebook::ui
