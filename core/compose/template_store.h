#pragma once

#include "compose/reply_template.h"
#include "model/result.h"
#include "store/database.h"

#include <QList>
#include <optional>

namespace casebook {

// The seller's template library: the built-ins, the user's own templates, and the user's edits to
// built-ins, kept in the `templates` table. A row with builtin = 1 overrides the built-in of the same id;
// with an empty body it hides it. Restoring a built-in drops its row. Reads use the calling thread's reader.
class TemplateStore {
public:
    // Loads the built-ins compiled into the program.
    static Result<TemplateStore> open(Database& db);
    TemplateStore(Database& db, QList<ReplyTemplate> builtins);

    // Every visible template, or those of one language; ordered by language, category, title.
    QList<ReplyTemplate> list(const QString& language = {}) const;
    std::optional<ReplyTemplate> find(const QString& id) const;
    // Fuzzy search for the composer's picker: the query's characters in order (case-folded, spaces
    // ignored) in the title, category or id. Templates in preferredLanguage come first, then substring
    // hits, then the tightest matches. An empty query lists everything, preferred language first.
    QList<ReplyTemplate> search(const QString& query, const QString& preferredLanguage = {}) const;

    Result<void> add(const ReplyTemplate& t);    // a new template of the user's; the id must be free
    Result<void> update(const ReplyTemplate& t); // the user's own, or a built-in (kept as an edit)
    // A user copy under newId, or "<id>-copy" (then -copy-2, …) when newId is empty.
    Result<ReplyTemplate> duplicate(const QString& id, const QString& newId = {});
    Result<void> remove(const QString& id); // the user's: deleted; a built-in: hidden until restored
    Result<void> restoreBuiltin(const QString& id);
    Result<int> restoreBuiltins(); // how many were edited or hidden

    // The listed templates (every visible one when ids is empty) in the template file format.
    Result<QByteArray> exportJson(const QStringList& ids = {}) const;
    // Adds or replaces each template of the file, in one transaction; a built-in id becomes an edit.
    Result<int> importJson(const QByteArray& json, const QString& origin);

private:
    struct Row {
        ReplyTemplate t;
        bool hidden = false;
    };
    QList<Row> rows() const;
    const ReplyTemplate* builtin(const QString& id) const;
    Result<void> put(const ReplyTemplate& t, bool hide = false);

    Database* m_db;
    QList<ReplyTemplate> m_builtins;
};

} // namespace casebook
