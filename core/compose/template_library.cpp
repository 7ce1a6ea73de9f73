#include "compose/template_library.h"

#include "compose/template_renderer.h"
#include "model/enums.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace casebook {
namespace {

int codePoints(const QString& s)
{
    return static_cast<int>(s.toUcs4().size());
}

} // namespace

Result<QList<ReplyTemplate>> TemplateLibrary::builtins()
{
    QList<ReplyTemplate> all;
    const QDir dir(QStringLiteral(":/templates"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return makeError(QStringLiteral("The built-in templates are missing from this build (:/templates)."));
    for (const QString& name : files) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            return makeError(QStringLiteral("Could not read %1.").arg(f.fileName()));
        auto list = fromJson(f.readAll(), f.fileName());
        if (!list)
            return list.error();
        for (ReplyTemplate& t : list.value())
            t.builtin = true;
        all += list.value();
    }
    return all;
}

Result<QList<ReplyTemplate>> TemplateLibrary::fromJson(const QByteArray& json, const QString& origin)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(QStringLiteral("%1 is not a template file: %2 at offset %3")
                             .arg(origin, err.error != QJsonParseError::NoError
                                              ? err.errorString()
                                              : QStringLiteral("no JSON object"))
                             .arg(err.offset));
    const QJsonValue list = doc.object().value(QStringLiteral("templates"));
    if (!list.isArray())
        return makeError(
            QStringLiteral("%1 is not a template file: it has no \"templates\" list.").arg(origin));
    QList<ReplyTemplate> out;
    for (const QJsonValue& v : list.toArray()) {
        const QJsonObject o = v.toObject();
        ReplyTemplate t;
        t.id = o.value(QStringLiteral("id")).toString();
        t.language = o.value(QStringLiteral("language")).toString();
        t.category = o.value(QStringLiteral("category")).toString();
        t.title = o.value(QStringLiteral("title")).toString();
        t.body = o.value(QStringLiteral("body")).toString();
        t.plainBody = o.value(QStringLiteral("plain")).toString();
        if (auto ok = validate(t); !ok)
            return makeError(QStringLiteral("%1: %2").arg(origin, ok.error().message));
        out << t;
    }
    return out;
}

QJsonObject TemplateLibrary::toJsonObject(const ReplyTemplate& t)
{
    return QJsonObject{{QStringLiteral("id"), t.id},
                       {QStringLiteral("language"), t.language},
                       {QStringLiteral("category"), t.category},
                       {QStringLiteral("title"), t.title},
                       {QStringLiteral("body"), t.body},
                       {QStringLiteral("plain"), t.plainBody}};
}

QByteArray TemplateLibrary::toJson(const QList<ReplyTemplate>& templates)
{
    QJsonArray list;
    for (const ReplyTemplate& t : templates)
        list.append(toJsonObject(t));
    return QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("templates"), list}})
        .toJson();
}

Result<void> TemplateLibrary::validate(const ReplyTemplate& t)
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,63}$"));
    const QString name =
        t.id.isEmpty() ? QStringLiteral("a template") : QStringLiteral("template \"%1\"").arg(t.id);
    if (!idPattern.match(t.id).hasMatch())
        return makeError(
            QStringLiteral("%1: the id must be 1–64 lower-case letters, digits, '.', '_' or '-'.").arg(name));
    if (t.language != QLatin1String("ko") && t.language != QLatin1String("en"))
        return makeError(
            QStringLiteral("%1: the language must be ko or en, not \"%2\".").arg(name, t.language));
    if (!categoryFromString(t.category))
        return makeError(QStringLiteral("%1: unknown category \"%2\" (known: %3).")
                             .arg(name, t.category, allCategoryNames().join(QStringLiteral(", "))));
    if (t.title.trimmed().isEmpty() || t.body.trimmed().isEmpty())
        return makeError(QStringLiteral("%1 needs a title and a body.").arg(name));
    for (const QString& text : {t.body, t.plainBody})
        if (auto ok = TemplateRenderer::check(text); !ok)
            return makeError(QStringLiteral("%1: %2").arg(name, ok.error().message));
    if (!t.plainBody.isEmpty()) {
        if (codePoints(t.plainBody) > kBoardMaxLength)
            return makeError(
                QStringLiteral("%1: the marketplace variant is %2 characters; boards take at most %3.")
                    .arg(name)
                    .arg(codePoints(t.plainBody))
                    .arg(kBoardMaxLength));
        // Boards count in units of their own (ESM: UTF-8 bytes), so the characters above do not bound every
        // board: each counts the variant as it would count the answer.
        for (const ChannelInfo& row : kChannelTable)
            if (row.board && lengthIn(row.unit, t.plainBody.toStdU16String()) > row.maxLength)
                return makeError(ErrorCode::InvalidInput,
                                 QStringLiteral("%1: the marketplace variant is too long for %2 (%3 of at most %4).")
                                     .arg(name, toQString(row.name))
                                     .arg(lengthIn(row.unit, t.plainBody.toStdU16String()))
                                     .arg(row.maxLength));
        if (t.plainBody.contains(QRegularExpression(QStringLiteral("<\\s*/?\\s*[a-zA-Z][^>]*>"))))
            return makeError(
                QStringLiteral("%1: the marketplace variant must be plain text, without HTML tags.")
                    .arg(name));
    }
    return {};
}

} // namespace casebook
