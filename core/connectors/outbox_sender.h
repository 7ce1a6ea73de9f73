#pragma once

#include "accounts/secret_store.h"
#include "compose/outbox.h"
#include "connectors/connector.h"

#include <QHash>
#include <memory>

namespace casebook {

// Flushes the outbox through each item's account connector (email: SMTP; marketplaces: their APIs),
// making each connector once per flush. An item whose account cannot be reached now (no secret, account
// removed) stays queued with that reason. Used by `outbox flush`, `reply --send` and the GUI's worker.
class OutboxSender {
public:
    OutboxSender(Database& db, SecretStore& secrets) : m_db(db), m_secrets(secrets), m_outbox(db) {}

    Result<Outbox::FlushReport> flush(const std::function<bool()>& shouldStop = {});

    // Before a flush: items a killed run left `sending` become `unknown` (they may have reached the server),
    // and each unknown item whose channel can tell is settled by asking it: recorded as sent when the
    // marketplace lists the answer, queued again when it lists the question without it. Mail cannot tell:
    // those stay unknown for the seller (`outbox resolve`). Never sends anything itself.
    Result<Outbox::SettleReport> settleInterrupted();

private:
    OutboxTransport* transportFor(const OutboxItem& item);
    // The connector of the item's account, made once per sender; null with the reason when there is none.
    Connector* connectorFor(const OutboxItem& item, QString& why);

    Database& m_db;
    SecretStore& m_secrets;
    Outbox m_outbox;
    QHash<qint64, std::shared_ptr<Connector>> m_connectors;
    QHash<qint64, QString> m_unreachable;            // accounts without a connector now, and why
    std::unique_ptr<OutboxTransport> m_unavailable; // for the item being sent, when its account is one
    std::unique_ptr<OutboxTransport> m_drafting; // for the item being sent, when it was queued as text only
};

} // namespace casebook
