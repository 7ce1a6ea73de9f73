#include "cli/ticket_arg.h"

#include "store/ticket_queries.h"

namespace casebook::cli {

std::optional<int> ticketNumberArg(const QString& s)
{
    bool ok = false;
    const int n = QString(s).remove(QLatin1Char('#')).toInt(&ok);
    return ok && n > 0 ? std::optional<int>(n) : std::nullopt;
}

Result<TicketSummary> ticketArg(Database& db, const QString& s)
{
    const auto number = ticketNumberArg(s);
    if (!number)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("'%1' is not a ticket number (e.g. 1042)").arg(s));
    auto t = ticket_queries::ticketByNumber(db.reader(), *number);
    if (!t)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("there is no ticket #%1 in %2").arg(*number).arg(db.path()));
    return *t;
}

} // namespace casebook::cli
