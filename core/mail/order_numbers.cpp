#include "mail/order_numbers.h"

#include <QRegularExpression>

namespace casebook {

namespace {

const QRegularExpression& amazonOrder()
{
    static const QRegularExpression amazon(QStringLiteral("(?<![0-9])([0-9]{3}-[0-9]{7}-[0-9]{7})(?![0-9])"));
    return amazon;
}

} // namespace

QString firstAmazonOrderNumber(const QString& text)
{
    return amazonOrder().match(text).captured(1);
}

QStringList findOrderNumbers(const QString& text)
{
    QStringList out;
    for (auto it = amazonOrder().globalMatch(text); it.hasNext();)
        out << it.next().captured(1);

    // The keyword, then up to a few separators (colon, '#', 'no.', spaces, brackets), then the digits.
    static const QRegularExpression numeric(
        QStringLiteral("(?:주문\\s*번호|주문|상품주문번호|order(?:\\s*(?:number|no\\.?|id|#))?|오더)"
                       "[\\s:：#.\\-()\\[\\]은는이가]{0,6}([0-9]{8,20})(?![0-9\\-])"),
        QRegularExpression::CaseInsensitiveOption);
    for (auto it = numeric.globalMatch(text); it.hasNext();)
        out << it.next().captured(1);
    out.removeDuplicates();
    return out;
}

} // namespace casebook
