#pragma once

#include "store/database.h"

#include <QListWidget>

class QTimer;

namespace casebook::ui {

// One ticket's replies in the outbox and what became of each: queued (with why it waits), sending, sent,
// failed in the server's own words, or unknown ("check the Sent folder"). The sender runs elsewhere, so
// the list reads the outbox again every few seconds while it is shown. Each row carries the item id
// (Qt::UserRole) and its state name (Qt::UserRole + 1).
class OutboxStatusList : public QListWidget {
    Q_OBJECT
public:
    explicit OutboxStatusList(Database& db, QWidget* parent = nullptr);

    // The ticket whose items to list; 0 lists nothing.
    void setTicket(qint64 ticketId);
    void refresh();

private:
    Database& m_db;
    qint64 m_ticketId = 0;
    QTimer* m_poll;
};

} // namespace casebook::ui
