#pragma once

#include "model/clock.h"
#include "store/database.h"

#include <QTextBrowser>
#include <QWidget>

namespace casebook::ui {

// A text browser that never fetches anything: mail HTML may point at trackers.
class SafeBrowser : public QTextBrowser {
    Q_OBJECT
public:
    using QTextBrowser::QTextBrowser;
    QVariant loadResource(int type, const QUrl& url) override;
};

// The right pane: one ticket's messages in order, in and out, with its customer and evidence.
class ConversationPane : public QWidget {
    Q_OBJECT
public:
    ConversationPane(Database& db, const Clock& clock, QWidget* parent = nullptr);

    void showTicket(qint64 ticketId);
    void clear();
    qint64 ticketId() const { return m_ticketId; }
    QString plainText() const;

private:
    Database& m_db;
    const Clock& m_clock;
    SafeBrowser* m_browser;
    qint64 m_ticketId = 0;
};

} // namespace casebook::ui
