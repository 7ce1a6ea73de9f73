#pragma once

#include "compose/outbox_claim_owner.h"
#include "compose/outbox_item.h"
#include "model/result.h"
#include "store/database.h"

#include <QJsonObject>
#include <QList>
#include <functional>
#include <optional>

namespace casebook {

// The outbox: a reply is stored before it is sent and its state moves queued → sending → sent | failed |
// unknown. The move to `sending` is committed before the network is touched, so a crash between the
// server's OK and the next commit leaves the item `sending`; recoverInterrupted() turns that into `unknown`
// ("check the Sent folder"), which is never resent without the seller's word. A claim names its owner
// process, so the CLI flushing beside a running GUI leaves the GUI's sends alone. A sent item becomes an
// outgoing message of its ticket and the ticket moves to waiting, in one transaction.
class Outbox {
public:
    explicit Outbox(Database& db, ClaimOwner owner = ClaimOwner::thisProcess())
        : m_db(&db), m_owner(std::move(owner))
    {
    }

    // An entry of the ticket's history written in the same transaction as the item (a tone override and
    // its reason), so that one is never there without the other. Its detail gains "outbox": the item's id.
    struct HistoryEntry {
        QString kind;
        QJsonObject detail;
    };
    Result<qint64> enqueue(const OutboxDraft& draft,
                           const std::optional<HistoryEntry>& alsoRecord = std::nullopt);

    // Before a flush: items left `sending` by a process that is gone become `unknown`; those of a live
    // process (this one's other threads, the GUI beside the CLI) are left to it. Returns how many.
    Result<int> recoverInterrupted();

    // The next item due (queued, its next attempt not in the future), moved to `sending` with one more
    // attempt; none when nothing is due.
    Result<std::optional<OutboxItem>> claimNext();

    // Records one attempt's outcome for a claimed item.
    Result<void> complete(qint64 id, const SendOutcome& outcome);

    struct FlushReport {
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        QStringList errors; // one line per failure: "#1042: the server's words"
    };
    // What settling the items a killed run left behind found (see OutboxSender::settleInterrupted).
    struct SettleReport {
        int interrupted = 0; // `sending` items of a run that is gone, now `unknown`
        int foundSent = 0;   // unknown items the marketplace lists as answered: recorded as sent
        int requeued = 0;    // unknown items the marketplace lists as still unanswered: queued again
        int unknown = 0;     // left for the seller: the channel cannot tell (mail), or could not be asked
    };
    // Sends every due item through the transport `transportFor` gives it (nullptr: the item cannot be sent
    // now — it stays queued with the reason). `shouldStop` is asked between items.
    Result<FlushReport> flush(const std::function<OutboxTransport*(const OutboxItem&)>& transportFor,
                              const std::function<bool()>& shouldStop = {});

    // The seller looked in the Sent folder: it was sent (recorded as sent) or not (queued again).
    Result<void> resolveUnknown(qint64 id, bool wasSent);
    // A failed or waiting item is tried again now.
    Result<void> retryNow(qint64 id);
    // A queued or failed item the seller no longer wants sent.
    Result<void> discard(qint64 id);

    Result<OutboxItem> item(qint64 id) const;
    // Newest first; only those of one ticket when ticketId is given.
    Result<QList<OutboxItem>> list(std::optional<qint64> ticketId = std::nullopt) const;
    // Items not yet sent (queued, sending, failed, unknown): what the status bar shows.
    // The items in one state, oldest first (on index outbox_state).
    Result<QList<OutboxItem>> inState(OutboxState state) const;
    Result<int> pendingCount() const;

    // Seconds before the next try after `attempts` tries: 1 min, doubling, at most an hour.
    static qint64 backoffSecs(int attempts);

private:
    Database* m_db;
    ClaimOwner m_owner;
};

} // namespace casebook
