#include "undo_text.h"

#include "channel_badge.h"

#include <QDateTime>
#include <QJsonValue>
#include <QLocale>

namespace casebook::ui {
namespace {

QString numbered(int number)
{
    return QStringLiteral("#%1").arg(number);
}

QString statusName(const QJsonValue& v)
{
    const auto s = ticketStatusFromString(v.toString());
    return s ? statusDisplayName(*s) : v.toString();
}

QString categoryName(const QJsonValue& v)
{
    const auto c = categoryFromString(v.toString());
    return c ? categoryDisplayName(*c) : v.toString();
}

QString flagName(const QString& flag, bool on)
{
    if (flag == QLatin1String("vip"))
        return on ? UndoText::tr("customer marked VIP") : UndoText::tr("VIP mark removed");
    return on ? UndoText::tr("customer flagged abusive") : UndoText::tr("abusive flag removed");
}

QString snoozeText(const QJsonValue& until)
{
    const QDateTime at = QDateTime::fromString(until.toString(), Qt::ISODate);
    return at.isValid() ? UndoText::tr("snoozed until %1").arg(QLocale().toString(at.toLocalTime(), QLocale::ShortFormat))
                        : UndoText::tr("woken");
}

// The fields of a bulk change (core's describe(): status, priority, category, snooze, flag/unflag).
QStringList bulkParts(const QJsonObject& what)
{
    QStringList parts;
    if (what.contains(QStringLiteral("status")))
        parts << UndoText::tr("status %1").arg(statusName(what.value(QStringLiteral("status"))));
    if (what.contains(QStringLiteral("priority")))
        parts << UndoText::tr("priority %1").arg(UndoText::priorityName(what.value(QStringLiteral("priority")).toInt()));
    if (what.contains(QStringLiteral("category")))
        parts << UndoText::tr("category %1").arg(categoryName(what.value(QStringLiteral("category"))));
    if (what.contains(QStringLiteral("snooze")))
        parts << snoozeText(what.value(QStringLiteral("snooze")));
    if (what.contains(QStringLiteral("flag")))
        parts << flagName(what.value(QStringLiteral("flag")).toString(), true);
    if (what.contains(QStringLiteral("unflag")))
        parts << flagName(what.value(QStringLiteral("unflag")).toString(), false);
    return parts;
}

} // namespace

QString UndoText::priorityName(int priority)
{
    switch (priority) {
    case 0:
        return tr("Normal");
    case 1:
        return tr("High");
    default:
        return tr("Urgent");
    }
}

QString UndoText::of(const UndoRecord& r)
{
    if (r.numbers.isEmpty())
        return r.description; // written before the parts were kept
    const QString n = numbered(r.numbers.first());
    const QJsonObject& d = r.detail;
    if (r.kind == QLatin1String("status"))
        return tr("%1 %2 → %3").arg(n, statusName(d.value(QStringLiteral("from"))), statusName(d.value(QStringLiteral("to"))));
    if (r.kind == QLatin1String("priority"))
        return tr("%1 priority %2").arg(n, priorityName(d.value(QStringLiteral("to")).toInt()));
    if (r.kind == QLatin1String("category"))
        return tr("%1 category %2").arg(n, categoryName(d.value(QStringLiteral("to"))));
    if (r.kind == QLatin1String("summary"))
        return tr("%1 case summary").arg(n);
    if (r.kind == QLatin1String("order_added"))
        return tr("%1 order %2 added").arg(n, d.value(QStringLiteral("order")).toString());
    if (r.kind == QLatin1String("customer_flag"))
        return QStringLiteral("%1 %2").arg(n, flagName(d.value(QStringLiteral("flag")).toString(),
                                                        d.value(QStringLiteral("on")).toBool()));
    if (r.kind == QLatin1String("snooze"))
        return QStringLiteral("%1 %2").arg(n, snoozeText(d.value(QStringLiteral("until"))));
    if (r.kind == QLatin1String("merge"))
        return tr("merge of %1 into %2").arg(numbered(d.value(QStringLiteral("from")).toInt()), n);
    if (r.kind == QLatin1String("split"))
        return tr("split of %1 out of %2").arg(numbered(d.value(QStringLiteral("new_ticket")).toInt()), n);
    if (r.kind == QLatin1String("bulk")) {
        QStringList numbers;
        for (int number : r.numbers)
            numbers << numbered(number);
        return tr("%1: %2").arg(numbers.join(QStringLiteral(", ")), bulkParts(d).join(QStringLiteral(", ")));
    }
    return r.description;
}

} // namespace casebook::ui
