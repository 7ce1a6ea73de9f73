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

// The account that answers a ticket, by replyRouteFor()'s rule (compose/reply_route.h). An error names what
// is missing ("no email account is set up").
Result<Account> accountForTicket(Database& db, qint64 ticketId);

} // namespace casebook
