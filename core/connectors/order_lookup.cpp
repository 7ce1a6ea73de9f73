#include "connectors/order_lookup.h"

#include "compose/reply_route.h"
#include "connectors/connector_factory.h"
#include "store/order_cache.h"
#include "store/ticket_queries.h"

#include <SQLiteCpp/Exception.h>

namespace casebook {

OrderLookup::OrderLookup(Database& db, ConnectorFinder findConnector)
    : m_db(&db), m_findConnector(std::move(findConnector))
{
}

OrderLookup::ConnectorFinder OrderLookup::connectorsFrom(Database& db, SecretStore& secrets)
{
    return [&db, &secrets](const Account& account) { return connectorFor(account, db, secrets); };
}

bool OrderLookup::hasOrder(const TicketSummary& ticket)
{
    if (ticket.orderNumbers.isEmpty())
        return false;
    // A market with an account of its own and an API (not mail): its connector answers fetchOrder, or says
    // it cannot.
    for (const QString& name : ticket.channels)
        if (const auto c = channelFromString(name); c && channelInfo(*c).accountKind && !channelInfo(*c).mail)
            return true;
    return false;
}

bool OrderLookup::canAsk(Database& db, const TicketSummary& ticket)
{
    const auto route = replyRouteFor(db, ticket.id);
    return route && route->account.has_value();
}

std::optional<Order> OrderLookup::cachedForTicket(SQLite::Database& db, int ticketNumber)
{
    return order_cache::forTicket(db, ticketNumber);
}

Result<Order> OrderLookup::fetch(int ticketNumber)
{
    std::optional<TicketSummary> ticket;
    try {
        ticket = ticket_queries::ticketByNumber(m_db->reader(), ticketNumber);
    } catch (const SQLite::Exception& e) {
        return makeError(ErrorCode::Io,
                         QStringLiteral("Could not read the ticket: %1").arg(QString::fromUtf8(e.what())));
    }
    if (!ticket)
        return makeError(ErrorCode::NotFound, QStringLiteral("There is no ticket #%1.").arg(ticketNumber));
    if (ticket->orderNumbers.isEmpty())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("Ticket #%1 names no order number.").arg(ticketNumber));
    auto route = replyRouteFor(*m_db, ticket->id);
    if (!route)
        return route.error();
    auto account = route->answeringAccount();
    if (!account)
        return account.error();
    if (!m_findConnector)
        return makeError(ErrorCode::NotFound, QStringLiteral("Nothing here can ask a market for an order."));
    auto connector = m_findConnector(account.value());
    if (!connector)
        return connector.error();
    // A ticket may name several numbers (a Naver order and its product orders, a number quoted in the text):
    // the first one the market knows is the ticket's order.
    Error last;
    for (const QString& number : ticket->orderNumbers) {
        auto order = connector.value()->fetchOrder(number);
        if (!order) {
            last = order.error();
            if (last.code == ErrorCode::NotFound || last.code == ErrorCode::InvalidInput)
                continue;
            return last;
        }
        if (!order->fetchedAt.isValid())
            order->fetchedAt = m_db->clock().now();
        auto kept = m_db->write([&](SQLite::Database& w) -> Result<void> {
            order_cache::store(w, number, order.value());
            return {};
        });
        if (!kept)
            return kept.error();
        return order;
    }
    if (last.code == ErrorCode::InvalidInput) // none of the numbers is this market's
        last.code = ErrorCode::NotFound;
    return last;
}

} // namespace casebook
