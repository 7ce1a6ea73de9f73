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

Connector* OutboxSender::connectorFor(const OutboxItem& item, QString& why)
{
    qint64 accountId = item.accountId.value_or(0);
    if (accountId == 0) {
        auto account = accountForTicket(m_db, item.ticketId);
        if (!account) {
            why = account.error().message;
            return nullptr;
        }
        accountId = account->id;
    }
    if (auto it = m_connectors.find(accountId); it != m_connectors.end())
        return it->get();
    if (auto it = m_unreachable.find(accountId); it != m_unreachable.end()) {
        why = *it;
        return nullptr;
    }
    AccountStore store(m_db);
    auto account = store.byId(accountId);
    if (account) {
        auto connector = casebook::connectorFor(*account, m_db, m_secrets);
        if (connector) {
            auto shared = std::shared_ptr<Connector>(std::move(connector.value()));
            m_connectors.insert(accountId, shared);
            return shared.get();
        }
        why = connector.error().message;
    } else {
        why = QStringLiteral("The account of this reply is gone: %1").arg(account.error().message);
    }
    m_unreachable.insert(accountId, why);
    return nullptr;
}

OutboxTransport* OutboxSender::transportFor(const OutboxItem& item)
{
    QString why;
    Connector* connector = connectorFor(item, why);
    if (!connector) {
        m_unavailable = std::make_unique<UnavailableTransport>(why);
        return m_unavailable.get();
    }
    // A reply queued as text alone is drafted by the connector at send time.
    if (item.raw.isEmpty() && item.target.isEmpty()) {
        m_drafting = std::make_unique<DraftingTransport>(*connector);
        return m_drafting.get();
    }
    return &connector->transport();
}

Result<Outbox::SettleReport> OutboxSender::settleInterrupted()
{
    Outbox::SettleReport report;
    auto recovered = m_outbox.recoverInterrupted();
    if (!recovered)
        return recovered.error();
    report.interrupted = *recovered;
    auto items = m_outbox.inState(OutboxState::Unknown);
    if (!items)
        return items.error();
    for (const OutboxItem& item : *items) {
        QString why;
        Connector* connector = connectorFor(item, why);
        auto delivered =
            connector ? connector->answerDelivered(item) : Result<std::optional<bool>>(std::optional<bool>());
        if (!delivered || !delivered->has_value()) {
            ++report.unknown;
            continue;
        }
        if (auto resolved = m_outbox.resolveUnknown(item.id, **delivered); !resolved)
            return resolved.error();
        ++(**delivered ? report.foundSent : report.requeued);
    }
    return report;
}

Result<Outbox::FlushReport> OutboxSender::flush(const std::function<bool()>& shouldStop)
{
    m_unreachable.clear(); // a secret may have been given since the last flush
    return m_outbox.flush([this](const OutboxItem& item) { return transportFor(item); }, shouldStop);
}

} // namespace casebook
