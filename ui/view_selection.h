#pragma once

#include "store/ticket_queries.h"

#include <QString>
#include <optional>

namespace casebook::ui {

// What the views pane points the list at: a view of tickets (optionally one channel's or one category's),
// a saved search, or the messages that could not be read; or what the Reports view points at: the tickets
// behind one of its bars.
struct ViewSelection {
    enum class Kind { View, Quarantine, SavedSearch, Tickets };
    Kind kind = Kind::View;
    TicketView view = TicketView::Inbox;
    std::optional<Channel> channel;
    std::optional<Category> category;
    QString query;           // a saved search's
    QList<qint64> ticketIds; // Tickets: exactly these
};

} // namespace casebook::ui
