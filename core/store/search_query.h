#pragma once

#include "model/enums.h"
#include "model/result.h"
#include "search/query.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace casebook {

// What a person typed in the search box, parsed. Free words and "quoted phrases" must all match (AND);
// a trailing * makes a prefix (refun*); from:, to: and subject: limit a word or phrase to those fields;
// order:, status: and channel: filter by the ticket's order numbers, the ticket's status and the message's
// channel (several of one kind: any of them); after:YYYY-MM-DD and before:YYYY-MM-DD bound the date, the
// first inclusive and the second exclusive, in days of `zone`. The query language itself is
// search::Query (no Qt, for casebook-cli); this is it in Qt types.
class SearchQuery {
public:
    enum class Field { Any, From, To, Subject };

    struct Term {
        Field field = Field::Any;
        QString text;
        bool prefix = false;
        bool excluded = false; // -word
    };

    // A clear error for unbalanced quotes, unknown fields, bad dates or values, and a query with nothing in
    // it. An invalid zone means the system's, looked up only when the query has a date (that reads files).
    static Result<SearchQuery> parse(const QString& text, const QTimeZone& zone = QTimeZone());

    QList<Term> terms;
    QStringList orders; // exact order numbers, or prefixes when they end in *
    QList<TicketStatus> statuses;
    QList<Channel> channels;
    QDateTime after;  // inclusive; null when unbounded
    QDateTime before; // exclusive; null when unbounded

    // The FTS5 MATCH expression for the terms, each quoted so that user text is never FTS5 syntax;
    // empty when the query has no text terms.
    QString ftsExpression() const;

    // The same query for the Qt-free search code.
    search::Query plain() const;
};

} // namespace casebook
