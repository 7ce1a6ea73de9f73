#include "casefile/contact_mask.h"

#include <QRegularExpression>

namespace casebook {
namespace {

QString maskEmail(const QString& address)
{
    const qsizetype at = address.indexOf(QLatin1Char('@'));
    if (at <= 0)
        return QString(address.size(), QLatin1Char('*'));
    return address.left(1) + QString(qMax<qsizetype>(at - 1, 3), QLatin1Char('*')) + address.mid(at);
}

// Every digit but the last four becomes a star; separators stay so the shape is still recognisable.
QString maskDigits(const QString& number)
{
    qsizetype digits = 0;
    for (QChar c : number)
        digits += c.isDigit() ? 1 : 0;
    QString out = number;
    qsizetype seen = 0;
    for (QChar& c : out) {
        if (!c.isDigit())
            continue;
        if (++seen <= digits - 4)
            c = QLatin1Char('*');
    }
    return out;
}

QString replaceAll(const QString& text, const QRegularExpression& re, QString (*mask)(const QString&))
{
    QString out;
    qsizetype last = 0;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last) + mask(m.captured());
        last = m.capturedEnd();
    }
    return out + text.mid(last);
}

} // namespace

QString maskContacts(const QString& text, const QStringList& known)
{
    QString out = text;
    for (const QString& k : known) {
        if (k.size() < 4)
            continue;
        out.replace(k, k.contains(QLatin1Char('@')) ? maskEmail(k) : maskDigits(k), Qt::CaseInsensitive);
    }
    static const QRegularExpression email(
        QStringLiteral("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}"));
    // Korean mobile and land lines (010-1234-5678, 02-123-4567, 01012345678) and +82 forms; long order
    // numbers do not start with 0 and are left alone.
    static const QRegularExpression phone(QStringLiteral(
        "(?<![\\d*])(?:\\+82[ -]?1\\d|\\+82[ -]?\\d{1,2}|0\\d{1,2})[ .-]?\\d{3,4}[ .-]?\\d{4}(?!\\d)"));
    out = replaceAll(out, email, maskEmail);
    return replaceAll(out, phone, maskDigits);
}

} // namespace casebook
