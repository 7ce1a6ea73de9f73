#include "connectors/email_connector.h"
#include "inbox/own_addresses.h"

#include "accounts/account_store.h"
#include "compose/reply_route.h"
#include "connectors/connection_health.h"
#include "connectors/connector_factory.h"
#include "inbox/mail_importer.h"
#include "mail/reply_composer.h"
#include "net/imap_session.h"
#include "sources/imap_source.h"
#include "store/sql_util.h"

#include <QJsonArray>
#include <QThread>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

namespace casebook {

using sql::textOf;

EmailConnector::EmailConnector(Account account, EmailSettings settings, Database& db, QString secret)
    : m_account(std::move(account)), m_settings(std::move(settings)), m_db(db), m_secret(std::move(secret)),
      m_transport(m_settings, m_secret)
{
}

Result<void> EmailConnector::syncOnce(const SyncControl& control, SyncReport& report, bool& dropped)
{
    dropped = false;
    m_refusedCert.clear();
    auto connection = net::connectImap(m_settings.imap, m_settings.user, m_secret, &m_refusedCert);
    if (!connection)
        return connection.error();
    ImapSource source(*connection->session, m_account.name, m_settings.folders);
    IngestOptions ingest;
    // This account's address and every other the seller uses (setting, other accounts, found in mailboxes).
    ingest.ownAddresses << m_settings.address << own_addresses::known(m_db).addresses();
    ImportOptions options;
    options.batchSize = 100;
    MailImporter importer(m_db, ingest, options);
    auto run = importer.run(source, [&](const ImportProgress& p) {
        if (control.progress)
            control.progress(report.fetched + static_cast<int>(p.counts.read), p.current);
        return !(control.cancelled && control.cancelled());
    });
    if (!run) {
        // A store that cannot take the mail (a full disk) fails the same way on every reconnect: only the
        // source's failures are worth one.
        dropped = !importer.storeFailed();
        return run.error();
    }
    report.fetched += static_cast<int>(run->read);
    report.imported += static_cast<int>(run->imported);
    report.duplicates += static_cast<int>(run->duplicates);
    report.quarantined += static_cast<int>(run->quarantined);
    report.warnings += source.notes();
    report.warnings += source.problems();
    (void)connection->session->logout();
    return {};
}

Result<SyncReport> EmailConnector::sync(const SyncControl& control)
{
    SyncReport report;
    for (int attempt = 0;; ++attempt) {
        bool dropped = false;
        auto once = syncOnce(control, report, dropped);
        if (once) {
            // Each folder's batches commit their own cursors; the sync as a whole ends here, after the last.
            if (!(control.cancelled && control.cancelled()))
                if (auto noted = m_db.write([&](SQLite::Database& w) -> Result<void> {
                        saveLastSync(w, sourceOfAccount(m_account), m_db.clock().now());
                        return {};
                    });
                    !noted)
                    report.warnings << noted.error().message;
            return report;
        }
        if (!dropped || attempt >= m_reconnects || (control.cancelled && control.cancelled()))
            return makeError(
                QStringLiteral("Sync of \"%1\" failed: %2").arg(m_account.name, once.error().message));
        report.warnings
            << QStringLiteral("The connection was lost (%1); reconnected.").arg(once.error().message);
        QThread::msleep(static_cast<unsigned long>(m_backoffMs) << attempt);
    }
}

namespace {

struct AnsweredMessage {
    int number = 0;
    QString ticketSubject;
    QString subject;
    QString fromAddress;
    QString fromName;
    QString externalId;
    QStringList refs;
    Channel channel = Channel::Email; // email, or a relay answered by email (Amazon)
};

Result<AnsweredMessage> lastIncoming(Database& db, qint64 ticketId)
{
    try {
        SQLite::Statement st(
            db.reader(),
            "SELECT t.number, t.subject, m.subject, m.from_address, m.from_name, m.external_id, m.refs, "
            "m.channel "
            "FROM tickets t LEFT JOIN messages m ON m.id = (SELECT id FROM messages "
            "WHERE ticket_id = t.id AND direction = 'in' AND from_address <> '' "
            "ORDER BY date DESC, id DESC LIMIT 1) WHERE t.id = ?");
        st.bind(1, static_cast<int64_t>(ticketId));
        if (!st.executeStep())
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("There is no ticket with id %1.").arg(ticketId));
        AnsweredMessage a;
        a.number = st.getColumn(0).getInt();
        a.ticketSubject = textOf(st.getColumn(1));
        a.subject = textOf(st.getColumn(2));
        a.fromAddress = textOf(st.getColumn(3));
        a.fromName = textOf(st.getColumn(4));
        a.externalId = textOf(st.getColumn(5));
        a.refs = textOf(st.getColumn(6)).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (const auto c = channelFromString(textOf(st.getColumn(7))); c && channelInfo(*c).mail)
            a.channel = *c;
        if (a.fromAddress.isEmpty())
            return makeError(QStringLiteral("Ticket #%1 has no incoming email to answer.").arg(a.number));
        return a;
    } catch (const SQLite::Exception& e) {
        return makeError(QStringLiteral("Could not read the ticket: %1").arg(QString::fromUtf8(e.what())));
    }
}

QJsonArray toArray(const QStringList& l)
{
    QJsonArray a;
    for (const QString& s : l)
        a.append(s);
    return a;
}

} // namespace

Result<OutboxDraft> EmailConnector::draftReply(qint64 ticketId, const QString& text)
{
    return draftReply(ticketId, text, {});
}

Result<OutboxDraft> EmailConnector::draftReply(qint64 ticketId, const QString& text,
                                               const QList<ReplyAttachment>& attachments)
{
    if (text.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("The reply is empty."));
    auto answered = lastIncoming(m_db, ticketId);
    if (!answered)
        return answered.error();
    ReplyInput in;
    in.fromAddress = m_settings.address;
    in.fromName = m_settings.displayName;
    in.to = {answered->fromAddress};
    in.originalSubject = answered->subject.isEmpty() ? answered->ticketSubject : answered->subject;
    in.ticketNumber = answered->number;
    in.inReplyTo = answered->externalId;
    in.references = answered->refs;
    in.text = text;
    in.signature = m_settings.signature;
    in.attachments = attachments;
    in.date = m_db.clock().now();
    auto composed = ReplyComposer::compose(in);
    if (!composed)
        return composed.error();
    OutboxDraft d;
    d.ticketId = ticketId;
    d.accountId = m_account.id;
    d.channel = answered->channel;
    d.subject = composed->subject;
    d.body = composed->body;
    d.raw = composed->raw;
    d.externalId = composed->messageId;
    d.target = QJsonObject{{QStringLiteral("to"), toArray(in.to)},
                           {QStringLiteral("from"), m_settings.address},
                           {QStringLiteral("from_name"), m_settings.displayName},
                           {QStringLiteral("in_reply_to"), in.inReplyTo},
                           {QStringLiteral("references"), toArray(composed->references)}};
    return d;
}

Result<std::unique_ptr<Connector>> makeEmailConnector(const Account& account, Database& db, QString secret)
{
    auto settings = EmailSettings::from(account);
    if (!settings)
        return settings.error();
    if (auto ok = net::checkPolicy(settings->imap); !ok)
        return makeError(QStringLiteral("Account \"%1\" (IMAP): %2").arg(account.name, ok.error().message));
    return std::unique_ptr<Connector>(
        new EmailConnector(account, std::move(settings.value()), db, std::move(secret)));
}

Result<Account> accountForTicket(Database& db, qint64 ticketId)
{
    auto route = replyRouteFor(db, ticketId);
    if (!route)
        return route.error();
    return route->answeringAccount();
}

} // namespace casebook
