// Reading the marketplaces' JSON: ids beyond 2^53 and their ways of writing time. Shared by the inquiry
// parsers (marketplace_items.cpp) and the order parsers (order_sheets.cpp).
#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>
#include <QTimeZone>

namespace casebook::marketplace_json {

// Ids can exceed 2^53; read them from the JSON text's own digits where the double would round.
inline QString idText(const QJsonValue& v)
{
    if (v.isString())
        return v.toString().trimmed();
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d >= 0 && d < 9007199254740992.0)
            return QString::number(static_cast<qint64>(d));
    }
    return {};
}

// Coupang writes Korea time without a zone: "2025-05-18 17:37:39" or "2025-05-18T17:37:39".
inline QDateTime koreaTime(const QString& s)
{
    QDateTime t = QDateTime::fromString(s.trimmed(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!t.isValid())
        t = QDateTime::fromString(s.trimmed(), QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"));
    if (!t.isValid())
        return {};
    t.setTimeZone(QTimeZone(9 * 3600));
    return t.toUTC();
}

// Naver writes ISO 8601 with its offset; one without is Korea time.
inline QDateTime isoTime(const QString& s)
{
    QDateTime t = QDateTime::fromString(s.trimmed(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s.trimmed(), Qt::ISODate);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime)
        t.setTimeZone(QTimeZone(9 * 3600));
    return t.toUTC();
}

} // namespace casebook::marketplace_json
