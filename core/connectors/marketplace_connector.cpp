#include "connectors/connector_factory.h"

namespace casebook {

// Placeholder until the Coupang and Naver connectors land (issue 5): says so instead of pretending.
Result<std::unique_ptr<Connector>> makeMarketplaceConnector(const Account& account, Database&, QString)
{
    return makeError(
        QStringLiteral("Marketplace accounts (\"%1\") cannot sync yet in this build.").arg(account.name));
}

} // namespace casebook
