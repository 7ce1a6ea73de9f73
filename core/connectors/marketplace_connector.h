// What the Coupang and Naver connectors share: walking date windows page by page with the cursor committed
// in each page's transaction, recognising items already stored, and finding the inquiries of a ticket.
#pragma once

#include "accounts/account.h"
#include "compose/outbox_item.h"
#include "connectors/connector.h"
#include "sources/marketplace_items.h"
#include "store/database.h"

#include <QDate>
#include <QJsonObject>
#include <functional>

namespace casebook {

// Marketplaces count days in Korea time.
QDate koreaDate(const QDateTime& utc);

struct WindowWalk {
    QString cursorKey;    // in source_cursors: "coupang:<account>:online" and the like
    int windowDays = 7;   // days one request spans, both ends included
    int horizonDays = 30; // how far back the first sync reaches
    // Set on a sync's last list: the source whose complete sync the walk's last page notes, in the
    // transaction of its cursor (connection_health.h, lastSyncKeyOf).
    QString finishesSyncOf;
};

// One page of one window (Korea dates, both included; pages from 1). An error stops the walk; the pages
// before it stay committed.
using PageFetcher = std::function<Result<MarketplaceBatch>(QDate from, QDate to, int page)>;

// Walks windows from the cursor (the first time: today minus the horizon) up to today. Each page's messages
// and the cursor after them are written in one transaction, so a walk killed anywhere resumes at the next
// page; the last window is walked again by the next sync, which finds late items of its days.
Result<void> walkWindows(Database& db, const WindowWalk& walk, const PageFetcher& fetch,
                         const SyncControl& control, SyncReport& report);

// Walks each named list of the account ("online" and "call"; "qna" and "inquiry") in 7-day windows back to
// the account's horizon (setting `horizon_days`, default 30); cursors are kept as "<source>:<list>".
Result<SyncReport> syncLists(Database& db, const Account& account, const QString& source,
                             const QList<QPair<QString, PageFetcher>>& lists, const SyncControl& control);

// One inquiry of a ticket, as stored: every message of its thread, newest first.
struct StoredInquiry {
    QString threadKey; // "coupang:call:123"
    QString kind;      // online, call, qna, inquiry
    QString id;        // the marketplace's id of the inquiry
    QString subject;
    struct Message {
        Direction direction = Direction::In;
        QString source;
        QString text;
        QDateTime date;
        QJsonObject raw;
    };
    QList<Message> messages;
    QJsonObject question() const; // the raw JSON of the first stored message (the inquiry itself)
    bool hasOutgoing() const;
};

// The inquiries of a ticket brought by `source` ("coupang:shop"), newest question first.
Result<QList<StoredInquiry>> inquiriesOfTicket(Database& db, qint64 ticketId, const QString& source);

// Whether the marketplace lists the answer an interrupted send may have delivered: walks the pages of the
// day the question was asked (Korea date) and looks in the item's thread for an answer with the item's text
// (compared as a sync compares them). true: listed; false: the question is listed without that answer;
// nullopt: the question is not listed there, so the market cannot tell.
Result<std::optional<bool>> answerListed(Database& db, const OutboxItem& item, const QString& source,
                                         const PageFetcher& fetch);

// Outbox items of the ticket for this thread that have answered or may still answer (not failed).
Result<QList<OutboxItem>> liveAnswers(Database& db, qint64 ticketId, const QString& threadKey);

// The account's API base URL (setting `base_url`, which tests point at a fake), else the service's own;
// without a trailing slash.
QString marketplaceBaseUrl(const Account& account, const QString& serviceUrl);

// The answer to a ticket's newest inquiry of `source` that takes one (`draftFor` builds it or says why not),
// with the ticket and the account set; when none takes one, the newest inquiry's refusal. `what` names the
// channel's items in the "none here" error ("11st item").
Result<OutboxDraft> draftForNewest(Database& db, qint64 ticketId, const Account& account, const QString& source,
                                   const QString& what,
                                   const std::function<Result<OutboxDraft>(const StoredInquiry&)>& draftFor);

} // namespace casebook
