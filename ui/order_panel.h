#pragma once

#include "model/order.h"
#include "model/result.h"
#include "model/values.h"
#include "store/database.h"

#include <QLabel>
#include <functional>
#include <optional>

namespace casebook::ui {

class WorkerJob;

// The order beside a Coupang or Naver ticket, under the customer panel: product, option, quantity, amount,
// order and shipping dates, carrier and tracking number, any return or exchange request and its state. It
// shows what was last fetched at once, then asks the market again on the panel's own worker thread (never
// on the GUI thread); "Refresh" asks again.
class OrderPanel : public QLabel {
    Q_OBJECT
public:
    // Asks the market for a ticket's order (connectors/order_lookup.h); runs on a worker thread.
    using Fetch = std::function<Result<Order>(int ticketNumber)>;

    explicit OrderPanel(Database& db, QWidget* parent = nullptr);
    ~OrderPanel() override;

    // Without one, the panel shows what was fetched before and nothing more.
    void setFetch(Fetch fetch) { m_fetch = std::move(fetch); }
    void showTicket(const TicketSummary& ticket);
    void clear();
    // Asks the market again for the ticket shown.
    void refresh();
    bool fetching() const { return m_fetching; }

Q_SIGNALS:
    // A fetch ended (shown, or its error shown); for tests and the status bar.
    void fetched();

private:
    void render();
    void startFetch();

    Database& m_db;
    Fetch m_fetch;
    WorkerJob* m_job;
    int m_ticketNumber = 0;
    std::optional<Order> m_order;
    std::optional<Error> m_error;
    bool m_fetching = false;
    int m_pendingNumber = 0; // a ticket chosen while another's fetch ran: fetched next
};

} // namespace casebook::ui
