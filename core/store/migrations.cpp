#include "store/migrations.h"

#include "search/search_connection.h"
#include "store/sqlite_errors.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <array>

namespace casebook {
namespace {

// Step 1: the whole first schema. Times are UTC milliseconds since the epoch; hashes are lower-case hex.
constexpr const char* kStep1 = R"SQL(
CREATE TABLE customers (
  id            INTEGER PRIMARY KEY,
  display_name  TEXT    NOT NULL DEFAULT '',
  abusive       INTEGER NOT NULL DEFAULT 0,
  vip           INTEGER NOT NULL DEFAULT 0,
  note          TEXT    NOT NULL DEFAULT '',
  created_at    INTEGER NOT NULL
);
CREATE TABLE customer_identities (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  kind         TEXT    NOT NULL,
  value        TEXT    NOT NULL,
  UNIQUE (kind, value)
);
CREATE INDEX customer_identities_customer ON customer_identities(customer_id);

CREATE TABLE tickets (
  id               INTEGER PRIMARY KEY,
  number           INTEGER NOT NULL UNIQUE,
  subject          TEXT    NOT NULL DEFAULT '',
  customer_id      INTEGER REFERENCES customers(id),
  status           TEXT    NOT NULL DEFAULT 'new'
                   CHECK (status IN ('new','open','waiting','resolved','spam')),
  priority         INTEGER NOT NULL DEFAULT 0,
  category         TEXT    NOT NULL DEFAULT 'other',
  language         TEXT,
  subject_key      TEXT    NOT NULL DEFAULT '',
  summary          TEXT    NOT NULL DEFAULT '',
  due_at           INTEGER,
  snoozed_until    INTEGER,
  created_at       INTEGER NOT NULL,
  last_activity_at INTEGER NOT NULL,
  unread_count     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tickets_activity ON tickets(last_activity_at DESC);
CREATE INDEX tickets_status ON tickets(status, last_activity_at DESC);
CREATE INDEX tickets_customer ON tickets(customer_id, subject_key);

CREATE TABLE ticket_orders (
  ticket_id     INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  order_number  TEXT    NOT NULL,
  PRIMARY KEY (ticket_id, order_number)
) WITHOUT ROWID;
CREATE INDEX ticket_orders_number ON ticket_orders(order_number);

-- Raw bytes of every message exactly as received, once per content.
CREATE TABLE raw_messages (
  sha256  TEXT    PRIMARY KEY,
  size    INTEGER NOT NULL,
  data    BLOB    NOT NULL
) WITHOUT ROWID;

CREATE TABLE messages (
  id            INTEGER PRIMARY KEY,
  ticket_id     INTEGER REFERENCES tickets(id),
  direction     TEXT    NOT NULL CHECK (direction IN ('in','out','note')),
  channel       TEXT    NOT NULL,
  external_id   TEXT,
  thread_key    TEXT,
  raw_sha256    TEXT    UNIQUE REFERENCES raw_messages(sha256),
  from_name     TEXT    NOT NULL DEFAULT '',
  from_address  TEXT    NOT NULL DEFAULT '',
  to_addresses  TEXT    NOT NULL DEFAULT '',
  subject       TEXT    NOT NULL DEFAULT '',
  date          INTEGER,
  text_body     TEXT    NOT NULL DEFAULT '',
  html_body     TEXT    NOT NULL DEFAULT '',
  in_reply_to   TEXT,
  refs          TEXT    NOT NULL DEFAULT '',
  customer_id   INTEGER REFERENCES customers(id),
  source        TEXT    NOT NULL DEFAULT '',
  source_ref    TEXT    NOT NULL DEFAULT '',
  quarantine_reason TEXT,
  created_at    INTEGER NOT NULL,
  CHECK ((ticket_id IS NULL) = (quarantine_reason IS NOT NULL))
);
CREATE INDEX messages_ticket ON messages(ticket_id, date);
CREATE INDEX messages_external ON messages(external_id);
CREATE INDEX messages_thread_key ON messages(thread_key) WHERE thread_key IS NOT NULL;
-- Every Message-ID a message names in In-Reply-To or References, for threading in either arrival order.
CREATE TABLE message_refs (
  message_id  INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  ref         TEXT    NOT NULL,
  PRIMARY KEY (message_id, ref)
) WITHOUT ROWID;
CREATE INDEX message_refs_ref ON message_refs(ref);
CREATE INDEX messages_quarantine ON messages(created_at) WHERE quarantine_reason IS NOT NULL;

-- Content of attachments, once per content.
CREATE TABLE blobs (
  sha256  TEXT    PRIMARY KEY,
  size    INTEGER NOT NULL,
  data    BLOB    NOT NULL
) WITHOUT ROWID;

CREATE TABLE attachments (
  id          INTEGER PRIMARY KEY,
  message_id  INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  sha256      TEXT    NOT NULL REFERENCES blobs(sha256),
  filename    TEXT    NOT NULL DEFAULT '',
  media_type  TEXT    NOT NULL DEFAULT 'application/octet-stream',
  size        INTEGER NOT NULL
);
CREATE INDEX attachments_message ON attachments(message_id);

CREATE TABLE evidence (
  id             INTEGER PRIMARY KEY,
  ticket_id      INTEGER NOT NULL REFERENCES tickets(id),
  sha256         TEXT    NOT NULL,
  size           INTEGER NOT NULL,
  original_name  TEXT    NOT NULL,
  media_type     TEXT    NOT NULL,
  captured_at    INTEGER,
  added_at       INTEGER NOT NULL,
  note           TEXT    NOT NULL DEFAULT '',
  source         TEXT    NOT NULL DEFAULT '',
  UNIQUE (ticket_id, sha256)
);

-- Append-only: each entry carries the hash of the one before it in the same case.
CREATE TABLE custody_log (
  id          INTEGER PRIMARY KEY,
  ticket_id   INTEGER NOT NULL REFERENCES tickets(id),
  seq         INTEGER NOT NULL,
  at          INTEGER NOT NULL,
  action      TEXT    NOT NULL,
  detail      TEXT    NOT NULL DEFAULT '',
  prev_hash   TEXT    NOT NULL,
  entry_hash  TEXT    NOT NULL,
  UNIQUE (ticket_id, seq)
);
CREATE TRIGGER custody_log_no_update BEFORE UPDATE ON custody_log
  BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
CREATE TRIGGER custody_log_no_delete BEFORE DELETE ON custody_log
  BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;

CREATE TABLE templates (
  id          TEXT    PRIMARY KEY,
  language    TEXT    NOT NULL,
  category    TEXT    NOT NULL,
  title       TEXT    NOT NULL,
  body        TEXT    NOT NULL,
  plain_body  TEXT    NOT NULL DEFAULT '',
  builtin     INTEGER NOT NULL DEFAULT 0,
  updated_at  INTEGER NOT NULL
);

-- Settings only: secrets live in the system keychain, never here.
CREATE TABLE accounts (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL UNIQUE,
  kind        TEXT    NOT NULL,
  settings    TEXT    NOT NULL DEFAULT '{}',
  created_at  INTEGER NOT NULL
);

-- Resume points of sources, committed with the items they cover.
CREATE TABLE source_cursors (
  source      TEXT    PRIMARY KEY,
  cursor      TEXT    NOT NULL,
  updated_at  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE outbox (
  id               INTEGER PRIMARY KEY,
  ticket_id        INTEGER NOT NULL REFERENCES tickets(id),
  account_id       INTEGER REFERENCES accounts(id),
  channel          TEXT    NOT NULL,
  subject          TEXT    NOT NULL DEFAULT '',
  body             TEXT    NOT NULL,
  raw              BLOB,
  state            TEXT    NOT NULL DEFAULT 'queued'
                   CHECK (state IN ('queued','sending','sent','failed','unknown')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  last_error       TEXT    NOT NULL DEFAULT '',
  next_attempt_at  INTEGER,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
);
CREATE INDEX outbox_state ON outbox(state, next_attempt_at);

CREATE TABLE events (
  id         INTEGER PRIMARY KEY,
  ticket_id  INTEGER REFERENCES tickets(id),
  at         INTEGER NOT NULL,
  kind       TEXT    NOT NULL,
  detail     TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX events_ticket ON events(ticket_id, at);

CREATE TABLE meta (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;
)SQL";

// Step 2: the search index. External content (the text lives once, in messages), kept right by triggers so
// that every path that writes messages keeps it right without knowing it exists. Only messages in a ticket
// are indexed: quarantined ones (the only ones without a ticket) are never found, so a plain count needs
// no look at the messages table. Hence no 'rebuild' (it would index them): rebuild with 'delete-all' and
// the INSERT … SELECT below. Updates that touch no indexed column (a ticket merge) do not re-index.
constexpr const char* kStep2 = R"SQL(
CREATE VIRTUAL TABLE message_fts USING fts5(
  subject, text_body, from_name, from_address, to_addresses,
  content='messages', content_rowid='id', tokenize='casebook'
);
CREATE TRIGGER message_fts_insert AFTER INSERT ON messages WHEN new.quarantine_reason IS NULL BEGIN
  INSERT INTO message_fts(rowid, subject, text_body, from_name, from_address, to_addresses)
  VALUES (new.id, new.subject, new.text_body, new.from_name, new.from_address, new.to_addresses);
END;
CREATE TRIGGER message_fts_delete AFTER DELETE ON messages WHEN old.quarantine_reason IS NULL BEGIN
  INSERT INTO message_fts(message_fts, rowid, subject, text_body, from_name, from_address, to_addresses)
  VALUES ('delete', old.id, old.subject, old.text_body, old.from_name, old.from_address, old.to_addresses);
END;
CREATE TRIGGER message_fts_update
AFTER UPDATE OF id, subject, text_body, from_name, from_address, to_addresses, quarantine_reason ON messages
BEGIN
  INSERT INTO message_fts(message_fts, rowid, subject, text_body, from_name, from_address, to_addresses)
  SELECT 'delete', old.id, old.subject, old.text_body, old.from_name, old.from_address, old.to_addresses
  WHERE old.quarantine_reason IS NULL;
  INSERT INTO message_fts(rowid, subject, text_body, from_name, from_address, to_addresses)
  SELECT new.id, new.subject, new.text_body, new.from_name, new.from_address, new.to_addresses
  WHERE new.quarantine_reason IS NULL;
END;
INSERT INTO message_fts(rowid, subject, text_body, from_name, from_address, to_addresses)
  SELECT id, subject, text_body, from_name, from_address, to_addresses FROM messages
  WHERE quarantine_reason IS NULL;
)SQL";

// Step 3: what an outbox item's transport needs beyond the text (recipients and threading headers for
// mail; the inquiry, its kind and the awaited answer for a marketplace), the id the sent message will be
// known by, and when it left; plus the row of the outgoing message it became, so the ticket shows it.
constexpr const char* kStep3 = R"SQL(
ALTER TABLE outbox ADD COLUMN target TEXT NOT NULL DEFAULT '{}';
ALTER TABLE outbox ADD COLUMN external_id TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN sent_at INTEGER;
ALTER TABLE outbox ADD COLUMN message_id INTEGER REFERENCES messages(id);
CREATE INDEX outbox_ticket ON outbox(ticket_id);
)SQL";

// Step 4, for import speed. raw_messages and blobs become rowid tables: WITHOUT ROWID, a row is its key,
// and a row of several KB spills to overflow pages, so every key comparison of every lookup or insert
// read a whole message back (most of an import's time). Keyed by rowid the bytes sit apart from the
// index. (Runs with foreign keys off: the 12-step table change of the SQLite manual, checked before commit.)
// And a bulk import indexes a whole batch in one statement. FTS5 (before SQLite 3.45) writes its pending
// terms to disk at every statement savepoint, and each INSERT into messages opens one (its trigger writes a
// second table): indexed by the trigger, every message became an index segment of its own, the most costly
// part of an import. While search_index_deferred has a row (only ever inside one write transaction, see
// DeferredSearchIndex), the trigger stands aside and the writer indexes the new rows itself before commit.
constexpr const char* kStep4 = R"SQL(
CREATE TABLE raw_messages_v3 (
  sha256  TEXT    PRIMARY KEY,
  size    INTEGER NOT NULL,
  data    BLOB    NOT NULL
);
INSERT INTO raw_messages_v3(sha256, size, data) SELECT sha256, size, data FROM raw_messages;
DROP TABLE raw_messages;
ALTER TABLE raw_messages_v3 RENAME TO raw_messages;
CREATE TABLE blobs_v3 (
  sha256  TEXT    PRIMARY KEY,
  size    INTEGER NOT NULL,
  data    BLOB    NOT NULL
);
INSERT INTO blobs_v3(sha256, size, data) SELECT sha256, size, data FROM blobs;
DROP TABLE blobs;
ALTER TABLE blobs_v3 RENAME TO blobs;
CREATE TABLE search_index_deferred (
  since_id  INTEGER NOT NULL
);
DROP TRIGGER message_fts_insert;
CREATE TRIGGER message_fts_insert AFTER INSERT ON messages
WHEN new.quarantine_reason IS NULL AND NOT EXISTS (SELECT 1 FROM search_index_deferred) BEGIN
  INSERT INTO message_fts(rowid, subject, text_body, from_name, from_address, to_addresses)
  VALUES (new.id, new.subject, new.text_body, new.from_name, new.from_address, new.to_addresses);
END;
)SQL";

// Step 5: triage. A merged ticket stays (its custody log is append-only and its evidence keeps pointing at
// it) but is hidden and points at the ticket it joined. Undo records hold what an action changed, so undo
// restores exactly; saved searches are the seller's named queries.
constexpr const char* kStep5 = R"SQL(
ALTER TABLE tickets ADD COLUMN merged_into INTEGER REFERENCES tickets(id);
-- Covering indexes for the views and their counts, so 100,000 tickets list and count without a table scan.
CREATE INDEX tickets_live ON tickets(status, last_activity_at DESC, snoozed_until, due_at) WHERE merged_into IS NULL;
CREATE INDEX tickets_live_category ON tickets(category, status) WHERE merged_into IS NULL;
CREATE INDEX messages_channel ON messages(channel, ticket_id);
CREATE TABLE undo_log (
  id         INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  kind       TEXT    NOT NULL,
  ticket_id  INTEGER,
  data       TEXT    NOT NULL,
  undone_at  INTEGER
);
CREATE TABLE saved_searches (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL UNIQUE,
  query       TEXT    NOT NULL,
  created_at  INTEGER NOT NULL
);
)SQL";

// Step 6: who is sending an outbox item (ClaimOwner: boot, pid, process start time), so one process's
// recovery leaves alone what another live process is sending and only a crashed sender's items go unknown.
constexpr const char* kStep6 = R"SQL(
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
)SQL";

// Step 7: the reply or note being written, one per ticket, so it outlives a switch of ticket and a restart.
// It goes once the reply is queued or the note saved.
constexpr const char* kStep7 = R"SQL(
CREATE TABLE drafts (
  ticket_id   INTEGER PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
  mode        TEXT    NOT NULL CHECK (mode IN ('reply', 'note')),
  body        TEXT    NOT NULL,
  updated_at  INTEGER NOT NULL
);
)SQL";

// Step 8: the last turn taken at each marketplace gateway (connectors/shared_call_pacer.h), so processes
// sharing the file share the gateway's rate. One row per gateway identity ("coupang:VENDOR_ID"), updated
// in place: nothing to prune.
constexpr const char* kStep8 = R"SQL(
CREATE TABLE api_pacing (
  api_key       TEXT    PRIMARY KEY,
  last_turn_ms  INTEGER NOT NULL
) WITHOUT ROWID;
)SQL";

// Step 9: a search for a sender's address (from:kim@shop.example) looks it up here, any case. The full-text
// index answered it by a phrase whose domain words are in nearly every message (25 ms in a 100k mailbox,
// slower than notmuch); here it is a range of one index. Only messages of tickets, as in the full-text index.
constexpr const char* kStep9 = R"SQL(
CREATE INDEX messages_from_address ON messages(from_address COLLATE NOCASE) WHERE ticket_id IS NOT NULL;
)SQL";

// Step 10 (reports, issue 21): the tickets opened in a period, found by when they were opened, so a
// report of four weeks reads four weeks of tickets, not the whole table.
constexpr const char* kStep10 = R"SQL(
CREATE INDEX tickets_created ON tickets(created_at);
)SQL";

// Step 11: the order beside a ticket as its marketplace last reported it (connectors/order_lookup.h), kept so
// the side panel, `casebook-cli order` and template placeholders have it without asking the market each
// time. One row per order number asked and channel, the order as JSON (model/order.h); read by the number
// (the key's first column).
constexpr const char* kStep11 = R"SQL(
CREATE TABLE order_cache (
  channel       TEXT    NOT NULL,
  order_number  TEXT    NOT NULL,
  data          TEXT    NOT NULL,
  fetched_at    INTEGER NOT NULL,
  PRIMARY KEY (order_number, channel)
) WITHOUT ROWID;
)SQL";

// Step 12 (reports, issue 21): a year's report of a 100,000-ticket store read a page of a table per ticket
// and per message, several times over: the figures' statements now read indexes alone. messages_ticket also
// holds each message's direction and channel (the rows hold the text); tickets_created also holds what picks
// a period's tickets (merged, status) and the category, so the statements that find each ticket's messages,
// orders and events never read the ticket's row. Both widened in place rather than beside: an import still
// inserts one entry per message and ticket in each.
constexpr const char* kStep12 = R"SQL(
DROP INDEX messages_ticket;
CREATE INDEX messages_ticket ON messages(ticket_id, date, direction, channel);
DROP INDEX tickets_created;
CREATE INDEX tickets_created ON tickets(created_at, merged_into, status, category);
)SQL";

constexpr std::array<const char*, 12> kSteps{kStep1, kStep2, kStep3,  kStep4,  kStep5,  kStep6,
                                             kStep7, kStep8, kStep9, kStep10, kStep11, kStep12};
// casebook-cli's search reads the store without Qt and refuses a schema it was not written for; a new step
// must be checked against its SQL (core/search) and its version raised with it.
static_assert(
    kSteps.size() == search::SearchConnection::kSchemaVersion,
    "a new migration step: check core/search's SQL against it and raise SearchConnection::kSchemaVersion");

int userVersion(SQLite::Database& db)
{
    return db.execAndGet("PRAGMA user_version").getInt();
}

} // namespace

Error newerSchemaError(const QString& what, int found)
{
    return makeError(QStringLiteral("%1 was written by a newer Casebook (schema version %2; this Casebook knows "
                                    "up to %3). It was left untouched: open it with a newer Casebook.")
                         .arg(what)
                         .arg(found)
                         .arg(latestMigration()));
}

bool isCasebookDatabase(SQLite::Database& db, int userVersion)
{
    if (db.execAndGet("PRAGMA application_id").getInt() == kApplicationId)
        return true;
    if (userVersion > 0)
        return db.execAndGet("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'tickets'")
                   .getInt() > 0;
    return db.execAndGet("SELECT COUNT(*) FROM sqlite_master").getInt() == 0;
}

int latestMigration()
{
    return static_cast<int>(kSteps.size());
}

Result<int> migrate(SQLite::Database& db, int upTo)
{
    try {
        const int current = userVersion(db);
        if (current > latestMigration())
            return newerSchemaError(QStringLiteral("This database"), current);
        // A step may rebuild a table that others reference (drop, then rename the new one in): foreign keys
        // are checked once the step is done instead of row by row. The pragma is a no-op in a transaction.
        const bool foreignKeys = db.execAndGet("PRAGMA foreign_keys").getInt() != 0;
        if (foreignKeys && current < std::min(upTo, latestMigration()))
            db.exec("PRAGMA foreign_keys = OFF");
        struct Restore {
            SQLite::Database& db;
            bool on;
            ~Restore()
            {
                try {
                    if (on)
                        db.exec("PRAGMA foreign_keys = ON");
                } catch (const SQLite::Exception&) {
                    // Only fails inside a transaction, and none is left open here.
                }
            }
        } restore{db, foreignKeys};
        const int target = std::min(upTo, latestMigration());
        if (current >= target)
            return current;
        for (;;) {
            SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
            // Read again under the write lock: another process may have applied steps since `current`
            // was read (two programs opening a new database at once).
            const int version = userVersion(db);
            if (version > latestMigration())
                return newerSchemaError(QStringLiteral("This database"), version);
            if (version >= target)
                break; // the transaction's destructor rolls back: nothing was written
            // Stamped with a step, so that a database at the latest version is opened without a write.
            if (db.execAndGet("PRAGMA application_id").getInt() != kApplicationId)
                db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
            const int step = version + 1;
            db.exec(kSteps[static_cast<std::size_t>(step - 1)]);
            if (SQLite::Statement check(db, "PRAGMA foreign_key_check"); check.executeStep())
                return makeError(QStringLiteral("Could not update the database schema: step %1 left a "
                                                "broken reference in %2. Nothing was changed.")
                                     .arg(step)
                                     .arg(QString::fromUtf8(check.getColumn(0).getText())));
            db.exec("PRAGMA user_version = " + std::to_string(step));
            tx.commit();
        }
        return userVersion(db);
    } catch (const SQLite::Exception& e) {
        if (sqlite_errors::isDiskFull(e, &db))
            return sqlite_errors::diskFull();
        return makeError(ErrorCode::Io,
                         QStringLiteral("Could not update the database schema: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace casebook
