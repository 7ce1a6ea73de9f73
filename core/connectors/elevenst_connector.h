#pragma once

#include "accounts/account.h"
#include "connectors/marketplace_connector.h"
#include "net/marketplace_http.h"
#include "sources/xml_records.h"
#include "store/database.h"

namespace casebook {

// 11st Open API (XML, the `openapikey` header): product Q&A (prodqnalist) and urgent notices (긴급알리미)
// in, their answers out, and the order a ticket names. See docs/marketplaces.md.
class ElevenstConnector final : public Connector, public OutboxTransport {
public:
    // Without a transport the calls go over the network; tests give an in-process one.
    ElevenstConnector(Account account, Database& db, QString apiKey, HttpPacing pacing = {},
                      std::shared_ptr<HttpTransport> transport = nullptr);

    Result<SyncReport> sync(const SyncControl& control) override;
    Result<OutboxDraft> draftReply(qint64 ticketId, const QString& text) override;
    // The order's lines and shipping from 11st's per-order delivery list (elevenst_orders.cpp).
    Result<Order> fetchOrder(const QString& orderId) override;
    OutboxTransport& transport() override { return *this; }
    SendOutcome send(const OutboxItem& item) override;

private:
    // One paced call with the key; 429 slows down and the call is tried again.
    HttpReply call(const QByteArray& method, const QString& path, const QByteArray& body = {});
    Result<MarketplaceBatch> fetchWindow(bool notices, QDate from, QDate to);
    Result<OutboxDraft> draftFor(qint64 ticketId, const StoredInquiry& inquiry, const QString& text);

    Account m_account;
    Database& m_db;
    QString m_apiKey;
    PacedHttp m_http;
};

Result<std::unique_ptr<Connector>> makeElevenstConnector(const Account& account, Database& db, QString secret);

} // namespace casebook
