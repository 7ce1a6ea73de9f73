#include "connectors/connector_factory.h"

namespace casebook {

// Placeholder until the IMAP/SMTP connector lands (issue 4): says so instead of pretending.
Result<std::unique_ptr<Connector>> makeEmailConnector(const Account& account, Database&, QString)
{
    return makeError(
        QStringLiteral("Email accounts (\"%1\") cannot sync yet in this build.").arg(account.name));
}

Result<Account> accountForTicket(Database&, qint64)
{
    return makeError(QStringLiteral("Replies cannot be sent yet in this build."));
}

} // namespace casebook
