#pragma once

#include "model/values.h"

namespace casebook {

// Amazon's buyer-seller messages reach the seller only as email from Amazon's relay: no API reads or
// answers them (docs/amazon.md). Each buyer writes from an anonymised alias at marketplace.amazon.<store>
// (the same alias for every message of that buyer to that seller), and an answer mailed to the alias
// reaches the buyer.

// True for an alias of the relay: a local part at marketplace.amazon.com, .co.uk, .de, .co.jp and Amazon's
// other stores (the list is in amazon_relay.cpp).
bool isAmazonRelayAddress(const QString& address);

// A parsed mail from the relay (a buyer's message) or to it (the seller's answer, read back from the Sent
// folder) becomes channel amazon: the order number its subject names goes first among its order numbers,
// and the buyer's name loses the " - Amazon Marketplace" the relay adds. Other mail is left as it is.
void recogniseAmazonRelay(InboundMessage& m);

} // namespace casebook
