#pragma once

#include "accounts/account.h"
#include "connectors/marketplace_connector.h"
#include "net/esm_jwt.h"
#include "net/marketplace_http.h"
#include "sources/esm_items.h"
#include "store/database.h"

namespace casebook {

// G마켓/옥션 through ESM's Trading API (JSON, a JWT signed with HS256 per call): the seller Q&A board
// (고객문의) and urgent notices (긴급알리미) of each site the account has a seller id for, in; their answers
// out. See docs/marketplaces.md.
class EsmConnector final : public Connector, public OutboxTransport {
public:
    // Without a transport the calls go over the network; tests give an in-process one.
    EsmConnector(Account account, Database& db, QString secretKey, HttpPacing pacing = {},
                 std::shared_ptr<HttpTransport> transport = nullptr);

    Result<SyncReport> sync(const SyncControl& control) override;
    Result<OutboxDraft> draftReply(qint64 ticketId, const QString& text) override;
    OutboxTransport& transport() override { return *this; }
    SendOutcome send(const OutboxItem& item) override;

    // The sites the account answers on: those it has a seller id for.
    QList<EsmSite> sites() const;

private:
    // One paced POST signed for `site` alone; 429 slows down and the call is tried again.
    HttpReply call(EsmSite site, const QString& path, const QJsonObject& body);
    Result<MarketplaceBatch> fetchWindow(bool notices, QDate from, QDate to);
    Result<OutboxDraft> draftFor(qint64 ticketId, const StoredInquiry& inquiry, const QString& text);

    Account m_account;
    Database& m_db;
    QString m_secretKey;
    PacedHttp m_http;
};

Result<std::unique_ptr<Connector>> makeEsmConnector(const Account& account, Database& db, QString secret);

} // namespace casebook
