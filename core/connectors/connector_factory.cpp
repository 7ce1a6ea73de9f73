#include "connectors/connector_factory.h"

#include "connectors/coupang_connector.h"
#include "connectors/ebay_connector.h"
#include "connectors/elevenst_connector.h"
#include "connectors/esm_connector.h"
#include "connectors/naver_connector.h"

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

Result<Order> Connector::fetchOrder(const QString&)
{
    return makeError(ErrorCode::Refused,
                     QStringLiteral("Orders can be looked up on Coupang and Naver only; this channel has no "
                                    "order API."));
}

Result<std::unique_ptr<Connector>> connectorFor(const Account& account, Database& db, SecretStore& secrets)
{
    auto secret = secretFor(account, secrets);
    if (!secret)
        return secret.error();
    // The one place that maps an account kind (model/channel_table.h) to its connector.
    switch (account.kind) {
    case AccountKind::Email:
        return makeEmailConnector(account, db, std::move(secret.value()));
    case AccountKind::Coupang:
        return makeCoupangConnector(account, db, std::move(secret.value()));
    case AccountKind::Naver:
        return makeNaverConnector(account, db, std::move(secret.value()));
    case AccountKind::Elevenst:
        return makeElevenstConnector(account, db, std::move(secret.value()));
    case AccountKind::Esm:
        return makeEsmConnector(account, db, std::move(secret.value()));
    case AccountKind::Ebay:
        return makeEbayConnector(account, db, std::move(secret.value()));
    }
    return makeError(ErrorCode::InvalidInput, QStringLiteral("Unknown account kind."));
}

} // namespace casebook
