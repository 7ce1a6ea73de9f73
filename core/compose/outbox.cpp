#include "compose/outbox.h"

#include "model/channel_table.h"
#include "model/sha256.h"
#include "store/sql_util.h"
#include "store/ticket_writes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <SQLiteCpp/Statement.h>

namespace casebook {

using sql::bindText;
using sql::bindTime;
using sql::textOf;
using sql::timeOf;

QString toString(OutboxState s)
{
    switch (s) {
    case OutboxState::Queued:
        return QStringLiteral("queued");
    case OutboxState::Sending:
        return QStringLiteral("sending");
    case OutboxState::Sent:
        return QStringLiteral("sent");
    case OutboxState::Failed:
        return QStringLiteral("failed");
    case OutboxState::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

std::optional<OutboxState> outboxStateFromString(const QString& s)
{
    for (OutboxState st : {OutboxState::Queued, OutboxState::Sending, OutboxState::Sent, OutboxState::Failed,
                           OutboxState::Unknown})
        if (toString(st) == s)
            return st;
    return std::nullopt;
}

namespace {

constexpr const char* kSelect =
    "SELECT id, ticket_id, account_id, channel, subject, body, raw, state, attempts, last_error, "
    "next_attempt_at, created_at, updated_at, target, external_id, sent_at, message_id FROM outbox ";

OutboxItem itemFrom(SQLite::Statement& st)
{
    OutboxItem it;
    it.id = st.getColumn(0).getInt64();
    it.ticketId = st.getColumn(1).getInt64();
    if (!st.getColumn(2).isNull())
        it.accountId = st.getColumn(2).getInt64();
    it.channel = channelFromString(textOf(st.getColumn(3))).value_or(Channel::Email);
    it.subject = textOf(st.getColumn(4));
    it.body = textOf(st.getColumn(5));
    const SQLite::Column raw = st.getColumn(6);
    if (!raw.isNull())
        it.raw = QByteArray(static_cast<const char*>(raw.getBlob()), raw.getBytes());
    it.state = outboxStateFromString(textOf(st.getColumn(7))).value_or(OutboxState::Queued);
    it.attempts = st.getColumn(8).getInt();
    it.lastError = textOf(st.getColumn(9));
    it.nextAttemptAt = timeOf(st.getColumn(10));
    it.createdAt = timeOf(st.getColumn(11));
    it.updatedAt = timeOf(st.getColumn(12));
    it.target = QJsonDocument::fromJson(textOf(st.getColumn(13)).toUtf8()).object();
    it.externalId = textOf(st.getColumn(14));
    it.sentAt = timeOf(st.getColumn(15));
    if (!st.getColumn(16).isNull())
        it.messageId = st.getColumn(16).getInt64();
    return it;
}

std::optional<OutboxItem> readItem(SQLite::Database& db, qint64 id)
{
    SQLite::Statement st(db, std::string(kSelect) + "WHERE id = ?");
    st.bind(1, static_cast<int64_t>(id));
    if (!st.executeStep())
        return std::nullopt;
    return itemFrom(st);
}

Error noItem(qint64 id)
{
    return makeError(QStringLiteral("The outbox holds no item %1.").arg(id));
}

Error wrongState(const OutboxItem& it, const QString& wanted)
{
    return makeError(
        QStringLiteral("Outbox item %1 is %2, not %3.").arg(it.id).arg(toString(it.state), wanted));
}

QStringList stringList(const QJsonValue& v)
{
    QStringList out;
    if (v.isString() && !v.toString().isEmpty())
        out << v.toString();
    for (const QJsonValue& e : v.toArray())
        out << e.toString();
    return out;
}

// What the stored copy of a board answer holds: the body exactly as sent (as a string) and where it went.
// The body alone need not name its inquiry (Coupang's is named in the URL), so two answers of the same
// words to two inquiries would be one stored raw message and the second could not be recorded as sent.
QByteArray boardAnswerRecord(const OutboxItem& it, const QByteArray& body, const QString& externalId)
{
    QJsonObject o{{QStringLiteral("answer"), externalId},
                  {QStringLiteral("thread"), it.target.value(QStringLiteral("thread_key"))},
                  {QStringLiteral("inquiry"), it.target.value(QStringLiteral("inquiry"))},
                  {QStringLiteral("kind"), it.target.value(QStringLiteral("kind"))},
                  {QStringLiteral("sent"), QString::fromUtf8(body)}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The outgoing message a sent item becomes, so the ticket's conversation shows what the customer got.
InboundMessage sentMessage(const OutboxItem& it, const SendOutcome& outcome, const QDateTime& now)
{
    InboundMessage m;
    m.channel = it.channel;
    m.direction = Direction::Out;
    m.externalId = outcome.externalId.isEmpty() ? it.externalId : outcome.externalId;
    m.raw = outcome.sentRaw.isEmpty() ? it.raw : outcome.sentRaw;
    if (!m.raw.isEmpty() && channelInfo(it.channel).board)
        m.raw = boardAnswerRecord(it, m.raw, m.externalId);
    if (!m.raw.isEmpty())
        m.rawSha256 = sha256Hex(m.raw);
    m.threadKey = it.target.value(QStringLiteral("thread_key")).toString();
    m.fromName = it.target.value(QStringLiteral("from_name")).toString();
    m.fromAddress = it.target.value(QStringLiteral("from")).toString();
    m.to = stringList(it.target.value(QStringLiteral("to")));
    m.subject = it.subject;
    m.date = now;
    m.text = it.body;
    m.inReplyTo = it.target.value(QStringLiteral("in_reply_to")).toString();
    m.references = stringList(it.target.value(QStringLiteral("references")));
    m.source = QStringLiteral("outbox");
    m.sourceRef = QString::number(it.id);
    return m;
}

void recordSent(SQLite::Database& db, const OutboxItem& it, const SendOutcome& outcome, const QDateTime& now)
{
    std::optional<qint64> customerId;
    {
        SQLite::Statement st(db, "SELECT customer_id FROM tickets WHERE id = ?");
        st.bind(1, static_cast<int64_t>(it.ticketId));
        if (st.executeStep() && !st.getColumn(0).isNull())
            customerId = st.getColumn(0).getInt64();
    }
    InboundMessage m = sentMessage(it, outcome, now);
    // The same bytes sent twice (two edits of one answer to the same words) are stored once; the second
    // message keeps its text without a link to them rather than fail to record a reply that was sent.
    if (!m.rawSha256.isEmpty()) {
        SQLite::Statement used(db, "SELECT 1 FROM messages WHERE raw_sha256 = ?");
        bindText(used, 1, m.rawSha256);
        if (used.executeStep()) {
            m.rawSha256.clear();
            m.raw.clear();
        }
    }
    const qint64 messageId = ticket_writes::insertMessage(db, m, it.ticketId, customerId, now);
    ticket_writes::noteActivity(db, it.ticketId, Direction::Out, now, {});
    SQLite::Statement st(db,
                         "UPDATE outbox SET state = 'sent', sent_at = ?1, updated_at = ?1, message_id = ?2, "
                         "last_error = ?3, next_attempt_at = NULL WHERE id = ?4");
    bindTime(st, 1, now);
    st.bind(2, static_cast<int64_t>(messageId));
    bindText(st, 3, QString());
    st.bind(4, static_cast<int64_t>(it.id));
    st.exec();
    ticket_writes::recordEvent(db, it.ticketId, now, QStringLiteral("reply_sent"),
                               QStringLiteral("{\"outbox\":%1}").arg(it.id));
}

void setState(SQLite::Database& db, qint64 id, OutboxState state, const QString& error,
              const QDateTime& nextAttempt, const QDateTime& now)
{
    SQLite::Statement st(db,
                         "UPDATE outbox SET state = ?, last_error = ?, next_attempt_at = ?, updated_at = ? "
                         "WHERE id = ?");
    bindText(st, 1, toString(state));
    bindText(st, 2, error);
    bindTime(st, 3, nextAttempt);
    bindTime(st, 4, now);
    st.bind(5, static_cast<int64_t>(id));
    st.exec();
}

Error readError(const SQLite::Exception& e)
{
    return makeError(QStringLiteral("Could not read the outbox: %1").arg(QString::fromUtf8(e.what())));
}

} // namespace

qint64 Outbox::backoffSecs(int attempts)
{
    const int doublings = std::clamp(attempts - 1, 0, 6);
    return std::min<qint64>(60LL << doublings, 3600);
}

Result<qint64> Outbox::enqueue(const OutboxDraft& d, const std::optional<HistoryEntry>& alsoRecord)
{
    if (d.body.trimmed().isEmpty() && d.raw.isEmpty())
        return makeError(QStringLiteral("An empty reply cannot be queued."));
    qint64 id = 0;
    const QDateTime now = m_db->clock().now();
    auto written = m_db->write([&](SQLite::Database& db) -> Result<void> {
        SQLite::Statement exists(db, "SELECT 1 FROM tickets WHERE id = ?");
        exists.bind(1, static_cast<int64_t>(d.ticketId));
        if (!exists.executeStep())
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("There is no ticket with id %1 to reply to.").arg(d.ticketId));
        SQLite::Statement st(db,
                             "INSERT INTO outbox(ticket_id, account_id, channel, subject, body, raw, state, "
                             "target, external_id, created_at, updated_at) "
                             "VALUES (?,?,?,?,?,?,'queued',?,?,?,?)");
        st.bind(1, static_cast<int64_t>(d.ticketId));
        if (d.accountId)
            st.bind(2, static_cast<int64_t>(*d.accountId));
        else
            st.bind(2);
        bindText(st, 3, toString(d.channel));
        bindText(st, 4, d.subject);
        bindText(st, 5, d.body);
        if (d.raw.isEmpty())
            st.bind(6);
        else
            st.bind(6, d.raw.constData(), static_cast<int>(d.raw.size()));
        bindText(st, 7, QString::fromUtf8(QJsonDocument(d.target).toJson(QJsonDocument::Compact)));
        bindText(st, 8, d.externalId);
        bindTime(st, 9, now);
        bindTime(st, 10, now);
        st.exec();
        id = db.getLastInsertRowid();
        ticket_writes::recordEvent(db, d.ticketId, now, QStringLiteral("reply_queued"),
                                   QStringLiteral("{\"outbox\":%1}").arg(id));
        if (alsoRecord) {
            QJsonObject detail = alsoRecord->detail;
            detail.insert(QStringLiteral("outbox"), id);
            ticket_writes::recordEvent(
                db, d.ticketId, now, alsoRecord->kind,
                QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)));
        }
        return {};
    });
    if (!written)
        return written.error();
    return id;
}

Result<int> Outbox::recoverInterrupted()
{
    int count = 0;
    const QDateTime now = m_db->clock().now();
    auto written = m_db->write([&](SQLite::Database& db) -> Result<void> {
        QList<qint64> orphans;
        SQLite::Statement sending(db, "SELECT id, claimed_by FROM outbox WHERE state = 'sending'");
        while (sending.executeStep())
            if (!ClaimOwner::isAlive(textOf(sending.getColumn(1))))
                orphans << sending.getColumn(0).getInt64();
        SQLite::Statement st(db, "UPDATE outbox SET state = 'unknown', updated_at = ?, last_error = "
                                 "'The app stopped while this was being sent: check the Sent folder (or the "
                                 "marketplace) before sending it again.' WHERE id = ? AND state = 'sending'");
        for (qint64 id : orphans) {
            st.reset();
            bindTime(st, 1, now);
            st.bind(2, static_cast<int64_t>(id));
            count += st.exec();
        }
        return {};
    });
    if (!written)
        return written.error();
    return count;
}

Result<std::optional<OutboxItem>> Outbox::claimNext()
{
    std::optional<OutboxItem> claimed;
    const QDateTime now = m_db->clock().now();
    auto written = m_db->write([&](SQLite::Database& db) -> Result<void> {
        SQLite::Statement pick(db,
                               "SELECT id FROM outbox WHERE state = 'queued' AND "
                               "(next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY created_at, id "
                               "LIMIT 1");
        bindTime(pick, 1, now);
        if (!pick.executeStep())
            return {};
        const qint64 id = pick.getColumn(0).getInt64();
        SQLite::Statement st(db,
                             "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ?, "
                             "claimed_by = ? WHERE id = ?");
        bindTime(st, 1, now);
        bindText(st, 2, m_owner.id());
        st.bind(3, static_cast<int64_t>(id));
        st.exec();
        claimed = readItem(db, id);
        return {};
    });
    if (!written)
        return written.error();
    return claimed;
}

namespace {

// Runs fn on one item inside a write transaction, when the item is in one of the `allowed` states.
Result<void> changeItem(Database& store, qint64 id, std::initializer_list<OutboxState> allowed,
                        const QString& allowedText,
                        const std::function<void(SQLite::Database&, const OutboxItem&, const QDateTime&)>& fn)
{
    const QDateTime now = store.clock().now();
    return store.write([&](SQLite::Database& db) -> Result<void> {
        const auto it = readItem(db, id);
        if (!it)
            return noItem(id);
        if (std::find(allowed.begin(), allowed.end(), it->state) == allowed.end())
            return wrongState(*it, allowedText);
        fn(db, *it, now);
        return {};
    });
}

} // namespace

Result<void> Outbox::complete(qint64 id, const SendOutcome& outcome)
{
    return changeItem(*m_db, id, {OutboxState::Sending}, QStringLiteral("sending"),
                      [&](SQLite::Database& db, const OutboxItem& it, const QDateTime& now) {
                          switch (outcome.kind) {
                          case SendOutcome::Kind::Sent:
                              recordSent(db, it, outcome, now);
                              break;
                          case SendOutcome::Kind::Retry:
                              setState(db, id, OutboxState::Queued, outcome.serverWords,
                                       now.addSecs(backoffSecs(it.attempts)), now);
                              break;
                          case SendOutcome::Kind::Failed:
                              setState(db, id, OutboxState::Failed, outcome.serverWords, {}, now);
                              ticket_writes::recordEvent(db, it.ticketId, now, QStringLiteral("reply_failed"),
                                                         QStringLiteral("{\"outbox\":%1}").arg(id));
                              break;
                          }
                      });
}

Result<Outbox::FlushReport>
Outbox::flush(const std::function<OutboxTransport*(const OutboxItem&)>& transportFor,
              const std::function<bool()>& shouldStop)
{
    FlushReport report;
    while (!shouldStop || !shouldStop()) {
        auto next = claimNext();
        if (!next)
            return next.error();
        if (!next.value())
            break;
        const OutboxItem& it = *next.value();
        OutboxTransport* transport = transportFor(it);
        const SendOutcome outcome =
            transport ? transport->send(it)
                      : SendOutcome::retry(QStringLiteral("No account is set up to send on the %1 channel.")
                                               .arg(toString(it.channel)));
        if (auto done = complete(it.id, outcome); !done)
            return done.error();
        switch (outcome.kind) {
        case SendOutcome::Kind::Sent:
            ++report.sent;
            break;
        case SendOutcome::Kind::Retry:
            ++report.retrying;
            report.errors << QStringLiteral("outbox %1: %2").arg(it.id).arg(outcome.serverWords);
            break;
        case SendOutcome::Kind::Failed:
            ++report.failed;
            report.errors << QStringLiteral("outbox %1: %2").arg(it.id).arg(outcome.serverWords);
            break;
        }
    }
    return report;
}

Result<void> Outbox::resolveUnknown(qint64 id, bool wasSent)
{
    return changeItem(*m_db, id, {OutboxState::Unknown}, QStringLiteral("unknown"),
                      [&](SQLite::Database& db, const OutboxItem& it, const QDateTime& now) {
                          if (wasSent)
                              recordSent(db, it, SendOutcome::sent(), now);
                          else
                              setState(db, id, OutboxState::Queued, QString(), now, now);
                      });
}

Result<void> Outbox::retryNow(qint64 id)
{
    return changeItem(*m_db, id, {OutboxState::Failed, OutboxState::Queued},
                      QStringLiteral("queued or failed"),
                      [&](SQLite::Database& db, const OutboxItem& it, const QDateTime& now) {
                          setState(db, id, OutboxState::Queued, it.lastError, now, now);
                      });
}

Result<void> Outbox::discard(qint64 id)
{
    return changeItem(*m_db, id, {OutboxState::Failed, OutboxState::Queued},
                      QStringLiteral("queued or failed"),
                      [&](SQLite::Database& db, const OutboxItem& it, const QDateTime& now) {
                          SQLite::Statement st(db, "DELETE FROM outbox WHERE id = ?");
                          st.bind(1, static_cast<int64_t>(id));
                          st.exec();
                          ticket_writes::recordEvent(db, it.ticketId, now, QStringLiteral("reply_discarded"),
                                                     QStringLiteral("{\"outbox\":%1}").arg(id));
                      });
}

Result<OutboxItem> Outbox::item(qint64 id) const
{
    try {
        auto it = readItem(m_db->reader(), id);
        if (!it)
            return noItem(id);
        return *it;
    } catch (const SQLite::Exception& e) {
        return readError(e);
    }
}

namespace {

// Every item the statement selects (kSelect and a tail), read on the caller's read connection.
Result<QList<OutboxItem>> itemsOf(SQLite::Database& db, const std::string& tail,
                                  const std::function<void(SQLite::Statement&)>& bind)
{
    try {
        SQLite::Statement st(db, std::string(kSelect) + tail);
        bind(st);
        QList<OutboxItem> out;
        while (st.executeStep())
            out << itemFrom(st);
        return out;
    } catch (const SQLite::Exception& e) {
        return readError(e);
    }
}

} // namespace

Result<QList<OutboxItem>> Outbox::list(std::optional<qint64> ticketId) const
{
    return itemsOf(m_db->reader(), std::string(ticketId ? "WHERE ticket_id = ? " : "") + "ORDER BY id DESC",
                   [&](SQLite::Statement& st) {
                       if (ticketId)
                           st.bind(1, static_cast<int64_t>(*ticketId));
                   });
}

Result<QList<OutboxItem>> Outbox::inState(OutboxState state) const
{
    return itemsOf(m_db->reader(), "WHERE state = ? ORDER BY id",
                   [&](SQLite::Statement& st) { bindText(st, 1, toString(state)); });
}

Result<int> Outbox::pendingCount() const
{
    try {
        return m_db->reader().execAndGet("SELECT count(*) FROM outbox WHERE state <> 'sent'").getInt();
    } catch (const SQLite::Exception& e) {
        return readError(e);
    }
}

} // namespace casebook
