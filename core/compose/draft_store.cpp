#include "compose/draft_store.h"

#include "store/sql_util.h"

#include <SQLiteCpp/Statement.h>

namespace casebook {

std::optional<Draft> DraftStore::load(qint64 ticketId) const
{
    try {
        SQLite::Statement st(m_db->reader(), "SELECT body, mode, updated_at FROM drafts WHERE ticket_id = ?");
        st.bind(1, static_cast<int64_t>(ticketId));
        if (!st.executeStep())
            return std::nullopt;
        return Draft{.body = sql::textOf(st.getColumn(0)),
                     .mode = sql::textOf(st.getColumn(1)) == QLatin1String("note") ? Draft::Mode::Note
                                                                                   : Draft::Mode::Reply,
                     .updatedAt = sql::timeOf(st.getColumn(2))};
    } catch (const SQLite::Exception&) {
        // A draft that cannot be read is an empty box, not a reason to refuse the ticket.
        return std::nullopt;
    }
}

Result<void> DraftStore::save(qint64 ticketId, const QString& body, Draft::Mode mode)
{
    if (body.trimmed().isEmpty())
        return remove(ticketId);
    const QDateTime now = m_db->clock().now();
    auto written = m_db->write([&](SQLite::Database& db) -> Result<void> {
        SQLite::Statement st(db, "INSERT INTO drafts(ticket_id, mode, body, updated_at) VALUES (?, ?, ?, ?) "
                                 "ON CONFLICT(ticket_id) DO UPDATE SET mode = excluded.mode, "
                                 "body = excluded.body, updated_at = excluded.updated_at");
        st.bind(1, static_cast<int64_t>(ticketId));
        st.bind(2, mode == Draft::Mode::Note ? "note" : "reply");
        sql::bindText(st, 3, body);
        sql::bindTime(st, 4, now);
        st.exec();
        return {};
    });
    if (!written)
        return makeError(QStringLiteral("The draft of ticket %1 could not be kept: %2")
                             .arg(ticketId)
                             .arg(written.error().message));
    return {};
}

Result<void> DraftStore::remove(qint64 ticketId)
{
    return m_db->write([&](SQLite::Database& db) -> Result<void> {
        SQLite::Statement st(db, "DELETE FROM drafts WHERE ticket_id = ?");
        st.bind(1, static_cast<int64_t>(ticketId));
        st.exec();
        return {};
    });
}

} // namespace casebook
