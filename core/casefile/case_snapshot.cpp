#include "casefile/case_snapshot.h"

#include "evidence/evidence_locker.h"
#include "model/sha256.h"
#include "store/sql_util.h"
#include "store/ticket_queries.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

namespace casebook {

Result<CaseSnapshot> loadCaseSnapshot(SQLite::Database& db, int number)
{
    try {
        SQLite::Transaction readTx(db); // deferred: a consistent snapshot, rolled back unused
        auto ticket = ticket_queries::ticketByNumber(db, number);
        if (!ticket)
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("There is no case #%1 in this database.").arg(number));
        CaseSnapshot s;
        s.ticket = *ticket;
        s.customer = ticket_queries::customerOfTicket(db, ticket->id);
        s.messages = ticket_queries::messagesOfTicket(db, ticket->id);
        s.evidence = EvidenceLocker::list(db, ticket->id);
        s.custody = custody_log::entries(db, ticket->id);
        return s;
    } catch (const SQLite::Exception& e) {
        return makeError(QStringLiteral("Could not read case #%1: %2").arg(number).arg(e.what()));
    }
}

Result<QByteArray> rawMessage(SQLite::Database& db, const QString& sha256)
{
    try {
        SQLite::Statement st(db, "SELECT data FROM raw_messages WHERE sha256 = ?");
        sql::bindText(st, 1, sha256);
        if (!st.executeStep())
            return makeError(QStringLiteral("The raw message %1 is missing from the database.").arg(sha256));
        const SQLite::Column c = st.getColumn(0);
        QByteArray data(static_cast<const char*>(c.getBlob()), c.getBytes());
        if (sha256Hex(data) != sha256)
            return makeError(
                QStringLiteral("The stored raw message %1 no longer matches its hash.").arg(sha256));
        return data;
    } catch (const SQLite::Exception& e) {
        return makeError(QStringLiteral("Could not read raw message %1: %2").arg(sha256).arg(e.what()));
    }
}

} // namespace casebook
