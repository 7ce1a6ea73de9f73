#pragma once

#include "accounts/account.h"
#include "accounts/secret_store.h"
#include "connectors/marketplace_connector.h"
#include "net/marketplace_http.h"
#include "store/database.h"

namespace casebook {

// Coupang Wing Open API: product inquiries and call-center inquiries in, answers and confirmations out.
class CoupangConnector final : public Connector, public OutboxTransport {
public:
    // Without a transport the calls go over the network; tests give an in-process one.
    CoupangConnector(Account account, Database& db, QString secretKey, HttpPacing pacing = {},
                     std::shared_ptr<HttpTransport> transport = nullptr);

    Result<SyncReport> sync(const SyncControl& control) override;
    Result<OutboxDraft> draftReply(qint64 ticketId, const QString& text) override;
    Result<std::optional<bool>> answerDelivered(const OutboxItem& item) override;
    // The order sheet, then its return and exchange requests (coupang_orders.cpp).
    Result<Order> fetchOrder(const QString& orderId) override;
    OutboxTransport& transport() override { return *this; }
    SendOutcome send(const OutboxItem& item) override;

    // Confirms a call-center inquiry Coupang transferred to the seller (within 24 hours of the transfer).
    Result<void> confirmTransferred(const QString& inquiryId);
    // Confirms the ticket's newest call-center inquiry that awaits the seller and notes it in the ticket's
    // history; returns the inquiry id. Direct, not through the outbox: a confirmation is no message to the
    // customer, and the seller must learn at once when Coupang refuses it (closed after 24 hours).
    Result<QString> confirmTransferOf(qint64 ticketId);

    static constexpr int kOnlinePageSize = 50;
    static constexpr int kCallCenterPageSize = 30;
    // Return and exchange requests are listed in windows of at most 31 days (Coupang's limit), from the
    // order date on; a request comes within weeks of delivery, so three windows cover it.
    static constexpr int kClaimWindowDays = 31;
    static constexpr int kClaimWindows = 3;

private:
    using Query = QList<QPair<QString, QString>>;
    // One signed call, paced; a 429 or 403 slows the connector down and the call is tried again.
    HttpReply call(const QByteArray& method, const QString& path, const Query& query = {},
                   const QByteArray& body = {});
    Result<MarketplaceBatch> fetchPage(bool callCenter, QDate from, QDate to, int page);
    Result<OutboxDraft> draftFor(qint64 ticketId, const StoredInquiry& inquiry, const QString& text);
    QString vendorPath(const QString& rest) const;
    Result<QList<OrderClaim>> fetchClaims(const QString& orderId, bool exchanges, QDate from, QDate to);
    // The error for an answer that is not a success (coupang_refusals.cpp): `whatFailed` and Coupang's words,
    // or what to do about an address not on the allow-list; a key expiry the gateway names is kept.
    Error refusal(const HttpReply& reply, const QString& whatFailed);

    Account m_account;
    Database& m_db;
    QString m_secretKey;
    PacedHttp m_http;
};

// The gateway's own words for an answer that is not a success: the JSON `message`, else the start of the body
// (a 403 comes as an HTML page).
QString coupangServerWords(const HttpReply& reply);

// Coupang's refusal of a call from an address not on the key's allow-list (403 "Not allowed IP"), with the
// address when the answer names it.
struct CoupangAddressRefusal {
    QString address; // this machine's public address as Coupang saw it; empty when not named
};
std::optional<CoupangAddressRefusal> coupangAddressRefusal(const HttpReply& reply);
// What the seller must do about it, with the address when known.
QString coupangAddressAdvice(const CoupangAddressRefusal& refusal);

// `confirm-transfer` and the window's Ticket menu: the ticket's Coupang account, its secret, the
// confirmation.
Result<QString> confirmCoupangTransfer(Database& db, SecretStore& secrets, qint64 ticketId);

Result<std::unique_ptr<Connector>> makeCoupangConnector(const Account& account, Database& db, QString secret);

} // namespace casebook
