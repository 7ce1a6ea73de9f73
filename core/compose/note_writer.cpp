#include "compose/note_writer.h"

#include "store/sql_util.h"
#include "store/ticket_writes.h"

#include <SQLiteCpp/Statement.h>

namespace casebook {

Result<qint64> NoteWriter::add(qint64 ticketId, const QString& text)
{
    if (text.trimmed().isEmpty())
        return makeError(QStringLiteral("An empty note cannot be saved."));
    qint64 id = 0;
    const QDateTime now = m_db->clock().now();
    auto written = m_db->write([&](SQLite::Database& db) -> Result<void> {
        SQLite::Statement exists(db, "SELECT 1 FROM tickets WHERE id = ?");
        exists.bind(1, static_cast<int64_t>(ticketId));
        if (!exists.executeStep())
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("There is no ticket with id %1 to add a note to.").arg(ticketId));
        // A message needs a channel: the note sits on the channel the conversation last used.
        Channel channel = Channel::Email;
        SQLite::Statement last(db, "SELECT channel FROM messages WHERE ticket_id = ? AND direction <> 'note' "
                                   "ORDER BY date DESC, id DESC LIMIT 1");
        last.bind(1, static_cast<int64_t>(ticketId));
        if (last.executeStep())
            channel = channelFromString(sql::textOf(last.getColumn(0))).value_or(Channel::Email);
        InboundMessage m;
        m.channel = channel;
        m.direction = Direction::Note;
        m.date = now;
        m.text = text;
        m.source = QStringLiteral("note");
        id = ticket_writes::insertMessage(db, m, ticketId, std::nullopt, now);
        ticket_writes::noteActivity(db, ticketId, Direction::Note, now, {});
        ticket_writes::recordEvent(db, ticketId, now, QStringLiteral("note_added"),
                                   QStringLiteral("{\"message\":%1}").arg(id));
        return {};
    });
    if (!written)
        return written.error();
    return id;
}

} // namespace casebook
