#pragma once

#include "compose/template_renderer.h"

#include <SQLiteCpp/Database.h>
#include <optional>

namespace casebook {

// What a ticket knows for a reply: ticket_number, customer_name, customer_email, order_number (the first),
// order_numbers, subject, channel, marketplace (in the reply's language), seller_name and seller_signature
// (AppSettings, when the seller has set them), and from the order last fetched for it (store/order_cache.h)
// product, option, carrier, tracking_number and delivery_date. What it does not know is left for the seller to fill, so
// rendering names it.
class TicketPlaceholders {
public:
    static std::optional<PlaceholderValues> forTicket(SQLite::Database& db, int number,
                                                      const QString& language);
    // The ticket's language as stored, else guessed from its first message ("ko"/"en"); empty if unknown.
    static QString languageOf(SQLite::Database& db, int number);
};

} // namespace casebook
