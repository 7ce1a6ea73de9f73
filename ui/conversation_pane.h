#pragma once

#include "evidence/mail_attachments.h"
#include "model/clock.h"
#include "store/database.h"

#include <QWidget>

class QUrl;

namespace casebook::ui {

class CustomerPanel;
class OrderPanel;
class SafeBrowser;

// The right pane: one ticket's messages in order, each marked received, sent or internal note, with its
// attachments (open a read-only copy, save as, add as evidence), and the customer and order panels above. HTML mail is
// shown sanitised, its remote images blocked unless the seller loads images from that sender.
class ConversationPane : public QWidget {
    Q_OBJECT
public:
    ConversationPane(Database& db, const Clock& clock, QWidget* parent = nullptr);

    void showTicket(qint64 ticketId);
    void clear();
    qint64 ticketId() const { return m_ticketId; }
    QString plainText() const;
    QList<StoredAttachment> attachments() const { return m_attachments; }

    // What the attachment links do ("attachment:open/ID", "attachment:save/ID", "attachment:evidence/ID").
    void activateLink(const QUrl& url);
    // A read-only copy for the desktop's viewer; its path.
    Result<QString> copyForViewing(qint64 attachmentId);
    Result<void> saveAttachment(qint64 attachmentId, const QString& path);

    // Remote images in HTML mail stay blocked unless the seller allows their sender; the choice is kept
    // (QSettings) for that address.
    void allowImagesFrom(const QString& address);
    static bool imagesAllowedFrom(const QString& address);
    SafeBrowser* browser() const { return m_browser; }
    // The order beside the ticket; the window gives it the way to ask the market (OrderPanel::setFetch).
    OrderPanel* orderPanel() const { return m_order; }

Q_SIGNALS:
    // The evidence pane adds it, on its worker thread, and shows the outcome.
    void addAsEvidenceRequested(qint64 attachmentId);

private:
    const StoredAttachment* attachment(qint64 id) const;
    void showProblem(const QString& text);

    Database& m_db;
    const Clock& m_clock;
    CustomerPanel* m_customer;
    OrderPanel* m_order;
    SafeBrowser* m_browser;
    qint64 m_ticketId = 0;
    QList<StoredAttachment> m_attachments;
};

} // namespace casebook::ui
