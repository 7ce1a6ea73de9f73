#pragma once

#include "model/enums.h"
#include "model/result.h"
#include "store/search_query.h"
#include "store/search_snippet.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <SQLiteCpp/Database.h>

namespace casebook {

// One message that matched a search, with what a result list shows.
struct SearchHit {
    qint64 messageId = 0;
    qint64 ticketId = 0;
    int ticketNumber = 0;
    Channel channel = Channel::Email;
    Direction direction = Direction::In;
    QString fromName;
    QString fromAddress;
    QString subject;
    QDateTime date;
    SearchSnippet snippet;
};

enum class SearchOrder { Newest, Relevance };

struct SearchPage {
    SearchOrder order = SearchOrder::Newest; // Relevance needs words; a query of filters only is newest first
    int limit = 50;
    int offset = 0;
};

// Runs searches over the message index on a read connection (Database::reader()). Quarantined messages
// are never found. The overloads taking text parse it with SearchQuery::parse in the local time zone and
// return its error when it does not parse.
class MessageSearch {
public:
    explicit MessageSearch(SQLite::Database& reader) : m_db(reader) {}

    Result<QList<SearchHit>> hits(const SearchQuery& query, const SearchPage& page = {});
    Result<QList<SearchHit>> hits(const QString& text, const SearchPage& page = {});

    // How many messages match.
    Result<qint64> count(const SearchQuery& query);
    Result<qint64> count(const QString& text);

    // The tickets with a matching message, each once: by their newest match, or by their best match.
    Result<QList<qint64>> ticketIds(const SearchQuery& query, SearchOrder order = SearchOrder::Newest);
    Result<QList<qint64>> ticketIds(const QString& text, SearchOrder order = SearchOrder::Newest);

private:
    SQLite::Database& m_db;
};

} // namespace casebook
