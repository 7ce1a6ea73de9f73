#pragma once

#include "accounts/secret_store.h"
#include "connectors/connector.h"
#include "model/values.h"
#include "store/database.h"

#include <SQLiteCpp/Database.h>
#include <functional>
#include <memory>
#include <optional>

namespace casebook {

// The order beside a ticket: the order numbers the ticket keeps, asked of the market of the account that
// answers the ticket (compose/reply_route.h), and kept in the database (store/order_cache.h). The one rule
// for the window's side panel, `casebook-cli order` and template placeholders.
class OrderLookup {
public:
    // Makes the connector of an account; an error when there is none (no secret, a bad setting).
    using ConnectorFinder = std::function<Result<std::unique_ptr<Connector>>(const Account&)>;

    OrderLookup(Database& db, ConnectorFinder findConnector);
    // Connectors made with the secrets of `secrets`, which must outlive the lookup.
    static ConnectorFinder connectorsFrom(Database& db, SecretStore& secrets);

    // Whether the ticket has an order to look up: an order number, and a market channel with an account of
    // its own (Coupang, Naver; a market without an order API refuses through Connector::fetchOrder).
    static bool hasOrder(const TicketSummary& ticket);

    // Whether an account answers the ticket's channel (replyRouteFor), so that asking may succeed.
    static bool canAsk(Database& db, const TicketSummary& ticket);

    // What was last fetched for the ticket's orders, without asking anyone: the panel's first paint and
    // the placeholders. None when nothing was fetched yet or there is no such ticket.
    static std::optional<Order> cachedForTicket(SQLite::Database& db, int ticketNumber);

    // Asks the market for the ticket's order numbers in turn until one is known, keeps the answer and
    // returns it. NotFound: no such ticket, no order number on it, no account to ask, or no order the market
    // knows; Refused: the channel has no order API or the market refused; RateLimited/Io: try again later.
    Result<Order> fetch(int ticketNumber);

private:
    Database* m_db;
    ConnectorFinder m_findConnector;
};

} // namespace casebook
