// core/connectors/ joins an account to the inbox: a connector syncs the account's channel into tickets
// (through core/sources and core/inbox) and builds and sends replies on it (through core/net and the
// outbox). One connector per account kind: email (IMAP + SMTP), Coupang, Naver.
#pragma once

#include "compose/outbox_item.h"
#include "mail/reply_composer.h"
#include "model/order.h"
#include "model/result.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

namespace casebook {

// What one sync did; the CLI prints it as {"fetched":N,"imported":N,"duplicates":N,"quarantined":N}.
struct SyncReport {
    int fetched = 0;
    int imported = 0;
    int duplicates = 0;
    int quarantined = 0;
    QStringList warnings; // things the seller should know that did not stop the sync
};

struct SyncControl {
    std::function<bool()> cancelled;                 // asked between batches; may be empty
    std::function<void(int fetched, const QString& stage)> progress; // may be empty
};

class Connector {
public:
    virtual ~Connector() = default;

    // Fetches what is new since the account's cursor and ingests it; the cursor is committed with the
    // items it covers, so a sync killed at any point resumes with nothing lost and nothing doubled.
    virtual Result<SyncReport> sync(const SyncControl& control) = 0;

    // A reply to the ticket on this account's channel, ready for the outbox: the raw bytes to send and the
    // target (recipients and threading headers; or the inquiry and its kind). Refuses what the channel
    // cannot take (an inquiry already answered, a text over the board's limit) with a clear message.
    virtual Result<OutboxDraft> draftReply(qint64 ticketId, const QString& text) = 0;
    // The same with files attached. Only mail takes files: the others refuse any.
    virtual Result<OutboxDraft> draftReplyWithFiles(qint64 ticketId, const QString& text,
                                                    const QList<ReplyAttachment>& attachments);
    // A new text for the answer the channel already holds for the ticket. Only a Naver customer inquiry's
    // answer can be edited; the others refuse.
    virtual Result<OutboxDraft> draftEdit(qint64 ticketId, const QString& text);

    // Whether an answer whose send was interrupted reached the channel: true when the channel lists it, false
    // when it lists the question without it, nullopt when it cannot tell (mail: only the seller's Sent folder
    // knows). Read-only; settles `unknown` outbox items without sending anything twice.
    virtual Result<std::optional<bool>> answerDelivered(const OutboxItem&) { return std::optional<bool>(); }

    // The order as the marketplace reports it now: its lines, shipping and any return or exchange request
    // (connectors/order_lookup.h caches it). NotFound when the market knows no such order, Refused when it
    // refuses to tell; a channel without an order API (mail) refuses.
    virtual Result<Order> fetchOrder(const QString& orderId);

    // Sends outbox items of this account; owned by the connector, used from the thread that flushes.
    virtual OutboxTransport& transport() = 0;
};

} // namespace casebook
