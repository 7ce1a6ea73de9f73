#include "evidence/evidence_locker.h"

#include "evidence/custody_log.h"
#include "store/sql_util.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUuid>

#include <SQLiteCpp/Statement.h>

namespace casebook {
namespace {

constexpr qint64 kChunk = 1 << 20;
constexpr int kMaxNameLength = 120;

constexpr const char* kColumns =
    "id, ticket_id, sha256, size, original_name, media_type, captured_at, added_at, note, source FROM evidence ";

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

} // namespace

EvidenceLocker::EvidenceLocker(Database& db) : m_db(db) {}

QList<EvidenceRecord> EvidenceLocker::list(qint64 ticketId)
{
    SQLite::Statement st(m_db.reader(), std::string("SELECT ") + kColumns + "WHERE ticket_id = ? ORDER BY id");
    st.bind(1, static_cast<int64_t>(ticketId));
    QList<EvidenceRecord> out;
    while (st.executeStep())
        out << readRecord(st);
    return out;
}

QString EvidenceLocker::pathOf(const QString& sha256) const
{
    return m_db.lockerDir() + QStringLiteral("/evidence/") + sha256.left(2) + QLatin1Char('/') + sha256;
}

QString EvidenceLocker::safeName(const QString& name)
{
    QString s = name;
    s.replace(QLatin1Char('\\'), QLatin1Char('/'));
    s = s.section(QLatin1Char('/'), -1);
    static const QRegularExpression unsafe(
        QStringLiteral("[\\x{0000}-\\x{001F}\\x{007F}\\x{200E}\\x{200F}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}"
                       "<>:\"|?*]"));
    s.remove(unsafe);
    s = s.trimmed();
    while (s.startsWith(QLatin1Char('.')))
        s.remove(0, 1);
    static const QRegularExpression device(QStringLiteral("^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?$"),
                                           QRegularExpression::CaseInsensitiveOption);
    if (device.match(s).hasMatch())
        s.prepend(QLatin1Char('_'));
    if (s.size() > kMaxNameLength) {
        const QString suffix = QFileInfo(s).suffix().left(10);
        s = s.left(kMaxNameLength - suffix.size() - 1) + (suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix);
    }
    return s.isEmpty() ? QStringLiteral("file") : s;
}

Result<EvidenceRecord> EvidenceLocker::add(const AddRequest& request, const std::function<bool(qint64, qint64)>& progress)
{
    QFile in(request.path);
    if (!in.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("Could not read %1: %2").arg(request.path, in.errorString()));
    const qint64 total = in.size();

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
        if (chunk.isEmpty() && in.error() != QFileDevice::NoError)
            return makeError(QStringLiteral("Could not read %1: %2").arg(request.path, in.errorString()));
        hash.addData(chunk);
        if (head.size() < 4096)
            head += chunk.left(4096 - head.size());
        if (out.write(chunk) != chunk.size())
            return makeError(QStringLiteral("Could not store the evidence file: %1").arg(out.errorString()));
        done += chunk.size();
        if (progress && !progress(done, total)) {
            out.cancelWriting();
            return makeError(QStringLiteral("Adding %1 was cancelled; nothing was stored.").arg(request.path));
        }
    }
    const QString sha = QString::fromLatin1(hash.result().toHex());
    const QString target = pathOf(sha);
    if (QFileInfo::exists(target)) {
        out.cancelWriting();
    } else {
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!out.commit())
            return makeError(QStringLiteral("Could not store the evidence file: %1").arg(out.errorString()));
        if (!QFile::rename(staged, target))
            return makeError(QStringLiteral("Could not file the evidence under its hash in %1.").arg(target));
        QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    }

    EvidenceRecord record;
    record.ticketId = request.ticketId;
    record.sha256 = sha;
    record.size = done;
    record.originalName = safeName(request.originalName.isEmpty() ? QFileInfo(request.path).fileName()
                                                                  : request.originalName);
    record.mediaType = QMimeDatabase().mimeTypeForFileNameAndData(record.originalName, head).name();
    record.addedAt = m_db.clock().now().toUTC();
    record.note = request.note;
    record.source = request.source.isEmpty() ? QStringLiteral("file") : request.source;

    auto written = m_db.write([&](SQLite::Database& db) -> Result<void> {
        if (auto found = existing(db, request.ticketId, sha)) {
            record = *found;
            return {};
        }
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
        const QJsonObject detail{{QStringLiteral("sha256"), sha},
                                 {QStringLiteral("name"), record.originalName},
                                 {QStringLiteral("size"), record.size},
                                 {QStringLiteral("source"), record.source}};
        custody_log::append(db, record.ticketId, record.addedAt, QStringLiteral("added"),
                            QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)));
        return {};
    });
    if (!written)
        return written.error();
    return record;
}

} // namespace casebook
