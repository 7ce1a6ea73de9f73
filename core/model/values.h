#pragma once

#include "model/enums.h"

#include <QByteArray>
#include <QDateTime>
#include <QTimeZone>
#include <QList>
#include <QString>
#include <QStringList>

namespace casebook {

// A file carried by a message. `data` is filled on the way in and left empty when read back from the store.
struct Attachment {
    QString filename;
    QString mediaType;
    QString sha256;
    qint64 size = 0;
    QByteArray data;
};

// Who a message is from, as one channel knows them: an email address, a marketplace buyer id, a phone.
struct Identity {
    QString kind; // "email", "coupang", "naver", "phone", "csv"
    QString value;
    bool isEmpty() const { return value.isEmpty(); }
};

// One parsed message or marketplace item on its way into the store: a plain value, no behaviour.
struct InboundMessage {
    Channel channel = Channel::Email;
    Direction direction = Direction::In;
    QByteArray raw;       // the bytes exactly as received (for marketplace items: the item's JSON)
    QString rawSha256;    // lower-case hex of raw
    QString externalId;   // Message-ID without brackets, or "coupang:online:123" and the like
    QString threadKey;    // marketplace inquiry key; answers and follow-ups share it
    QString fromName;
    QString fromAddress;
    QStringList to;
    QString subject;
    QDateTime date;
    QString text;
    QString html;         // sanitised for display
    QString inReplyTo;
    QStringList references;
    QStringList orderNumbers;
    QList<Attachment> attachments;
    // When this mail forwards another (attached as message/rfc822, or quoted inline under a "Forwarded
    // message" line with its header block), who wrote that one: when the seller forwarded a customer's mail,
    // ingest makes the original sender the customer.
    QString forwardedFromName;
    QString forwardedFromAddress;
    Identity customer;    // the customer this message is from (incoming) or to (outgoing)
    QString customerName;
    QString source;       // where it came from: "maildir:/path", "demo", "coupang:shop"
    QString sourceRef;    // file name, offset or UID inside that source
    // The marketplace's own deadline for answering this message (11st's urgent-notice 회신기한, eBay's
    // respond-by date); the ticket is due at the earlier of it and the channel's clock. Null: the clock only.
    QDateTime replyBy;
};

struct TicketSummary {
    qint64 id = 0;
    int number = 0;
    QString subject;
    TicketStatus status = TicketStatus::New;
    int priority = 0;
    Category category = Category::Other;
    QString customerName;
    bool customerAbusive = false;
    bool customerVip = false;
    QStringList channels;
    QStringList orderNumbers;
    QDateTime createdAt;
    QDateTime dueAt;         // null when no answer is owed
    QDateTime lastActivityAt;
    QDateTime snoozedUntil;  // null when not snoozed
    int unreadCount = 0;
    int messageCount = 0;
    QString summary;
};

struct MessageRecord {
    qint64 id = 0;
    qint64 ticketId = 0;
    Direction direction = Direction::In;
    Channel channel = Channel::Email;
    QString externalId;
    QString rawSha256;
    QString fromName;
    QString fromAddress;
    QString to;
    QString subject;
    QDateTime date;
    QString text;
    QString html;
    QList<Attachment> attachments;
};

struct CustomerRecord {
    qint64 id = 0;
    QString displayName;
    QList<Identity> identities;
    bool abusive = false;
    bool vip = false;
    QString note;
};

struct EvidenceRecord {
    qint64 id = 0;
    qint64 ticketId = 0;
    QString sha256;
    qint64 size = 0;
    QString originalName;
    QString mediaType;
    QDateTime capturedAt;
    QDateTime addedAt;
    QString note;
    QString source;
};

struct StoreStats {
    qint64 messages = 0;
    qint64 tickets = 0;
    qint64 customers = 0;
    qint64 quarantined = 0;
};

} // namespace casebook
