#include "connectors/outbox_sender.h"

#include "accounts/account_store.h"
#include "connectors/connector_factory.h"

namespace casebook {

namespace {

// Stands in for an account that cannot send now, so the item keeps the reason.
class UnavailableTransport final : public OutboxTransport {
public:
    explicit UnavailableTransport(QString why) : m_why(std::move(why)) {}
    SendOutcome send(const OutboxItem&) override { return SendOutcome::retry(m_why); }

private:
    QString m_why;
};

// A reply queued as text alone (written while no account could send on its channel) is built by the
// connector at send time: the MIME message or the marketplace answer, with its recipients and inquiry.
class DraftingTransport final : public OutboxTransport {
public:
    explicit DraftingTransport(Connector& connector) : m_connector(connector) {}
    SendOutcome send(const OutboxItem& item) override
    {
        auto draft = m_connector.draftReply(item.ticketId, item.body);
        if (!draft)
            return SendOutcome::failed(draft.error().message);
        OutboxItem full = item;
        full.raw = draft->raw;
        full.target = draft->target;
        full.externalId = draft->externalId;
        if (!draft->subject.isEmpty())
            full.subject = draft->subject;
        SendOutcome outcome = m_connector.transport().send(full);
        if (outcome.sentRaw.isEmpty())
            outcome.sentRaw = full.raw;
        if (outcome.externalId.isEmpty())
            outcome.externalId = full.externalId;
        return outcome;
    }

private:
    Connector& m_connector;
};

} // namespace

OutboxTransport* OutboxSender::transportFor(const OutboxItem& item)
{
    qint64 accountId = item.accountId.value_or(0);
    if (accountId == 0) {
        auto account = accountForTicket(m_db, item.ticketId);
        if (!account) {
            auto t = std::make_shared<UnavailableTransport>(account.error().message);
            m_unavailable.insert(-item.id, t);
            return t.get();
        }
        accountId = account->id;
    }
    const bool textOnly = item.raw.isEmpty() && item.target.isEmpty();
    const auto use = [&](Connector& connector) -> OutboxTransport* {
        if (!textOnly)
            return &connector.transport();
        m_drafting = std::make_unique<DraftingTransport>(connector);
        return m_drafting.get();
    };
    if (auto it = m_connectors.find(accountId); it != m_connectors.end())
        return use(**it);
    if (auto it = m_unavailable.find(accountId); it != m_unavailable.end())
        return it->get();
    QString why;
    AccountStore store(m_db);
    auto account = store.byId(accountId);
    if (account) {
        auto connector = connectorFor(*account, m_db, m_secrets);
        if (connector) {
            auto shared = std::shared_ptr<Connector>(std::move(connector.value()));
            m_connectors.insert(accountId, shared);
            return use(*shared);
        }
        why = connector.error().message;
    } else {
        why = QStringLiteral("The account of this reply is gone: %1").arg(account.error().message);
    }
    auto t = std::make_shared<UnavailableTransport>(why);
    m_unavailable.insert(accountId, t);
    return t.get();
}

Result<Outbox::FlushReport> OutboxSender::flush(const std::function<bool()>& shouldStop)
{
    m_unavailable.clear(); // a secret may have been given since the last flush
    return m_outbox.flush([this](const OutboxItem& item) { return transportFor(item); }, shouldStop);
}

} // namespace casebook
