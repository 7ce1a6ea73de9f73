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

private:
    OutboxTransport* transportFor(const OutboxItem& item);

    Database& m_db;
    SecretStore& m_secrets;
    Outbox m_outbox;
    QHash<qint64, std::shared_ptr<Connector>> m_connectors;
    QHash<qint64, std::shared_ptr<OutboxTransport>> m_unavailable;
    std::unique_ptr<OutboxTransport> m_drafting; // for the item being sent, when it was queued as text only
};

} // namespace casebook
