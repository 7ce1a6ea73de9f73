#pragma once

#include "model/values.h"
#include "store/database.h"

#include <QLabel>

namespace casebook::ui {

// Who the customer of a ticket is, read-only: name and flags (abusive, VIP), identities across channels,
// order numbers and their other tickets (links). Flagging itself is a triage action elsewhere.
class CustomerPanel : public QLabel {
    Q_OBJECT
public:
    explicit CustomerPanel(Database& db, QWidget* parent = nullptr);

    void showTicket(const TicketSummary& ticket);
    void clear();

Q_SIGNALS:
    void ticketActivated(qint64 ticketId);

private:
    Database& m_db;
};

} // namespace casebook::ui
