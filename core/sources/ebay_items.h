// eBay's buyer messages (Message API conversations) and post-order cases (Item Not Received inquiries,
// returns) as messages. See docs/marketplaces.md.
#pragma once

#include "sources/marketplace_items.h"

#include <QJsonObject>

namespace casebook {

// The messages of one conversation (GET /conversation/{id}): the seller's own (`sellerUsername` sent them)
// are outgoing. Thread key "ebay:msg:<conversationId>"; each message "ebay:msg:<conversationId>:<messageId>".
MarketplaceBatch parseEbayConversation(const QByteArray& json, const QString& sellerUsername,
                                       const QString& source);

// One page of GET /post-order/v2/inquiry/search or /return/search (`list` "inquiry" or "return"): each case
// is a question "ebay:<list>:<id>" with its respond-by date; a case eBay closed adds a note
// "…:state:<status>", which refuses further answers.
MarketplaceBatch parseEbayCases(const QString& list, const QByteArray& json, const QString& source);

// Whether a post-order status closes the case for the seller (CLOSED, CS_CLOSED, …).
bool ebayCaseClosed(const QString& status);

} // namespace casebook
