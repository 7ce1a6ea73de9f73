#pragma once

#include "model/enums.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace casebook {

enum class OutboxState { Queued, Sending, Sent, Failed, Unknown };
QString toString(OutboxState s);
std::optional<OutboxState> outboxStateFromString(const QString& s);

// A reply before it leaves: stored first, then handed to the channel's transport.
struct OutboxDraft {
    qint64 ticketId = 0;
    std::optional<qint64> accountId;
    Channel channel = Channel::Email;
    QString subject;
    QString body;       // the text as the customer will read it
    QByteArray raw;     // the exact bytes to send (a composed MIME message; a marketplace answer's JSON)
    QString externalId; // what the sent message will be known by: its Message-ID, "coupang:online:…"
    // What the transport needs besides the text: `to`, `in_reply_to`, `references` for mail; `inquiry`,
    // `kind`, `parent_answer_id`, `thread_key` for a marketplace.
    QJsonObject target;
};

struct OutboxItem : OutboxDraft {
    qint64 id = 0;
    OutboxState state = OutboxState::Queued;
    int attempts = 0;
    QString lastError; // the server's own words from the last failure
    QDateTime nextAttemptAt;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime sentAt;
    std::optional<qint64> messageId; // the outgoing message it became, once sent
};

// What a transport says about one attempt.
struct SendOutcome {
    enum class Kind {
        Sent,   // the server took it
        Retry,  // a temporary failure (a 4xx, a dropped connection, 429): try again later
        Failed, // a permanent refusal (a 5xx, "already answered"): needs the seller
    };
    Kind kind = Kind::Sent;
    QString serverWords;
    QByteArray sentRaw; // when the bytes sent differ from the item's raw (a Date header set at send)
    QString externalId; // when the server named the message (a marketplace answer id)

    static SendOutcome sent(QString words = {}) { return {Kind::Sent, std::move(words), {}, {}}; }
    static SendOutcome retry(QString words) { return {Kind::Retry, std::move(words), {}, {}}; }
    static SendOutcome failed(QString words) { return {Kind::Failed, std::move(words), {}, {}}; }
};

// Sends one item over its channel (SMTP, a marketplace API). Runs on a worker thread; blocks until the
// server answers or the attempt fails.
class OutboxTransport {
public:
    virtual ~OutboxTransport() = default;
    virtual SendOutcome send(const OutboxItem& item) = 0;
};

} // namespace casebook
