#include "evidence/custody_log.h"

#include "model/sha256.h"
#include "store/sql_util.h"

#include <QJsonObject>
#include <SQLiteCpp/Statement.h>

namespace casebook::custody_log {

namespace {
const QString kGenesis = QString(64, QLatin1Char('0'));

QString isoMs(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}
} // namespace

QString entryHash(const QString& prevHash, int seq, const QDateTime& at, const QString& action,
                  const QString& detail)
{
    const QString canonical =
        QStringList{prevHash, QString::number(seq), isoMs(at), action, detail}.join(QLatin1Char('\n'));
    return sha256Hex(canonical.toUtf8());
}

void append(SQLite::Database& db, qint64 ticketId, const QDateTime& at, const QString& action,
            const QString& detail)
{
    SQLite::Statement last(
        db, "SELECT seq, entry_hash FROM custody_log WHERE ticket_id = ? ORDER BY seq DESC LIMIT 1");
    last.bind(1, static_cast<int64_t>(ticketId));
    int seq = 1;
    QString prev = kGenesis;
    if (last.executeStep()) {
        seq = last.getColumn(0).getInt() + 1;
        prev = sql::textOf(last.getColumn(1));
    }
    SQLite::Statement st(db,
                         "INSERT INTO custody_log(ticket_id, seq, at, action, detail, prev_hash, entry_hash) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, static_cast<int64_t>(ticketId));
    st.bind(2, seq);
    sql::bindTime(st, 3, at);
    sql::bindText(st, 4, action);
    sql::bindText(st, 5, detail);
    sql::bindText(st, 6, prev);
    sql::bindText(st, 7, entryHash(prev, seq, at, action, detail));
    st.exec();
}

QList<CustodyEntry> entries(SQLite::Database& db, qint64 ticketId)
{
    SQLite::Statement st(db, "SELECT seq, at, action, detail, prev_hash, entry_hash FROM custody_log "
                             "WHERE ticket_id = ? ORDER BY seq");
    st.bind(1, static_cast<int64_t>(ticketId));
    QList<CustodyEntry> out;
    while (st.executeStep())
        out << CustodyEntry{st.getColumn(0).getInt(),     sql::timeOf(st.getColumn(1)),
                            sql::textOf(st.getColumn(2)), sql::textOf(st.getColumn(3)),
                            sql::textOf(st.getColumn(4)), sql::textOf(st.getColumn(5))};
    return out;
}

QString chainProblem(const QList<CustodyEntry>& list)
{
    QString prev = kGenesis;
    int expectedSeq = 1;
    for (const CustodyEntry& e : list) {
        if (e.seq != expectedSeq)
            return QStringLiteral("custody entry %1 is missing (found %2 in its place)")
                .arg(expectedSeq)
                .arg(e.seq);
        if (e.prevHash != prev)
            return QStringLiteral("custody entry %1 does not point at entry %2").arg(e.seq).arg(e.seq - 1);
        if (e.entryHash != entryHash(prev, e.seq, e.at, e.action, e.detail))
            return QStringLiteral("custody entry %1 (%2) was changed: its hash does not match")
                .arg(e.seq)
                .arg(e.action);
        prev = e.entryHash;
        ++expectedSeq;
    }
    return {};
}

bool verifyChain(SQLite::Database& db, qint64 ticketId)
{
    return chainProblem(entries(db, ticketId)).isEmpty();
}

QJsonArray toJson(const QList<CustodyEntry>& list)
{
    QJsonArray out;
    for (const CustodyEntry& e : list)
        out << QJsonObject{{QStringLiteral("seq"), e.seq},
                           {QStringLiteral("at"), isoMs(e.at)},
                           {QStringLiteral("action"), e.action},
                           {QStringLiteral("detail"), e.detail},
                           {QStringLiteral("prev_hash"), e.prevHash},
                           {QStringLiteral("entry_hash"), e.entryHash}};
    return out;
}

Result<QList<CustodyEntry>> fromJson(const QJsonArray& array)
{
    QList<CustodyEntry> out;
    for (const QJsonValue& v : array) {
        const QJsonObject o = v.toObject();
        CustodyEntry e;
        e.seq = o.value(QStringLiteral("seq")).toInt(-1);
        e.at = QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
        e.action = o.value(QStringLiteral("action")).toString();
        e.detail = o.value(QStringLiteral("detail")).toString();
        e.prevHash = o.value(QStringLiteral("prev_hash")).toString();
        e.entryHash = o.value(QStringLiteral("entry_hash")).toString();
        if (e.seq < 1 || !e.at.isValid() || e.entryHash.isEmpty())
            return makeError(
                QStringLiteral("custody entry %1 of the manifest is incomplete").arg(out.size() + 1));
        out << e;
    }
    return out;
}

} // namespace casebook::custody_log
