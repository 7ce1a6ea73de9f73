#pragma once

#include "accounts/account.h"
#include "accounts/secret_store.h"
#include "connectors/connector.h"
#include "store/database.h"

namespace casebook {

// The connector for an account, by its kind. The secret is fetched here (keychain or secret command), so
// a missing one fails before any network traffic.
Result<std::unique_ptr<Connector>> connectorFor(const Account& account, Database& db, SecretStore& secrets);

// Each kind's maker, in its own file (the marketplaces' in coupang_connector.h and naver_connector.h).
Result<std::unique_ptr<Connector>> makeEmailConnector(const Account& account, Database& db, QString secret);

// The account that answers a ticket: the one whose sync brought its latest incoming message (a synced
// message's `source` is "<kind>:<account name>", e.g. "imap:shop-mail", "coupang:my-shop"), else the only
// account for the ticket's channel. An error names what is missing ("no email account is set up").
Result<Account> accountForTicket(Database& db, qint64 ticketId);

} // namespace casebook
