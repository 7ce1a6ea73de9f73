#pragma once

#include "model/enums.h"

#include <QHash>
#include <QList>
#include <SQLiteCpp/Database.h>

#include <optional>

namespace casebook::takeover_queries {

// The marketplace that takes a ticket's question over when its answer time is up, if any. Coupang closes a
// call-center inquiry (콜센터 문의) left unanswered for 24 hours and its own agents answer it; its product
// questions only count toward the seller's answer rate. So a Coupang ticket is a takeover when it holds a
// call-center inquiry: a message whose external id starts "coupang:call:" (core/sources/marketplace_items.cpp).
std::optional<Channel> of(SQLite::Database& db, qint64 ticketId);
// The same for several tickets (a page of the list): only those taken over are in the answer.
QHash<qint64, Channel> ofTickets(SQLite::Database& db, const QList<qint64>& ticketIds);

} // namespace casebook::takeover_queries
