#include "compose/reply_route.h"

#include "accounts/account_store.h"
#include "store/sql_util.h"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

namespace casebook {
namespace {

// Both read the table of channels: the kind whose syncs write "PREFIX:<account>", and the kind that
// answers a channel (none for one that is only imported).
std::optional<AccountKind> kindOfSourcePrefix(const QString& prefix)
{
    return accountKindOfSourcePrefix(prefix.toStdString());
}

std::optional<AccountKind> kindOfChannel(Channel c)
{
    return channelInfo(c).accountKind;
}

Channel channelOfKind(AccountKind k)
{
    return channelOfAccountKind(k).channel;
}

} // namespace

Result<ReplyRoute> replyRouteFor(Database& db, qint64 ticketId)
{
    ReplyRoute route;
    route.ticketId = ticketId;
    QString source;
    std::optional<Channel> channel;
    try {
        // The ticket's latest incoming message, by messages' (ticket_id, …) index.
        SQLite::Statement st(
            db.reader(),
            "SELECT t.number, t.subject, m.source, m.channel FROM tickets t LEFT JOIN messages m "
            "ON m.id = (SELECT id FROM messages WHERE ticket_id = t.id AND direction = 'in' "
            "ORDER BY date DESC, id DESC LIMIT 1) WHERE t.id = ?");
        st.bind(1, static_cast<int64_t>(ticketId));
        if (!st.executeStep())
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("There is no ticket with id %1.").arg(ticketId));
        route.ticketNumber = st.getColumn(0).getInt();
        route.subject = sql::textOf(st.getColumn(1));
        source = sql::textOf(st.getColumn(2));
        channel = channelFromString(sql::textOf(st.getColumn(3)));
    } catch (const SQLite::Exception& e) {
        return makeError(ErrorCode::Io,
                         QStringLiteral("Could not read the ticket: %1").arg(QString::fromUtf8(e.what())));
    }
    route.channel = channel.value_or(Channel::Email);
    auto accounts = AccountStore(db).list();
    if (!accounts)
        return accounts.error();
    const auto found = [&](const Account& a) {
        route.account = a;
        // An email account answers Amazon's relay as well as email: the message's channel stays when the
        // account's kind answers it.
        if (!channel || kindOfChannel(*channel) != a.kind)
            route.channel = channelOfKind(a.kind);
        return route;
    };
    const int colon = source.indexOf(QLatin1Char(':'));
    if (colon > 0) {
        const auto kind = kindOfSourcePrefix(source.left(colon));
        const QString name = source.mid(colon + 1);
        for (const Account& a : *accounts)
            if (kind && a.kind == *kind && a.name == name)
                return found(a);
    }
    const auto kind = channel ? kindOfChannel(*channel) : std::nullopt;
    if (!kind) {
        route.noAccount = makeError(ErrorCode::NotFound,
                                    QStringLiteral("Ticket #%1 came from no channel Casebook can answer on.")
                                        .arg(route.ticketNumber));
        return route;
    }
    QList<Account> matching;
    for (const Account& a : *accounts)
        if (a.kind == *kind)
            matching << a;
    if (matching.size() == 1)
        return found(matching.first());
    route.noAccount =
        matching.isEmpty()
            ? makeError(ErrorCode::NotFound,
                        QStringLiteral(
                            "No %1 account is set up to answer ticket #%2 (casebook-cli account add %1 …).")
                            .arg(toString(*kind))
                            .arg(route.ticketNumber))
            : makeError(
                  ErrorCode::Conflict,
                  QStringLiteral("Several %1 accounts could answer ticket #%2 and none brought it in; cannot "
                                 "tell which one should.")
                      .arg(toString(*kind))
                      .arg(route.ticketNumber));
    return route;
}

} // namespace casebook
