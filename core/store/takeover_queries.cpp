#include "store/takeover_queries.h"

#include <SQLiteCpp/Statement.h>

namespace casebook::takeover_queries {
namespace {

// The external-id prefix of the inquiries a channel's marketplace takes over; empty for none.
QString takeoverPrefix(Channel c)
{
    const ChannelInfo& info = channelInfo(c);
    if (!info.due.takesOver)
        return {};
    return QString::fromUtf8(info.idPrefix.data(), qsizetype(info.idPrefix.size())) + QStringLiteral("call:");
}

} // namespace

QHash<qint64, Channel> ofTickets(SQLite::Database& db, const QList<qint64>& ticketIds)
{
    QHash<qint64, Channel> out;
    for (const ChannelInfo& row : kChannelTable) {
        const QString prefix = takeoverPrefix(row.channel);
        if (prefix.isEmpty())
            continue;
        // Keyed on messages_ticket; the prefix only filters that ticket's few messages.
        SQLite::Statement st(db, "SELECT 1 FROM messages WHERE ticket_id = ? AND substr(external_id, 1, ?) = ? "
                                 "LIMIT 1");
        for (qint64 id : ticketIds) {
            st.reset();
            st.bind(1, static_cast<int64_t>(id));
            st.bind(2, static_cast<int>(prefix.size()));
            st.bind(3, prefix.toStdString());
            if (st.executeStep())
                out.insert(id, row.channel);
        }
    }
    return out;
}

std::optional<Channel> of(SQLite::Database& db, qint64 ticketId)
{
    const QHash<qint64, Channel> found = ofTickets(db, {ticketId});
    return found.contains(ticketId) ? std::optional(found.value(ticketId)) : std::nullopt;
}

} // namespace casebook::takeover_queries
