#pragma once

#include "net/imap_session.h"
#include "sources/mail_source.h"

#include <QHash>

namespace casebook {

// The folders of one IMAP account as a MailSource, read-only (EXAMINE, BODY.PEEK[]). Its id is
// "imap:<account name>" (the `source` of every message it brings); its cursor holds, per folder, the
// UIDVALIDITY and the last UID yielded. When a folder's UIDVALIDITY changed the folder is read again from
// the start: messages already stored are recognised by their bytes, and nothing local is deleted.
class ImapSource final : public MailSource {
public:
    ImapSource(net::ImapSession& session, QString accountName, QStringList folders, int fetchBatch = 50);

    QString id() const override;
    Result<std::optional<RawMail>> next() override;
    QString cursor() const override;
    void resume(const QString& cursor) override;
    bool boundToThread() const override { return true; } // the session's socket lives on this thread

    // Things worth telling the seller (a UIDVALIDITY change) that did not stop the run.
    const QStringList& notes() const { return m_notes; }

private:
    struct FolderCursor {
        quint32 uidValidity = 0;
        quint32 lastUid = 0;
    };
    Result<bool> openNextFolder();

    net::ImapSession& m_session;
    QString m_account;
    QStringList m_folders;
    int m_fetchBatch;
    QHash<QString, FolderCursor> m_cursors;
    int m_folder = -1;
    QList<quint32> m_pending;
    QList<net::FetchedMessage> m_fetched;
    QStringList m_notes;
};

} // namespace casebook
