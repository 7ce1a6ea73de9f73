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

Result<QDateTime> timeArg(const QString& s)
{
    QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (d.isValid())
            t = d.startOfDay();
    }
    if (!t.isValid())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("'%1' is not a date: use ISO 8601, e.g. 2026-03-12, 2026-03-12T09:00 "
                                        "(local time) or 2026-03-12T09:00:00+09:00")
                             .arg(s));
    return t.toUTC();
}

} // namespace casebook::cli
