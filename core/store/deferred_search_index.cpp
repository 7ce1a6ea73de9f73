#include "store/deferred_search_index.h"

namespace casebook {

DeferredSearchIndex::DeferredSearchIndex(SQLite::Database& db) : m_db(db)
{
    m_db.exec("INSERT INTO search_index_deferred(since_id) SELECT COALESCE(MAX(id), 0) FROM messages");
}

void DeferredSearchIndex::finish()
{
    // Message ids only grow inside the transaction (nothing is deleted), so the rows past the mark are
    // exactly the ones inserted meanwhile; quarantined ones stay out of the index as the trigger keeps them.
    m_db.exec("INSERT INTO message_fts(rowid, subject, text_body, from_name, from_address, to_addresses) "
              "SELECT id, subject, text_body, from_name, from_address, to_addresses FROM messages "
              "WHERE id > (SELECT MIN(since_id) FROM search_index_deferred) AND quarantine_reason IS NULL");
    m_db.exec("DELETE FROM search_index_deferred");
}

} // namespace casebook
