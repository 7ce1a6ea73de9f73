#include "evidence/evidence_locker.h"

#include "evidence/custody_log.h"
#include "evidence/media_metadata.h"
#include "evidence/safe_file_name.h"
#include "model/regular_file.h"
#include "store/sql_util.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeDatabase>
#include <QSaveFile>
#include <QUuid>
#include <SQLiteCpp/Statement.h>
#include <cstdio>
#include <unistd.h>

namespace casebook {
namespace {

constexpr qint64 kChunk = 1 << 20;

constexpr const char* kColumns = "id, ticket_id, sha256, size, original_name, media_type, captured_at, "
                                 "added_at, note, source FROM evidence ";

EvidenceRecord readRecord(SQLite::Statement& st)
{
    EvidenceRecord r;
    r.id = st.getColumn(0).getInt64();
    r.ticketId = st.getColumn(1).getInt64();
    r.sha256 = sql::textOf(st.getColumn(2));
    r.size = st.getColumn(3).getInt64();
    r.originalName = sql::textOf(st.getColumn(4));
    r.mediaType = sql::textOf(st.getColumn(5));
    r.capturedAt = sql::timeOf(st.getColumn(6));
    r.addedAt = sql::timeOf(st.getColumn(7));
    r.note = sql::textOf(st.getColumn(8));
    r.source = sql::textOf(st.getColumn(9));
    return r;
}

std::optional<EvidenceRecord> existing(SQLite::Database& db, qint64 ticketId, const QString& sha)
{
    SQLite::Statement st(db, std::string("SELECT ") + kColumns + "WHERE ticket_id = ? AND sha256 = ?");
    st.bind(1, static_cast<int64_t>(ticketId));
    sql::bindText(st, 2, sha);
    if (!st.executeStep())
        return std::nullopt;
    return readRecord(st);
}

void insertRecord(SQLite::Database& db, EvidenceRecord& record)
{
    SQLite::Statement st(db, "INSERT INTO evidence(ticket_id, sha256, size, original_name, media_type, "
                             "captured_at, added_at, note, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, static_cast<int64_t>(record.ticketId));
    sql::bindText(st, 2, record.sha256);
    st.bind(3, static_cast<int64_t>(record.size));
    sql::bindText(st, 4, record.originalName);
    sql::bindText(st, 5, record.mediaType);
    sql::bindTime(st, 6, record.capturedAt);
    sql::bindTime(st, 7, record.addedAt);
    sql::bindText(st, 8, record.note);
    sql::bindText(st, 9, record.source);
    st.exec();
    record.id = db.getLastInsertRowid();
    const QJsonObject detail{{QStringLiteral("sha256"), record.sha256},
                             {QStringLiteral("name"), record.originalName},
                             {QStringLiteral("size"), record.size},
                             {QStringLiteral("source"), record.source}};
    custody_log::append(db, record.ticketId, record.addedAt, QStringLiteral("added"),
                        QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)));
}

} // namespace

EvidenceLocker::EvidenceLocker(Database& db) : m_db(db) {}

QList<EvidenceRecord> EvidenceLocker::list(qint64 ticketId)
{
    return list(m_db.reader(), ticketId);
}

QList<EvidenceRecord> EvidenceLocker::list(SQLite::Database& db, qint64 ticketId)
{
    SQLite::Statement st(db, std::string("SELECT ") + kColumns + "WHERE ticket_id = ? ORDER BY id");
    st.bind(1, static_cast<int64_t>(ticketId));
    QList<EvidenceRecord> out;
    while (st.executeStep())
        out << readRecord(st);
    return out;
}

std::optional<EvidenceRecord> EvidenceLocker::find(qint64 evidenceId)
{
    SQLite::Statement st(m_db.reader(), std::string("SELECT ") + kColumns + "WHERE id = ?");
    st.bind(1, static_cast<int64_t>(evidenceId));
    if (!st.executeStep())
        return std::nullopt;
    return readRecord(st);
}

QString EvidenceLocker::pathOf(const QString& sha256) const
{
    return m_db.lockerDir() + QStringLiteral("/evidence/") + sha256.left(2) + QLatin1Char('/') + sha256;
}

QString EvidenceLocker::safeName(const QString& name)
{
    return safeFileName(name);
}

Result<void> EvidenceLocker::checkStored(const EvidenceRecord& record, const Progress& progress) const
{
    QFile in(pathOf(record.sha256));
    if (!in.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("The stored copy of evidence \"%1\" is missing from %2.")
                             .arg(record.originalName, in.fileName()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 done = 0;
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(kChunk);
        if (chunk.isEmpty())
            return makeError(QStringLiteral("Could not read %1: %2").arg(in.fileName(), in.errorString()));
        hash.addData(chunk);
        done += chunk.size();
        if (progress && !progress(done, record.size))
            return makeError(QStringLiteral("Cancelled."));
    }
    if (done != record.size || QString::fromLatin1(hash.result().toHex()) != record.sha256)
        return makeError(
            QStringLiteral("The stored copy of evidence \"%1\" (%2) no longer matches the hash taken "
                           "when it was added.")
                .arg(record.originalName, in.fileName()));
    return {};
}

Result<EvidenceRecord> EvidenceLocker::add(const AddRequest& request, const Progress& progress)
{
    QFile in(request.path);
    if (request.path.startsWith(QLatin1Char(':'))) { // a Qt resource (the demo's evidence)
        if (!in.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("Could not read %1: %2").arg(request.path, in.errorString()));
    } else {
        // A pipe, a FIFO or a device has no end to hash or one that comes later (a 0-byte "added" record
        // from `<(cat file)`, or /dev/zero filling the disk): only a regular file is evidence; its kind is
        // named so the user can save the stream to a file first.
        auto fd = regular_file::open(request.path, true);
        if (!fd)
            return makeError(fd.error().code,
                             QStringLiteral("Could not add evidence: %1%2")
                                 .arg(fd.error().message,
                                      fd.error().code == ErrorCode::InvalidInput
                                          ? QStringLiteral(" (save it to a file and add that file)")
                                          : QString()));
        if (!in.open(fd.value(), QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
            ::close(fd.value());
            return makeError(ErrorCode::Io,
                             QStringLiteral("Could not read %1: %2").arg(request.path, in.errorString()));
        }
    }
    AddRequest r = request;
    if (r.originalName.isEmpty())
        r.originalName = QFileInfo(request.path).fileName();
    if (r.source.isEmpty())
        r.source = QStringLiteral("file");
    return store(in, r, progress);
}

Result<EvidenceRecord> EvidenceLocker::promoteAttachment(qint64 attachmentId, const QString& note,
                                                         const Progress& progress)
{
    AddRequest r;
    QByteArray data;
    try {
        // Attachments are bounded by the mail they came in (and SQLite reads a blob whole anyway).
        SQLite::Statement st(m_db.reader(),
                             "SELECT m.ticket_id, a.filename, COALESCE(m.external_id, ''), b.data "
                             "FROM attachments a JOIN messages m ON m.id = a.message_id "
                             "JOIN blobs b ON b.sha256 = a.sha256 WHERE a.id = ?");
        st.bind(1, static_cast<int64_t>(attachmentId));
        if (!st.executeStep())
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("There is no attachment %1 in this database.").arg(attachmentId));
        if (st.getColumn(0).isNull())
            return makeError(
                QStringLiteral("Attachment %1 belongs to a message outside any case.").arg(attachmentId));
        r.ticketId = st.getColumn(0).getInt64();
        r.originalName = sql::textOf(st.getColumn(1));
        const QString messageId = sql::textOf(st.getColumn(2));
        r.source = messageId.isEmpty() ? QStringLiteral("mail attachment")
                                       : QStringLiteral("mail attachment <%1>").arg(messageId);
        data = QByteArray(static_cast<const char*>(st.getColumn(3).getBlob()), st.getColumn(3).getBytes());
    } catch (const SQLite::Exception& e) {
        return makeError(QStringLiteral("Could not read attachment %1: %2").arg(attachmentId).arg(e.what()));
    }
    r.note = note;
    QBuffer in(&data);
    in.open(QIODevice::ReadOnly);
    return store(in, r, progress);
}

Result<EvidenceRecord> EvidenceLocker::store(QIODevice& in, const AddRequest& request,
                                             const Progress& progress)
{
    const qint64 total = in.size();
    const QString what = request.originalName.isEmpty() ? request.path : request.originalName;

    // Copy into a temporary file in the locker while hashing, then file it under its hash.
    const QString incoming = m_db.lockerDir() + QStringLiteral("/incoming");
    if (!QDir().mkpath(incoming))
        return makeError(QStringLiteral("Could not create the evidence folder %1.").arg(incoming));
    const QString staged = incoming + QLatin1Char('/') + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSaveFile out(staged);
    out.setDirectWriteFallback(false);
    if (!out.open(QIODevice::WriteOnly))
        return makeError(QStringLiteral("Could not write to the evidence folder: %1").arg(out.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray head;
    qint64 done = 0;
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(kChunk);
        if (chunk.isEmpty())
            return makeError(QStringLiteral("Could not read %1: %2").arg(what, in.errorString()));
        hash.addData(chunk);
        if (head.size() < 4096)
            head += chunk.left(4096 - head.size());
        if (out.write(chunk) != chunk.size())
            return makeError(QStringLiteral("Could not store the evidence file (is the disk full?): %1")
                                 .arg(out.errorString()));
        done += chunk.size();
        if (progress && !progress(done, total)) {
            out.cancelWriting();
            return makeError(QStringLiteral("Adding %1 was cancelled; nothing was stored.").arg(what));
        }
    }
    const QString sha = QString::fromLatin1(hash.result().toHex());
    const QString target = pathOf(sha);
    EvidenceRecord expected;
    expected.sha256 = sha;
    expected.size = done;
    expected.originalName = what;
    // A copy already filed under this hash is trusted only once its bytes are checked: a full disk or a
    // crash elsewhere may have left it short. A damaged copy is replaced by the bytes offered now.
    if (QFileInfo::exists(target) && checkStored(expected)) {
        out.cancelWriting();
    } else {
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!out.commit())
            return makeError(ErrorCode::Io,
                             QStringLiteral("Could not store the evidence file (is the disk full?): %1")
                                 .arg(out.errorString()));
        // rename(2), not QFile::rename: it replaces a damaged copy in one step and never falls back to a
        // copy that a full disk could cut short.
        if (::rename(QFile::encodeName(staged).constData(), QFile::encodeName(target).constData()) != 0) {
            QFile::remove(staged);
            return makeError(ErrorCode::Io,
                             QStringLiteral("Could not file the evidence under its hash in %1.").arg(target));
        }
        QFile::setPermissions(target,
                              QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    }

    EvidenceRecord record;
    record.ticketId = request.ticketId;
    record.sha256 = sha;
    record.size = done;
    record.originalName = safeName(request.originalName);
    record.mediaType = QMimeDatabase().mimeTypeForFileNameAndData(record.originalName, head).name();
    if (record.mediaType.startsWith(QLatin1String("image/")))
        record.capturedAt = media_metadata::capturedAt(target);
    record.addedAt = m_db.clock().now().toUTC();
    record.note = request.note;
    record.source = request.source;

    auto written = m_db.write([&](SQLite::Database& db) -> Result<void> {
        if (auto found = existing(db, request.ticketId, sha)) {
            record = *found;
            return {};
        }
        insertRecord(db, record);
        return {};
    });
    if (!written)
        return written.error();
    return record;
}

} // namespace casebook
