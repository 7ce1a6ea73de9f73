#include "evidence/mail_attachments.h"

#include "store/sql_util.h"

#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <SQLiteCpp/Statement.h>

namespace casebook::mail_attachments {
namespace {

constexpr const char* kSelect = "SELECT a.id, a.message_id, a.filename, a.media_type, a.sha256, a.size "
                                "FROM attachments a JOIN messages m ON m.id = a.message_id ";

StoredAttachment readRow(SQLite::Statement& st)
{
    return {st.getColumn(0).getInt64(),   st.getColumn(1).getInt64(),   sql::textOf(st.getColumn(2)),
            sql::textOf(st.getColumn(3)), sql::textOf(st.getColumn(4)), st.getColumn(5).getInt64()};
}

} // namespace

QList<StoredAttachment> ofTicket(SQLite::Database& db, qint64 ticketId)
{
    QList<StoredAttachment> out;
    try {
        SQLite::Statement st(db, std::string(kSelect) + "WHERE m.ticket_id = ? ORDER BY m.date, m.id, a.id");
        st.bind(1, static_cast<int64_t>(ticketId));
        while (st.executeStep())
            out << readRow(st);
    } catch (const SQLite::Exception&) {
        // An unreadable database shows as no attachments; the caller's next write reports the cause.
    }
    return out;
}

Result<StoredAttachment> findInTicket(SQLite::Database& db, qint64 ticketId, const QString& sha256)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{8,64}$"));
    const QString wanted = sha256.trimmed().toLower();
    if (!hex.match(wanted).hasMatch())
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("\"%1\" is not a SHA-256 (64 hex digits, or at least the first 8).").arg(sha256));
    QList<StoredAttachment> hits;
    for (const StoredAttachment& a : ofTicket(db, ticketId))
        if (a.sha256.startsWith(wanted))
            hits << a;
    if (hits.isEmpty())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("No attachment of this case has the SHA-256 %1.").arg(wanted));
    // The same file attached twice is the same content: any of its rows will do.
    for (const StoredAttachment& a : hits)
        if (a.sha256 != hits.first().sha256)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("Several attachments of this case start with %1; give more of "
                                            "the SHA-256.")
                                 .arg(wanted));
    return hits.first();
}

Result<void> saveCopy(SQLite::Database& db, qint64 attachmentId, const QString& path, bool readOnly)
{
    QByteArray data;
    try {
        SQLite::Statement st(db, "SELECT b.data FROM attachments a JOIN blobs b ON b.sha256 = a.sha256 "
                                 "WHERE a.id = ?");
        st.bind(1, static_cast<int64_t>(attachmentId));
        if (!st.executeStep())
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("There is no attachment %1 in this database.").arg(attachmentId));
        data = QByteArray(static_cast<const char*>(st.getColumn(0).getBlob()), st.getColumn(0).getBytes());
    } catch (const SQLite::Exception& e) {
        return makeError(QStringLiteral("Could not read attachment %1: %2").arg(attachmentId).arg(e.what()));
    }
    // A read-only copy left by an earlier "open" is replaced, not refused.
    if (QFile::exists(path))
        QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::WriteOwner);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit())
        return makeError(
            QStringLiteral("Could not write %1 (is the disk full?): %2").arg(path, out.errorString()));
    if (readOnly)
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    return {};
}

} // namespace casebook::mail_attachments
