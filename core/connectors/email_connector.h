#pragma once

#include "accounts/account.h"
#include "connectors/connector.h"
#include "connectors/email_settings.h"
#include "connectors/smtp_transport.h"
#include "mail/reply_composer.h"
#include "store/database.h"

namespace casebook {

// An email account: IMAP in (read-only, cursor per folder committed with the messages), SMTP out.
class EmailConnector final : public Connector {
public:
    EmailConnector(Account account, EmailSettings settings, Database& db, QString secret);

    // Syncs every folder. A connection dropped during the run is reopened with back-off (1 s, 2 s, 4 s…)
    // up to `reconnects` times; what was committed before the drop stays, nothing is fetched twice into
    // the store.
    Result<SyncReport> sync(const SyncControl& control) override;
    Result<OutboxDraft> draftReply(qint64 ticketId, const QString& text) override;
    // The same with files attached (mail only: marketplaces take text).
    Result<OutboxDraft> draftReply(qint64 ticketId, const QString& text,
                                   const QList<ReplyAttachment>& attachments);
    Result<OutboxDraft> draftReplyWithFiles(qint64 ticketId, const QString& text,
                                            const QList<ReplyAttachment>& attachments) override
    {
        return draftReply(ticketId, text, attachments);
    }
    OutboxTransport& transport() override { return m_transport; }
    Database& database() { return m_db; }

    void setReconnects(int n, int firstBackoffMs = 1000)
    {
        m_reconnects = n;
        m_backoffMs = firstBackoffMs;
    }
    const EmailSettings& settings() const { return m_settings; }
    const Account& account() const { return m_account; }
    const QString& secret() const { return m_secret; }
    // The SHA-256 of a certificate the last connection refused (for "pin it?"), else empty.
    const QString& refusedCertificate() const { return m_refusedCert; }

private:
    // One connection's worth of sync; `dropped` tells whether it failed after the login.
    Result<void> syncOnce(const SyncControl& control, SyncReport& report, bool& dropped);

    Account m_account;
    EmailSettings m_settings;
    Database& m_db;
    QString m_secret;
    SmtpTransport m_transport;
    int m_reconnects = 3;
    int m_backoffMs = 1000;
    QString m_refusedCert;
};

} // namespace casebook
