#pragma once

#include "model/result.h"
#include "model/values.h"
#include "store/database.h"

#include <QJsonObject>
#include <optional>

namespace casebook {

enum class CustomerFlag { Abusive, Vip };

// One change for several tickets at once (the list's multi-select, `ticket 1001 1002 --status resolved`):
// only the fields set change. A snooze of an invalid time wakes the tickets; a flag is set on their customers.
struct BulkChange {
    std::optional<TicketStatus> status;
    std::optional<int> priority;
    std::optional<Category> category;
    std::optional<QDateTime> snooze;
    std::optional<CustomerFlag> flag;
    bool flagOn = true; // set the flag, or take it off
    bool isEmpty() const { return !status && !priority && !category && !snooze && !flag; }
};

// The most recent action that undo would take back, as a person reads it ("merge #1005 into #1002").
struct UndoRecord {
    qint64 id = 0;
    QString kind;
    qint64 ticketId = 0;
    QString description;
    // The same in parts, for a face that says it in its own words (the window in Korean): the numbers of
    // the tickets acted on (the one changed, merged into or split from first), and the event's detail
    // ("from"/"to" of a status, a bulk change's fields). Empty for a record written before they were kept.
    QList<int> numbers;
    QJsonObject detail;
};

// The seller's triage commands on tickets. Each runs in one write transaction, is recorded in `events`,
// and leaves an undo record holding what it changed, so undo() restores exactly: the tickets' state and
// order numbers, the messages' (and evidence's) ticket, the customer's flags. Undo takes back the most
// recent action not yet undone.
class TicketActions {
public:
    explicit TicketActions(Database& db);

    Result<void> setStatus(qint64 ticketId, TicketStatus status);
    Result<void> setPriority(qint64 ticketId, int priority); // 0 normal, 1 high, 2 urgent
    Result<void> setCategory(qint64 ticketId, Category category);
    Result<void> addOrderNumber(qint64 ticketId, const QString& orderNumber);
    // The seller's own account of the case, printed on the case file's cover (at most 20,000 characters).
    Result<void> setSummary(qint64 ticketId, const QString& summary);
    Result<void> setCustomerFlag(qint64 ticketId, CustomerFlag flag, bool on);
    // Hidden from the Inbox until `until` (UTC), then back by itself; an invalid time wakes it now.
    Result<void> snooze(qint64 ticketId, const QDateTime& until);
    // Applies one change to every ticket named, in one transaction: all change or none (a merged or missing
    // ticket refuses the lot), each ticket's event is recorded, and one undo record takes them all back.
    Result<void> applyToAll(const QList<qint64>& ticketIds, const BulkChange& change);

    // Moves every message of `fromTicketId` into `intoTicketId`; the emptied ticket is kept, hidden, and
    // points at the one it joined (its custody log cannot move).
    Result<void> merge(qint64 intoTicketId, qint64 fromTicketId);
    // Moves one message out into a new ticket; returns the new ticket's id.
    Result<qint64> split(qint64 messageId);

    Result<UndoRecord> undo();
    std::optional<UndoRecord> lastUndoable() const;

    static constexpr int kMaxPriority = 2;

private:
    struct Change {
        QString kind;
        qint64 ticketId = 0;
        QString description;
        QJsonObject undo;   // snapshots and moves that undo applies
        QJsonObject detail; // the event's detail
    };
    // Runs fn on a live (not merged) ticket, then records the event and the undo record of what it returns.
    Result<void> act(qint64 ticketId, const std::function<Result<Change>(SQLite::Database&)>& fn);
    void applyUndo(SQLite::Database& db, const QJsonObject& undo);

    Database& m_db;
};

} // namespace casebook
