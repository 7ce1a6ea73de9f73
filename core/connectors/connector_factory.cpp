#include "connectors/connector_factory.h"

namespace casebook {

Result<OutboxDraft> Connector::draftReplyWithFiles(qint64 ticketId, const QString& text,
                                                   const QList<ReplyAttachment>& attachments)
{
    if (!attachments.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("Files can be attached to mail only; this channel takes text."));
    return draftReply(ticketId, text);
}

Result<OutboxDraft> Connector::draftEdit(qint64, const QString&)
{
    return makeError(ErrorCode::Refused,
                     QStringLiteral("Only a Naver customer inquiry's answer can be edited from Casebook."));
}

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
