#include "evidence/custody_log.h"

#include "model/sha256.h"
#include "store/sql_util.h"

#include <SQLiteCpp/Statement.h>

namespace casebook::custody_log {

namespace {
const QString kGenesis = QString(64, QLatin1Char('0'));
}

QString entryHash(const QString& prevHash, int seq, const QDateTime& at, const QString& action,
                  const QString& detail)
{
    const QString canonical = QStringList{prevHash, QString::number(seq), at.toUTC().toString(Qt::ISODateWithMs),
                                          action, detail}
                                  .join(QLatin1Char('\n'));
    return sha256Hex(canonical.toUtf8());
}

void append(SQLite::Database& db, qint64 ticketId, const QDateTime& at, const QString& action, const QString& detail)
{
    SQLite::Statement last(db, "SELECT seq, entry_hash FROM custody_log WHERE ticket_id = ? ORDER BY seq DESC LIMIT 1");
    last.bind(1, static_cast<int64_t>(ticketId));
    int seq = 1;
    QString prev = kGenesis;
    if (last.executeStep()) {
        seq = last.getColumn(0).getInt() + 1;
        prev = sql::textOf(last.getColumn(1));
    }
    SQLite::Statement st(db, "INSERT INTO custody_log(ticket_id, seq, at, action, detail, prev_hash, entry_hash) "
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

bool verifyChain(SQLite::Database& db, qint64 ticketId)
{
    SQLite::Statement st(db, "SELECT seq, at, action, detail, prev_hash, entry_hash FROM custody_log "
                             "WHERE ticket_id = ? ORDER BY seq");
    st.bind(1, static_cast<int64_t>(ticketId));
    QString prev = kGenesis;
    int expectedSeq = 1;
    while (st.executeStep()) {
        const int seq = st.getColumn(0).getInt();
        const QString claimedPrev = sql::textOf(st.getColumn(4));
        const QString claimed = sql::textOf(st.getColumn(5));
        if (seq != expectedSeq || claimedPrev != prev ||
            claimed != entryHash(prev, seq, sql::timeOf(st.getColumn(1)), sql::textOf(st.getColumn(2)),
                                 sql::textOf(st.getColumn(3))))
            return false;
        prev = claimed;
        ++expectedSeq;
    }
    return true;
}

} // namespace casebook::custody_log
