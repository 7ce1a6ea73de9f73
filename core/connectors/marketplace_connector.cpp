#include "connectors/marketplace_connector.h"

#include "compose/outbox.h"
#include "connectors/connection_health.h"
#include "connectors/connector_factory.h"
#include "inbox/ingestor.h"
#include "store/sql_util.h"
#include "store/ticket_lookup.h"
#include "store/ticket_writes.h"

#include <QJsonDocument>
#include <QTimeZone>
#include <SQLiteCpp/Statement.h>

namespace casebook {

QDate koreaDate(const QDateTime& utc)
{
    return utc.toTimeZone(QTimeZone(9 * 3600)).date();
}

namespace {

struct WindowCursor {
    QDate from;
    int page = 1;
};

std::optional<WindowCursor> readCursor(const QString& text)
{
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    const QDate from = QDate::fromString(o.value(QStringLiteral("from")).toString(), Qt::ISODate);
    if (!from.isValid())
        return std::nullopt;
    return WindowCursor{from, std::max(1, o.value(QStringLiteral("page")).toInt(1))};
}

QString cursorText(const WindowCursor& c)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("from"), c.from.toString(Qt::ISODate)},
                                                       {QStringLiteral("page"), c.page}})
                                 .toJson(QJsonDocument::Compact));
}

bool externalIdStored(SQLite::Database& db, const QString& externalId)
{
    SQLite::Statement st(db, "SELECT 1 FROM messages WHERE external_id = ? LIMIT 1");
    sql::bindText(st, 1, externalId);
    return st.executeStep();
}

// An answer the marketplace lists that Casebook itself sent: the outbox already stored it (under an id of
// its own, as the marketplace names the answer only later), so the listed copy is the same message.
bool sentFromOutbox(SQLite::Database& db, const InboundMessage& m)
{
    if (m.direction != Direction::Out || m.threadKey.isEmpty())
        return false;
    SQLite::Statement st(db, "SELECT text_body FROM messages WHERE thread_key = ? AND direction = 'out' AND "
                             "source = 'outbox'");
    sql::bindText(st, 1, m.threadKey);
    const QString text = m.text.simplified();
    while (st.executeStep())
        if (sql::textOf(st.getColumn(0)).simplified() == text)
            return true;
    return false;
}

} // namespace

Result<void> walkWindows(Database& db, const WindowWalk& walk, const PageFetcher& fetch,
                         const SyncControl& control, SyncReport& report)
{
    const QDate today = koreaDate(db.clock().now());
    const auto stored = readCursor(ticket_lookup::sourceCursor(db.reader(), walk.cursorKey));
    WindowCursor at = stored ? *stored : WindowCursor{today.addDays(-walk.horizonDays), 1};
    if (at.from > today) // the clock went back: walk today again
        at = {today, 1};
    Ingestor ingestor(db, IngestOptions{});
    for (;;) {
        if (control.cancelled && control.cancelled()) {
            report.warnings << QStringLiteral("Stopped before %1 (page %2); the next sync continues there.")
                                   .arg(at.from.toString(Qt::ISODate))
                                   .arg(at.page);
            return {};
        }
        const QDate to = std::min(at.from.addDays(walk.windowDays - 1), today);
        auto batch = fetch(at.from, to, at.page);
        if (!batch)
            return batch.error();
        for (const QString& p : batch->problems)
            report.warnings << QStringLiteral("%1 to %2, page %3: %4")
                                   .arg(at.from.toString(Qt::ISODate), to.toString(Qt::ISODate))
                                   .arg(at.page)
                                   .arg(p);
        WindowCursor next;
        bool done = false;
        if (at.page < batch->totalPages)
            next = {at.from, at.page + 1};
        else if (to < today)
            next = {to.addDays(1), 1};
        else {
            next = {at.from, 1};
            done = true;
        }
        report.fetched += batch->messages.size();
        auto written = db.write([&](SQLite::Database& w) -> Result<void> {
            for (InboundMessage& m : batch->messages) {
                if (externalIdStored(w, m.externalId) || sentFromOutbox(w, m)) {
                    ++report.duplicates;
                    continue;
                }
                PreparedMail p{std::move(m), {}};
                const IngestOutcome o = ingestor.writePrepared(w, p);
                if (o.kind == IngestOutcome::Kind::Imported)
                    ++report.imported;
                else
                    ++report.duplicates;
            }
            ticket_writes::saveSourceCursor(w, walk.cursorKey, cursorText(next), db.clock().now());
            if (done && !walk.finishesSyncOf.isEmpty())
                saveLastSync(w, walk.finishesSyncOf, db.clock().now());
            return {};
        });
        if (!written)
            return written.error();
        if (control.progress)
            control.progress(report.fetched, walk.cursorKey);
        if (done)
            return {};
        at = next;
    }
}

Result<std::optional<bool>> answerListed(Database& db, const OutboxItem& item, const QString& source,
                                         const PageFetcher& fetch)
{
    const QString thread = item.target.value(QStringLiteral("thread_key")).toString();
    auto inquiries = inquiriesOfTicket(db, item.ticketId, source);
    if (!inquiries)
        return inquiries.error();
    QDate askedOn;
    for (const StoredInquiry& inq : *inquiries)
        if (inq.threadKey == thread && !inq.messages.isEmpty())
            askedOn = koreaDate(inq.messages.last().date);
    if (!askedOn.isValid())
        return std::optional<bool>();
    const QString text = item.body.simplified();
    bool listed = false;
    // A day's pages are few; the bound keeps a server that miscounts its pages from keeping us here.
    constexpr int kMaxPages = 200;
    for (int page = 1, pages = 1; page <= std::min(pages, kMaxPages); ++page) {
        auto batch = fetch(askedOn, askedOn, page);
        if (!batch)
            return batch.error();
        pages = batch->totalPages;
        for (const InboundMessage& m : batch->messages) {
            if (m.threadKey != thread)
                continue;
            listed = true;
            if (m.direction == Direction::Out && m.text.simplified() == text)
                return std::optional<bool>(true);
        }
    }
    return listed ? std::optional<bool>(false) : std::optional<bool>();
}

Result<SyncReport> syncLists(Database& db, const Account& account, const QString& source,
                             const QList<QPair<QString, PageFetcher>>& lists, const SyncControl& control)
{
    SyncReport report;
    bool ok = false;
    // A number from `account add --horizon-days`, or text written by hand.
    int horizon = account.settings.value(QStringLiteral("horizon_days")).toVariant().toInt(&ok);
    if (!ok || horizon <= 0)
        horizon = 30;
    for (qsizetype i = 0; i < lists.size(); ++i) {
        const auto& [list, fetch] = lists[i];
        // A list fails the sync when it fails, so the last one ending means every one did.
        const QString finishes = i == lists.size() - 1 ? source : QString();
        auto walked =
            walkWindows(db, {source + QLatin1Char(':') + list, 7, horizon, finishes}, fetch, control, report);
        if (!walked)
            return walked.error();
    }
    return report;
}

QJsonObject StoredInquiry::question() const
{
    return messages.isEmpty() ? QJsonObject() : messages.last().raw;
}

bool StoredInquiry::hasOutgoing() const
{
    for (const Message& m : messages)
        if (m.direction == Direction::Out)
            return true;
    return false;
}

Result<QList<StoredInquiry>> inquiriesOfTicket(Database& db, qint64 ticketId, const QString& source)
{
    QList<StoredInquiry> out;
    try {
        SQLite::Database& r = db.reader();
        // The threads this account brought into the ticket, newest question first.
        SQLite::Statement threads(
            r, "SELECT thread_key, MIN(date) AS first FROM messages WHERE ticket_id = ?1 AND "
               "thread_key IS NOT NULL AND thread_key IN (SELECT thread_key FROM messages "
               "WHERE ticket_id = ?1 AND source = ?2) GROUP BY thread_key ORDER BY first DESC");
        threads.bind(1, static_cast<int64_t>(ticketId));
        sql::bindText(threads, 2, source);
        while (threads.executeStep()) {
            StoredInquiry inq;
            inq.threadKey = sql::textOf(threads.getColumn(0));
            const QStringList parts = inq.threadKey.split(QLatin1Char(':'));
            if (parts.size() != 3)
                continue;
            inq.kind = parts[1];
            inq.id = parts[2];
            out << inq;
        }
        SQLite::Statement msgs(
            r, "SELECT m.direction, m.source, m.text_body, m.date, m.subject, r.data FROM messages m "
               "LEFT JOIN raw_messages r ON r.sha256 = m.raw_sha256 WHERE m.ticket_id = ? AND "
               "m.thread_key = ? ORDER BY m.date DESC, m.id DESC");
        for (StoredInquiry& inq : out) {
            msgs.reset();
            msgs.bind(1, static_cast<int64_t>(ticketId));
            sql::bindText(msgs, 2, inq.threadKey);
            while (msgs.executeStep()) {
                StoredInquiry::Message m;
                const QString dir = sql::textOf(msgs.getColumn(0));
                m.direction = dir == QLatin1String("out") ? Direction::Out : Direction::In;
                m.source = sql::textOf(msgs.getColumn(1));
                m.text = sql::textOf(msgs.getColumn(2));
                m.date = sql::timeOf(msgs.getColumn(3));
                inq.subject = sql::textOf(msgs.getColumn(4));
                const SQLite::Column data = msgs.getColumn(5);
                if (!data.isNull())
                    m.raw = QJsonDocument::fromJson(
                                QByteArray(static_cast<const char*>(data.getBlob()), data.getBytes()))
                                .object();
                inq.messages << m;
            }
        }
    } catch (const SQLite::Exception& e) {
        return makeError(
            QStringLiteral("Could not read the ticket's inquiries: %1").arg(QString::fromUtf8(e.what())));
    }
    return out;
}

Result<QList<OutboxItem>> liveAnswers(Database& db, qint64 ticketId, const QString& threadKey)
{
    auto items = Outbox(db).list(ticketId);
    if (!items)
        return items.error();
    QList<OutboxItem> out;
    for (const OutboxItem& it : items.value())
        if (it.state != OutboxState::Failed &&
            it.target.value(QStringLiteral("thread_key")).toString() == threadKey)
            out << it;
    return out;
}

QString marketplaceBaseUrl(const Account& account, const QString& serviceUrl)
{
    QString base = account.setting(QStringLiteral("base_url"));
    if (base.isEmpty())
        base = serviceUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base;
}

Result<OutboxDraft> draftForNewest(Database& db, qint64 ticketId, const Account& account, const QString& source,
                                   const QString& what,
                                   const std::function<Result<OutboxDraft>(const StoredInquiry&)>& draftFor)
{
    auto inquiries = inquiriesOfTicket(db, ticketId, source);
    if (!inquiries)
        return inquiries.error();
    if (inquiries->isEmpty())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("This ticket holds no %1 of the account \"%2\".").arg(what, account.name));
    std::optional<Error> firstRefusal;
    for (const StoredInquiry& inq : inquiries.value()) {
        auto draft = draftFor(inq);
        if (draft) {
            draft->ticketId = ticketId;
            draft->accountId = account.id;
            return draft;
        }
        if (!firstRefusal)
            firstRefusal = draft.error();
    }
    return *firstRefusal;
}

} // namespace casebook
