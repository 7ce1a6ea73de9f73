#include "store/message_search.h"

#include "search/searcher.h"

namespace casebook {
namespace {

// The searches themselves are search::Searcher's (no Qt, shared with casebook-cli); this is their Qt face.
search::Order plainOrder(SearchOrder order)
{
    return order == SearchOrder::Relevance ? search::Order::Relevance : search::Order::Newest;
}

Error searchError(const std::string& message)
{
    return makeError(QString::fromStdString(message));
}

SearchHit qtHit(const search::Hit& h)
{
    SearchHit out;
    out.messageId = h.messageId;
    out.ticketId = h.ticketId;
    out.ticketNumber = h.ticketNumber;
    out.channel = channelFromString(QString::fromStdString(h.channel)).value_or(Channel::Email);
    out.direction = directionFromString(QString::fromStdString(h.direction)).value_or(Direction::In);
    out.fromName = QString::fromStdString(h.fromName);
    out.fromAddress = QString::fromStdString(h.fromAddress);
    out.subject = QString::fromStdString(h.subject);
    if (h.date)
        out.date = QDateTime::fromMSecsSinceEpoch(*h.date, QTimeZone::utc());
    out.snippet = SearchSnippet::fromPlain(h.snippet);
    return out;
}

template <typename F>
auto withParsed(const QString& text, F&& run) -> decltype(run(std::declval<const SearchQuery&>()))
{
    auto q = SearchQuery::parse(text);
    if (!q)
        return q.error();
    return run(q.value());
}

} // namespace

Result<QList<SearchHit>> MessageSearch::hits(const SearchQuery& query, const SearchPage& page)
{
    auto found = search::Searcher(m_db.getHandle())
                     .hits(query.plain(), {plainOrder(page.order), page.limit, page.offset});
    if (!found)
        return searchError(found.error());
    QList<SearchHit> out;
    out.reserve(static_cast<qsizetype>(found.value().size()));
    for (const search::Hit& h : found.value())
        out.append(qtHit(h));
    return out;
}

Result<qint64> MessageSearch::count(const SearchQuery& query)
{
    auto n = search::Searcher(m_db.getHandle()).count(query.plain());
    if (!n)
        return searchError(n.error());
    return static_cast<qint64>(n.value());
}

Result<QList<qint64>> MessageSearch::ticketIds(const SearchQuery& query, SearchOrder order)
{
    auto ids = search::Searcher(m_db.getHandle()).ticketIds(query.plain(), plainOrder(order));
    if (!ids)
        return searchError(ids.error());
    QList<qint64> out;
    for (std::int64_t id : ids.value())
        out.append(id);
    return out;
}

Result<QList<SearchHit>> MessageSearch::hits(const QString& text, const SearchPage& page)
{
    return withParsed(text, [&](const SearchQuery& q) { return hits(q, page); });
}

Result<qint64> MessageSearch::count(const QString& text)
{
    return withParsed(text, [&](const SearchQuery& q) { return count(q); });
}

Result<QList<qint64>> MessageSearch::ticketIds(const QString& text, SearchOrder order)
{
    return withParsed(text, [&](const SearchQuery& q) { return ticketIds(q, order); });
}

} // namespace casebook
