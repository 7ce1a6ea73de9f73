#include "compose/template_renderer.h"

#include <QRegularExpression>
#include <QSet>
#include <kainjow/mustache.hpp>
#include <list>

namespace casebook {
namespace {

namespace mustache = kainjow::mustache;

// {{name}}, {{{name}}}, {{&name}} are variables; {{#name}}, {{^name}}, {{/name}} sections; {{!…}} comments.
const QRegularExpression& tagPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(\{\{(\{?)\s*([#^/&!>]?)\s*([^{}]*?)\s*\}?\}\})"));
    return re;
}

QSet<QString> sectionNames(const QString& text)
{
    QSet<QString> names;
    auto it = tagPattern().globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString sigil = m.captured(2);
        if (sigil == QLatin1String("#") || sigil == QLatin1String("^"))
            names.insert(m.captured(3));
    }
    return names;
}

// Looks names up in the values and, for a variable nobody filled, records it and yields the placeholder
// itself, so a partial rendering keeps "{{name}}" where the value belongs.
class RecordingContext : public mustache::basic_context<std::string> {
public:
    RecordingContext(const mustache::data* root, QSet<QString> sections, QStringList& missing)
        : m_sections(std::move(sections)), m_missing(missing)
    {
        m_items.push_back(root);
    }

    void push(const mustache::data* data) override { m_items.insert(m_items.begin(), data); }
    void pop() override { m_items.erase(m_items.begin()); }

    const mustache::data* get(const std::string& name) const override
    {
        if (name == ".")
            return m_items.front();
        for (const mustache::data* item : m_items) {
            if (!item->is_object())
                continue;
            const mustache::data* v = item->get(name);
            if (v && !(v->is_string() && v->string_value().empty()))
                return v;
        }
        const QString qname = QString::fromStdString(name);
        if (m_sections.contains(qname))
            return nullptr;
        if (!m_missing.contains(qname))
            m_missing << qname;
        m_kept.emplace_back("{{" + name + "}}");
        return &m_kept.back();
    }

    const mustache::data* get_partial(const std::string&) const override { return nullptr; }

private:
    std::vector<const mustache::data*> m_items;
    QSet<QString> m_sections;
    QStringList& m_missing;
    mutable std::list<mustache::data> m_kept; // stable addresses for the returned placeholders
};

} // namespace

RenderedText TemplateRenderer::renderPartial(const QString& text, const PlaceholderValues& values)
{
    RenderedText out;
    mustache::mustache tmpl(text.toStdString());
    if (!tmpl.is_valid()) {
        out.text = text;
        return out;
    }
    tmpl.set_custom_escape([](const std::string& s) { return s; });
    mustache::data data{mustache::data::type::object};
    for (auto it = values.begin(); it != values.end(); ++it)
        data.set(it.key().toStdString(), it.value().toStdString());
    RecordingContext context(&data, sectionNames(text), out.missing);
    out.text = QString::fromStdString(tmpl.render(context));
    return out;
}

Result<QString> TemplateRenderer::render(const QString& text, const PlaceholderValues& values)
{
    if (auto ok = check(text); !ok)
        return ok.error();
    RenderedText r = renderPartial(text, values);
    if (!r.complete()) {
        QStringList quoted;
        for (const QString& name : r.missing)
            quoted << QStringLiteral("{{%1}}").arg(name);
        return makeError(QStringLiteral("Not sent: fill in %1 (unresolved placeholder%2: %3).")
                             .arg(r.missing.join(QStringLiteral(", ")),
                                  r.missing.size() > 1 ? QStringLiteral("s") : QString(),
                                  quoted.join(QStringLiteral(" "))));
    }
    return r.text;
}

QStringList TemplateRenderer::placeholders(const QString& text)
{
    QStringList names;
    auto it = tagPattern().globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString sigil = m.captured(2);
        if ((sigil.isEmpty() || sigil == QLatin1String("&")) && !names.contains(m.captured(3)))
            names << m.captured(3);
    }
    return names;
}

Result<void> TemplateRenderer::check(const QString& text)
{
    mustache::mustache tmpl(text.toStdString());
    if (!tmpl.is_valid())
        return makeError(QStringLiteral("The template has a placeholder error: %1")
                             .arg(QString::fromStdString(tmpl.error_message())));
    return {};
}

} // namespace casebook
