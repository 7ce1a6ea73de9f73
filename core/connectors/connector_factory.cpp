#include "connectors/connector_factory.h"

namespace casebook {

Result<std::unique_ptr<Connector>> connectorFor(const Account& account, Database& db, SecretStore& secrets)
{
    auto secret = secretFor(account, secrets);
    if (!secret)
        return secret.error();
    switch (account.kind) {
    case AccountKind::Email:
        return makeEmailConnector(account, db, std::move(secret.value()));
    case AccountKind::Coupang:
    case AccountKind::Naver:
        return makeMarketplaceConnector(account, db, std::move(secret.value()));
    }
    return makeError(QStringLiteral("Unknown account kind."));
}

} // namespace casebook
