#pragma once

#include "model/order.h"

#include <SQLiteCpp/Database.h>
#include <optional>

namespace casebook::order_cache {

// The order last fetched under this order number (the number asked: a Naver ticket may ask by a product
// order id), the newest if two markets answered it; none when it was never fetched or the row is unreadable.
// By order_cache's primary key (order_number first).
std::optional<Order> cached(SQLite::Database& db, const QString& orderNumber);
// The newest order fetched for any order number the ticket keeps; none for no such ticket, nothing fetched
// yet, or a store that cannot be read.
std::optional<Order> forTicket(SQLite::Database& db, int ticketNumber);
// Keeps (or replaces) what the market said, under the number asked. Throws SQLite::Exception (a write).
void store(SQLite::Database& db, const QString& orderNumber, const Order& order);

} // namespace casebook::order_cache
