#include "compose/template_store.h"

#include "compose/template_library.h"
#include "store/sql_util.h"

#include <SQLiteCpp/Statement.h>
#include <algorithm>

namespace casebook {

using sql::bindText;
using sql::textOf;

namespace {

// A built-in's row (builtin = 1) is an edit of it; an empty body hides it.
void storeRow(SQLite::Database& db, const ReplyTemplate& t, bool isBuiltin, bool hide, const QDateTime& now)
{
    SQLite::Statement st(db, "INSERT OR REPLACE INTO templates "
                             "(id, language, category, title, body, plain_body, builtin, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    bindText(st, 1, t.id);
    bindText(st, 2, t.language);
    bindText(st, 3, t.category);
    bindText(st, 4, t.title);
    bindText(st, 5, hide ? QString() : t.body);
    bindText(st, 6, hide ? QString() : t.plainBody);
    st.bind(7, isBuiltin ? 1 : 0);
    st.bind(8, static_cast<int64_t>(now.toMSecsSinceEpoch()));
    st.exec();
}

// How loosely `query` sits in `text` as a subsequence: 0 for a substring, more for a spread match, -1 when
// it is not there. Greedy from each start, which is enough for a picker's ranking.
int looseness(const QString& text, const QString& query)
{
    if (query.isEmpty())
        return 0;
    if (text.contains(query))
        return 0;
    int best = -1;
    for (qsizetype start = text.indexOf(query.front()); start >= 0;
         start = text.indexOf(query.front(), start + 1)) {
        qsizetype at = start;
        qsizetype i = 1;
        for (; i < query.size(); ++i) {
            at = text.indexOf(query.at(i), at + 1);
            if (at < 0)
                break;
        }
        if (i < query.size())
            break;
        const int spread = static_cast<int>(at - start + 1 - query.size()) + 1;
        if (best < 0 || spread < best)
            best = spread;
    }
    return best;
}

} // namespace

Result<TemplateStore> TemplateStore::open(Database& db)
{
    auto builtins = TemplateLibrary::builtins();
    if (!builtins)
        return builtins.error();
    return TemplateStore(db, std::move(builtins.value()));
}

TemplateStore::TemplateStore(Database& db, QList<ReplyTemplate> builtins)
    : m_db(&db), m_builtins(std::move(builtins))
{
}

const ReplyTemplate* TemplateStore::builtin(const QString& id) const
{
    auto it = std::find_if(m_builtins.begin(), m_builtins.end(),
                           [&](const ReplyTemplate& t) { return t.id == id; });
    return it == m_builtins.end() ? nullptr : &*it;
}

QList<TemplateStore::Row> TemplateStore::rows() const
{
    QList<Row> out;
    try {
        SQLite::Statement st(
            m_db->reader(), "SELECT id, language, category, title, body, plain_body, builtin FROM templates");
        while (st.executeStep()) {
            Row r;
            r.t.id = textOf(st.getColumn(0));
            r.t.language = textOf(st.getColumn(1));
            r.t.category = textOf(st.getColumn(2));
            r.t.title = textOf(st.getColumn(3));
            r.t.body = textOf(st.getColumn(4));
            r.t.plainBody = textOf(st.getColumn(5));
            r.t.builtin = st.getColumn(6).getInt() != 0;
            r.t.edited = r.t.builtin;
            r.hidden = r.t.builtin && r.t.body.isEmpty();
            out << r;
        }
    } catch (const SQLite::Exception&) {
        // An unreadable table shows the built-ins alone; the next write reports the real error.
    }
    return out;
}

QList<ReplyTemplate> TemplateStore::list(const QString& language) const
{
    QList<ReplyTemplate> out;
    const QList<Row> stored = rows();
    auto storedRow = [&](const QString& id) {
        return std::find_if(stored.begin(), stored.end(), [&](const Row& r) { return r.t.id == id; });
    };
    for (const ReplyTemplate& b : m_builtins) {
        const auto it = storedRow(b.id);
        if (it == stored.end())
            out << b;
        else if (!it->hidden && it->t.builtin)
            out << it->t;
    }
    for (const Row& r : stored)
        if (!r.t.builtin && !builtin(r.t.id))
            out << r.t;
    if (!language.isEmpty())
        out.removeIf([&](const ReplyTemplate& t) { return t.language != language; });
    std::stable_sort(out.begin(), out.end(), [](const ReplyTemplate& a, const ReplyTemplate& b) {
        return std::tie(a.language, a.category, a.title) < std::tie(b.language, b.category, b.title);
    });
    return out;
}

std::optional<ReplyTemplate> TemplateStore::find(const QString& id) const
{
    for (const ReplyTemplate& t : list())
        if (t.id == id)
            return t;
    return std::nullopt;
}

QList<ReplyTemplate> TemplateStore::search(const QString& query, const QString& preferredLanguage) const
{
    const QString q = query.toCaseFolded().remove(QLatin1Char(' '));
    struct Hit {
        ReplyTemplate t;
        int score;
    };
    QList<Hit> hits;
    for (const ReplyTemplate& t : list()) {
        int best = -1;
        for (const QString& field : {t.title, t.category, t.id}) {
            const int s = looseness(field.toCaseFolded().remove(QLatin1Char(' ')), q);
            if (s >= 0 && (best < 0 || s < best))
                best = s;
        }
        if (best >= 0)
            hits << Hit{t, best};
    }
    std::stable_sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) {
        const bool aPreferred = a.t.language == preferredLanguage;
        const bool bPreferred = b.t.language == preferredLanguage;
        return aPreferred != bPreferred ? aPreferred : a.score < b.score;
    });
    QList<ReplyTemplate> out;
    for (const Hit& h : hits)
        out << h.t;
    return out;
}

Result<void> TemplateStore::put(const ReplyTemplate& t, bool hide)
{
    const bool isBuiltin = builtin(t.id) != nullptr;
    const QDateTime now = m_db->clock().now();
    return m_db->write([&](SQLite::Database& db) -> Result<void> {
        storeRow(db, t, isBuiltin, hide, now);
        return {};
    });
}

Result<void> TemplateStore::add(const ReplyTemplate& t)
{
    if (auto ok = TemplateLibrary::validate(t); !ok)
        return ok;
    const QList<Row> stored = rows();
    if (builtin(t.id) ||
        std::any_of(stored.begin(), stored.end(), [&](const Row& r) { return r.t.id == t.id; }))
        return makeError(
            QStringLiteral("There is already a template \"%1\": choose another id, or edit that one.")
                .arg(t.id));
    return put(t);
}

Result<void> TemplateStore::update(const ReplyTemplate& t)
{
    if (!find(t.id))
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no template \"%1\" to edit.").arg(t.id));
    if (auto ok = TemplateLibrary::validate(t); !ok)
        return ok;
    return put(t);
}

Result<ReplyTemplate> TemplateStore::duplicate(const QString& id, const QString& newId)
{
    const auto source = find(id);
    if (!source)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no template \"%1\" to duplicate.").arg(id));
    ReplyTemplate copy = *source;
    copy.builtin = false;
    copy.edited = false;
    copy.id = newId;
    for (int n = 1; copy.id.isEmpty() || find(copy.id) || builtin(copy.id); ++n)
        copy.id = id + (n == 1 ? QStringLiteral("-copy") : QStringLiteral("-copy-%1").arg(n));
    if (auto ok = add(copy); !ok)
        return ok.error();
    return copy;
}

Result<void> TemplateStore::remove(const QString& id)
{
    const auto t = find(id);
    if (!t)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no template \"%1\" to delete.").arg(id));
    if (t->builtin)
        return put(*t, true);
    return m_db->write([&](SQLite::Database& db) -> Result<void> {
        SQLite::Statement st(db, "DELETE FROM templates WHERE id = ? AND builtin = 0");
        bindText(st, 1, id);
        st.exec();
        return {};
    });
}

Result<void> TemplateStore::restoreBuiltin(const QString& id)
{
    if (!builtin(id))
        return makeError(QStringLiteral("\"%1\" is not a built-in template.").arg(id));
    return m_db->write([&](SQLite::Database& db) -> Result<void> {
        SQLite::Statement st(db, "DELETE FROM templates WHERE id = ? AND builtin = 1");
        bindText(st, 1, id);
        st.exec();
        return {};
    });
}

Result<int> TemplateStore::restoreBuiltins()
{
    int restored = 0;
    auto ok = m_db->write([&](SQLite::Database& db) -> Result<void> {
        restored = db.exec("DELETE FROM templates WHERE builtin = 1");
        return {};
    });
    if (!ok)
        return ok.error();
    return restored;
}

Result<QByteArray> TemplateStore::exportJson(const QStringList& ids) const
{
    QList<ReplyTemplate> chosen;
    const QList<ReplyTemplate> all = list();
    for (const ReplyTemplate& t : all)
        if (ids.isEmpty() || ids.contains(t.id))
            chosen << t;
    for (const QString& id : ids)
        if (std::none_of(all.begin(), all.end(), [&](const ReplyTemplate& t) { return t.id == id; }))
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("There is no template \"%1\" to export.").arg(id));
    return TemplateLibrary::toJson(chosen);
}

Result<int> TemplateStore::importJson(const QByteArray& json, const QString& origin)
{
    auto parsed = TemplateLibrary::fromJson(json, origin);
    if (!parsed)
        return parsed.error();
    const QDateTime now = m_db->clock().now();
    auto ok = m_db->write([&](SQLite::Database& db) -> Result<void> {
        for (const ReplyTemplate& t : parsed.value())
            storeRow(db, t, builtin(t.id) != nullptr, false, now);
        return {};
    });
    if (!ok)
        return ok.error();
    return static_cast<int>(parsed->size());
}

} // namespace casebook
