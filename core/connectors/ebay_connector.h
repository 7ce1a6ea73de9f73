#pragma once

#include "accounts/account.h"
#include "connectors/marketplace_connector.h"
#include "net/ebay_token.h"
#include "net/marketplace_http.h"
#include "store/database.h"

namespace casebook {

// eBay: buyers' messages (Message API, /commerce/message/v1) and post-order cases (Item Not Received
// inquiries, returns: /post-order/v2) in, messages out. The calls carry an OAuth user access token, minted
// and renewed with the seller's refresh token (EbayTokenSource).
class EbayConnector final : public Connector, public OutboxTransport {
public:
    // Without a transport the calls go over the network; tests give an in-process one.
    EbayConnector(Account account, Database& db, EbayCredentials credentials, HttpPacing pacing = {},
                  std::shared_ptr<HttpTransport> transport = nullptr);

    Result<SyncReport> sync(const SyncControl& control) override;
    Result<OutboxDraft> draftReply(qint64 ticketId, const QString& text) override;
    OutboxTransport& transport() override { return *this; }
    SendOutcome send(const OutboxItem& item) override;

    static constexpr int kPageSize = 50; // the Message API's maximum; the case searches take it too

private:
    using Query = QList<QPair<QString, QString>>;
    // One paced call; the Message API takes "Bearer", the post-order API "IAF" before the same token. A
    // token eBay refuses (401: expired) is renewed once and the call made again.
    Result<HttpReply> call(const QByteArray& method, const QString& path, const Query& query = {},
                           const QByteArray& body = {});
    Result<MarketplaceBatch> fetchConversations(QDate from, QDate to, int page);
    Result<MarketplaceBatch> fetchConversation(const QString& conversationId);
    Result<MarketplaceBatch> fetchCases(const QString& list, QDate from, QDate to, int page);
    Result<OutboxDraft> draftFor(qint64 ticketId, const StoredInquiry& inquiry, const QString& text);

    Account m_account;
    Database& m_db;
    EbayTokenSource m_tokens;
    PacedHttp m_http;
};

// `secret`: the client secret and the refresh token (ebayCredentials); the client id is the account's field.
Result<std::unique_ptr<Connector>> makeEbayConnector(const Account& account, Database& db, QString secret);

} // namespace casebook
