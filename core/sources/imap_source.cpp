#include "sources/imap_source.h"

#include "model/channel_keys.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace casebook {

ImapSource::ImapSource(net::ImapSession& session, QString accountName, QStringList folders, int fetchBatch)
    : m_session(session), m_account(std::move(accountName)), m_folders(std::move(folders)),
      m_fetchBatch(std::max(1, fetchBatch))
{
    if (m_folders.isEmpty())
        m_folders << QStringLiteral("INBOX");
}

QString ImapSource::id() const
{
    return sourceFor(Channel::Email, m_account);
}

QString ImapSource::cursor() const
{
    QJsonObject o;
    for (auto it = m_cursors.cbegin(); it != m_cursors.cend(); ++it)
        o.insert(it.key(), QJsonObject{{QStringLiteral("uidvalidity"), static_cast<qint64>(it->uidValidity)},
                                       {QStringLiteral("last_uid"), static_cast<qint64>(it->lastUid)}});
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void ImapSource::resume(const QString& cursor)
{
    m_cursors.clear();
    const QJsonObject o = QJsonDocument::fromJson(cursor.toUtf8()).object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonObject f = it.value().toObject();
        m_cursors.insert(it.key(), {static_cast<quint32>(f.value(QStringLiteral("uidvalidity")).toInteger()),
                                    static_cast<quint32>(f.value(QStringLiteral("last_uid")).toInteger())});
    }
}

Result<bool> ImapSource::openNextFolder()
{
    if (++m_folder >= m_folders.size())
        return false;
    const QString folder = m_folders[m_folder];
    auto status = m_session.examine(folder);
    if (!status)
        return status.error();
    FolderCursor& c = m_cursors[folder];
    if (c.uidValidity != status->uidValidity) {
        if (c.uidValidity != 0)
            m_notes << QStringLiteral(
                           "The server renumbered \"%1\" (UIDVALIDITY %2 → %3): it was read again; messages "
                           "already stored were recognised by their content and nothing was deleted.")
                           .arg(folder)
                           .arg(c.uidValidity)
                           .arg(status->uidValidity);
        c = {status->uidValidity, 0};
    }
    if (status->exists == 0 || (status->uidNext != 0 && status->uidNext <= c.lastUid + 1)) {
        m_pending.clear();
        return true;
    }
    auto uids = m_session.uidsFrom(c.lastUid + 1);
    if (!uids)
        return uids.error();
    m_pending = *uids;
    return true;
}

Result<std::optional<RawMail>> ImapSource::next()
{
    for (;;) {
        if (!m_fetched.isEmpty()) {
            net::FetchedMessage f = m_fetched.takeFirst();
            const QString folder = m_folders[m_folder];
            m_cursors[folder].lastUid = std::max(m_cursors[folder].lastUid, f.uid);
            return std::optional<RawMail>(
                RawMail{std::move(f.raw), folder, QStringLiteral("%1 uid %2").arg(folder).arg(f.uid)});
        }
        if (!m_pending.isEmpty()) {
            const QList<quint32> batch = m_pending.mid(0, m_fetchBatch);
            auto fetched = m_session.fetch(batch);
            if (!fetched)
                return fetched.error();
            m_pending.remove(0, batch.size());
            m_fetched = *fetched;
            if (m_fetched.isEmpty()) // deleted on the server meanwhile: nothing to keep, move past them
                m_cursors[m_folders[m_folder]].lastUid =
                    std::max(m_cursors[m_folders[m_folder]].lastUid, batch.last());
            continue;
        }
        auto more = openNextFolder();
        if (!more)
            return more.error();
        if (!*more)
            return std::optional<RawMail>();
    }
}

} // namespace casebook
