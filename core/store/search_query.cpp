#include "store/search_query.h"

#include "store/fts_tokenizer.h"

#include <QRegularExpression>

namespace casebook {
namespace {

const QString kFieldList =
    QStringLiteral("from:, to:, subject:, order:, status:, channel:, after: or before:");

bool isAsciiLetter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

Result<QDateTime> parseDay(const QString& field, const QString& value, const QTimeZone& zone)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    QString v = value;
    v.replace(QLatin1Char('/'), QLatin1Char('-'));
    const QDate day = shape.match(v).hasMatch() ? QDate::fromString(v, Qt::ISODate) : QDate();
    if (!day.isValid())
        return makeError(
            QStringLiteral("\"%1\" after %2: is not a date. Write it as YYYY-MM-DD, e.g. %2:2026-01-31.")
                .arg(value, field));
    // Local time through the C library: QTimeZone::systemTimeZone() parses the whole zone file, a fifth of a
    // one-shot search's time.
    return zone.isValid() ? QDateTime(day, QTime(0, 0), zone) : QDateTime(day, QTime(0, 0), Qt::LocalTime);
}

QStringList channelNames()
{
    QStringList names;
    for (Channel c : {Channel::Email, Channel::Coupang, Channel::Naver, Channel::Csv})
        names << toString(c);
    return names;
}

// Applies one field:value pair to the query.
Result<void> applyField(SearchQuery& q, const QString& field, const QString& value, bool prefix,
                        const QTimeZone& zone)
{
    if (value.trimmed().isEmpty())
        return makeError(
            QStringLiteral("%1: needs a value right after the colon, e.g. %1:kim (no space).").arg(field));
    const SearchQuery::Field textField = field == QLatin1String("from")      ? SearchQuery::Field::From
                                         : field == QLatin1String("to")      ? SearchQuery::Field::To
                                         : field == QLatin1String("subject") ? SearchQuery::Field::Subject
                                                                             : SearchQuery::Field::Any;
    if (textField != SearchQuery::Field::Any) {
        q.terms.append({textField, value, prefix});
        return {};
    }
    if (field == QLatin1String("order")) {
        q.orders << (prefix ? value + QLatin1Char('*') : value);
    } else if (field == QLatin1String("status")) {
        const auto s = ticketStatusFromString(value.toLower());
        if (!s)
            return makeError(QStringLiteral("\"%1\" is not a ticket status; use one of %2.")
                                 .arg(value, allTicketStatusNames().join(QStringLiteral(", "))));
        q.statuses << *s;
    } else if (field == QLatin1String("channel")) {
        const auto c = channelFromString(value.toLower());
        if (!c)
            return makeError(QStringLiteral("\"%1\" is not a channel; use one of %2.")
                                 .arg(value, channelNames().join(QStringLiteral(", "))));
        q.channels << *c;
    } else if (field == QLatin1String("after") || field == QLatin1String("before")) {
        auto day = parseDay(field, value, zone);
        if (!day)
            return day.error();
        QDateTime& bound = field == QLatin1String("after") ? q.after : q.before;
        // Two bounds of one kind narrow: the later after:, the earlier before:.
        const bool narrower = field == QLatin1String("after") ? day.value() > bound : day.value() < bound;
        if (!bound.isValid() || narrower)
            bound = day.value();
    } else {
        return makeError(QStringLiteral("\"%1:\" is not a search field. Use %2, or put the text in quotes to "
                                        "search for it.")
                             .arg(field, kFieldList));
    }
    return {};
}

QString quoted(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

Result<SearchQuery> SearchQuery::parse(const QString& text, const QTimeZone& zone)
{
    SearchQuery q;
    bool droppedTerm = false;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (text[i].isSpace()) {
            ++i;
            continue;
        }
        QString field;
        qsizetype j = i;
        while (j < n && isAsciiLetter(text[j]))
            ++j;
        if (j > i && j < n && text[j] == QLatin1Char(':')) {
            field = text.mid(i, j - i).toLower();
            i = j + 1;
        }
        QString value;
        bool prefix = false;
        if (i < n && text[i] == QLatin1Char('"')) {
            const qsizetype close = text.indexOf(QLatin1Char('"'), i + 1);
            if (close < 0)
                return makeError(
                    QStringLiteral("The quote at character %1 is never closed: add a closing \" or "
                                   "remove it.")
                        .arg(i + 1));
            value = text.mid(i + 1, close - i - 1);
            i = close + 1;
            if (i < n && text[i] == QLatin1Char('*')) {
                prefix = true;
                ++i;
            }
        } else {
            qsizetype k = i;
            while (k < n && !text[k].isSpace() && text[k] != QLatin1Char('"'))
                ++k;
            value = text.mid(i, k - i);
            i = k;
            while (value.endsWith(QLatin1Char('*'))) {
                value.chop(1);
                prefix = true;
            }
        }
        if (!field.isEmpty()) {
            if (auto applied = applyField(q, field, value, prefix, zone); !applied)
                return applied.error();
        } else {
            q.terms.append({Field::Any, value, prefix});
        }
    }

    // Terms with nothing the index holds (punctuation, a lone *) are dropped rather than matching nothing.
    QList<Term> kept;
    for (Term& t : q.terms) {
        const QList<FtsTokenizer::Token> tokens = FtsTokenizer::tokens(t.text);
        if (tokens.isEmpty()) {
            droppedTerm = true;
            continue;
        }
        // A lone Hangul or Han character is indexed only inside bigrams: find it at their start.
        if (tokens.last().singleCjk)
            t.prefix = true;
        kept.append(t);
    }
    q.terms = kept;

    if (q.terms.isEmpty() && q.orders.isEmpty() && q.statuses.isEmpty() && q.channels.isEmpty() &&
        !q.after.isValid() && !q.before.isValid()) {
        if (droppedTerm)
            return makeError(
                QStringLiteral("\"%1\" has no letters or digits to search for.").arg(text.trimmed()));
        return makeError(
            QStringLiteral("There is nothing to search for: type a word, a \"phrase\" or a field such "
                           "as from:kim."));
    }
    return q;
}

QString SearchQuery::ftsExpression() const
{
    QStringList parts;
    for (const Term& t : terms) {
        QString column;
        switch (t.field) {
        case Field::Any:
            break;
        case Field::From:
            column = QStringLiteral("{from_name from_address} : ");
            break;
        case Field::To:
            column = QStringLiteral("to_addresses : ");
            break;
        case Field::Subject:
            column = QStringLiteral("subject : ");
            break;
        }
        parts << column + quoted(t.text) + (t.prefix ? QStringLiteral("*") : QString());
    }
    return parts.join(QStringLiteral(" AND "));
}

} // namespace casebook
