#pragma once

#include "accounts/account.h"
#include "connectors/marketplace_connector.h"
#include "net/marketplace_http.h"
#include "net/naver_token.h"
#include "store/database.h"

namespace casebook {

// Naver Commerce API (SmartStore): product Q&A and customer (1:1) inquiries in, answers out.
class NaverConnector final : public Connector, public OutboxTransport {
public:
    // Without a transport the calls go over the network; tests give an in-process one.
    NaverConnector(Account account, Database& db, QString clientSecret, HttpPacing pacing = {},
                   std::shared_ptr<HttpTransport> transport = nullptr);

    Result<SyncReport> sync(const SyncControl& control) override;
    Result<OutboxDraft> draftReply(qint64 ticketId, const QString& text) override;
    Result<std::optional<bool>> answerDelivered(const OutboxItem& item) override;
    OutboxTransport& transport() override { return *this; }
    SendOutcome send(const OutboxItem& item) override;

    // A new text for the answer already given to the ticket's customer inquiry (PUT …/answer/{id}).
    Result<OutboxDraft> draftEdit(qint64 ticketId, const QString& text) override;
    // The order's product orders, with delivery and claims (naver_orders.cpp).
    Result<Order> fetchOrder(const QString& orderId) override;

    static constexpr int kQnaPageSize = 100;
    static constexpr int kInquiryPageSize = 200;

private:
    // One call with the cached token; a refused token (401) is renewed once and the call repeated.
    Result<HttpReply> call(const QByteArray& method, const QString& pathAndQuery,
                           const QByteArray& body = {});
    Result<MarketplaceBatch> fetchPage(bool inquiries, QDate from, QDate to, int page);
    Result<OutboxDraft> draft(qint64 ticketId, const QString& text, bool edit);

    Account m_account;
    Database& m_db;
    QString m_baseUrl;
    NaverTokenSource m_tokens;
    PacedHttp m_http;
};

// The gateway's or the API's own words: "HTTP 400: ERR-NC-101010 이미 답변된 문의입니다".
QString naverWords(const HttpReply& reply);

Result<std::unique_ptr<Connector>> makeNaverConnector(const Account& account, Database& db, QString secret);

} // namespace casebook
