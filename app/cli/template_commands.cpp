// templates (list, show, render, export, import, duplicate, delete, restore) and tone-check.
#include "cli/cli.h"
#include "compose/template_library.h"
#include "compose/template_renderer.h"
#include "compose/template_store.h"
#include "compose/ticket_placeholders.h"
#include "compose/tone_checker.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <cstdio>

namespace casebook::cli {
namespace {

QJsonObject templateJson(const ReplyTemplate& t)
{
    QJsonObject o = TemplateLibrary::toJsonObject(t);
    o.insert(QStringLiteral("builtin"), t.builtin);
    o.insert(QStringLiteral("edited"), t.edited);
    o.insert(QStringLiteral("placeholders"),
             QJsonArray::fromStringList(TemplateRenderer::placeholders(t.body + t.plainBody)));
    return o;
}

// --lang: ko, en, or (where allowed) auto; empty when not given.
bool readLanguage(Context& c, bool allowAuto, QString& lang)
{
    lang = c.value(QStringLiteral("lang"));
    if (lang.isEmpty() || lang == QLatin1String("ko") || lang == QLatin1String("en") ||
        (allowAuto && lang == QLatin1String("auto")))
        return true;
    fail(QStringLiteral("--lang takes ko, en%1, not '%2'")
             .arg(allowAuto ? QStringLiteral(" or auto") : QString(), lang),
         kUsage);
    return false;
}

int usage(const QString& message)
{
    return fail(message + QStringLiteral(" (see casebook-cli --help)"), kUsage);
}

int list(Context& c, TemplateStore& store)
{
    QString lang;
    if (!readLanguage(c, false, lang))
        return kUsage;
    const QList<ReplyTemplate> all = store.list(lang);
    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray a;
        for (const ReplyTemplate& t : all)
            a.append(templateJson(t));
        printJson(QJsonDocument(a));
        return kOk;
    }
    for (const ReplyTemplate& t : all)
        out() << t.id << "\t" << t.language << "\t" << t.category << "\t" << t.title
              << (t.edited    ? " (edited)"
                  : t.builtin ? ""
                              : " (yours)")
              << "\n";
    out().flush();
    return kOk;
}

int show(Context& c, TemplateStore& store)
{
    if (c.args.size() != 1)
        return usage(
            QStringLiteral("templates show takes one template id, e.g. templates show en.shipping_time"));
    const auto t = store.find(c.args.first());
    if (!t)
        return fail(QStringLiteral("there is no template '%1' (see templates list)").arg(c.args.first()),
                    kNotFound);
    if (c.isSet(QStringLiteral("json"))) {
        printJson(QJsonDocument(templateJson(*t)));
        return kOk;
    }
    out() << t->id << "  [" << t->language << ", " << t->category << "]  " << t->title << "\n\n"
          << t->body << "\n\n--- marketplace board ---\n"
          << t->plainBody << "\n\nPlaceholders: "
          << TemplateRenderer::placeholders(t->body + t->plainBody).join(QStringLiteral(", ")) << Qt::endl;
    return kOk;
}

int render(Context& c, Database& db, TemplateStore& store)
{
    if (c.args.size() != 1)
        return usage(
            QStringLiteral("templates render takes one template id, e.g. templates render en.shipping_time "
                           "--ticket 1042"));
    const auto t = store.find(c.args.first());
    if (!t)
        return fail(QStringLiteral("there is no template '%1' (see templates list)").arg(c.args.first()),
                    kNotFound);
    PlaceholderValues values;
    if (c.isSet(QStringLiteral("ticket"))) {
        bool isNumber = false;
        const int number =
            QString(c.value(QStringLiteral("ticket"))).remove(QLatin1Char('#')).toInt(&isNumber);
        if (!isNumber)
            return usage(QStringLiteral("--ticket takes a ticket number, e.g. --ticket 1042"));
        auto fromTicket = TicketPlaceholders::forTicket(db.reader(), number, t->language);
        if (!fromTicket)
            return fail(QStringLiteral("there is no ticket #%1 in %2").arg(number).arg(db.path()), kNotFound);
        values = *fromTicket;
    }
    for (const QString& pair : c.parser.values(QStringLiteral("set"))) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usage(QStringLiteral("--set takes key=value, not '%1'").arg(pair));
        values.insert(pair.left(eq).trimmed(), pair.mid(eq + 1));
    }
    const QString& text = c.isSet(QStringLiteral("plain")) ? t->plainBody : t->body;
    auto rendered = TemplateRenderer::render(text, values);
    if (!rendered)
        return fail(rendered.error().message + QStringLiteral(" Give them with --set key=value."),
                    exitCodeFor(rendered.error()));
    if (c.isSet(QStringLiteral("plain")) && rendered->toUcs4().size() > TemplateLibrary::kBoardMaxLength)
        return fail(QStringLiteral("the marketplace answer is %1 characters; boards take at most %2")
                        .arg(rendered->toUcs4().size())
                        .arg(TemplateLibrary::kBoardMaxLength));
    out() << rendered.value() << Qt::endl;
    return kOk;
}

int exportTemplates(Context& c, TemplateStore& store)
{
    if (c.args.isEmpty())
        return usage(QStringLiteral(
            "templates export takes a file and optional ids: templates export mine.json [ID]..."));
    auto json = store.exportJson(c.args.mid(1));
    if (!json)
        return fail(json.error());
    QFile f(c.args.first());
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(json.value()) != json->size() ||
        !f.flush())
        return fail(QStringLiteral("could not write %1: %2").arg(f.fileName(), f.errorString()));
    return kOk;
}

int importTemplates(Context& c, TemplateStore& store)
{
    if (c.args.size() != 1)
        return usage(QStringLiteral("templates import takes one file"));
    QFile f(c.args.first());
    if (!f.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("could not read %1: %2").arg(f.fileName(), f.errorString()));
    auto n = store.importJson(f.readAll(), f.fileName());
    if (!n)
        return fail(n.error());
    out() << "imported " << n.value() << " templates" << Qt::endl;
    return kOk;
}

int templates(Context& c)
{
    if (c.args.isEmpty())
        return usage(
            QStringLiteral("templates needs a subcommand: list, show, render, export, import, duplicate, "
                           "delete or restore"));
    const QString sub = c.args.takeFirst();
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    auto opened = TemplateStore::open(*db);
    if (!opened)
        return fail(opened.error());
    TemplateStore& store = opened.value();
    if (sub == QLatin1String("list"))
        return list(c, store);
    if (sub == QLatin1String("show"))
        return show(c, store);
    if (sub == QLatin1String("render"))
        return render(c, *db, store);
    if (sub == QLatin1String("export"))
        return exportTemplates(c, store);
    if (sub == QLatin1String("import"))
        return importTemplates(c, store);
    if (sub == QLatin1String("duplicate") && (c.args.size() == 1 || c.args.size() == 2)) {
        auto copy = store.duplicate(c.args.first(), c.args.value(1));
        if (!copy)
            return fail(copy.error());
        out() << copy->id << Qt::endl;
        return kOk;
    }
    if (sub == QLatin1String("delete") && c.args.size() == 1) {
        auto ok = store.remove(c.args.first());
        return ok ? kOk : fail(ok.error());
    }
    if (sub == QLatin1String("restore") && c.args.size() <= 1) {
        if (c.args.size() == 1) {
            auto ok = store.restoreBuiltin(c.args.first());
            return ok ? kOk : fail(ok.error());
        }
        auto n = store.restoreBuiltins();
        if (!n)
            return fail(n.error());
        out() << "restored " << n.value() << " built-in templates" << Qt::endl;
        return kOk;
    }
    return usage(QStringLiteral("unknown or incomplete 'templates %1'").arg(sub));
}

QJsonObject findingsJson(const QList<ToneFinding>& findings)
{
    QJsonArray a;
    for (const ToneFinding& f : findings)
        a.append(toJson(f));
    return QJsonObject{{QStringLiteral("findings"), a}};
}

// One JSON line in, one out, in order; a line that is not {"text":…} gets an "error" beside empty findings,
// so the output still lines up with the input.
int toneCheckLines(const ToneChecker& checker, const QString& defaultLang)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return fail(QStringLiteral("could not read standard input"));
    while (!in.atEnd()) {
        const QByteArray line = in.readLine().trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
        QJsonObject result;
        if (err.error != QJsonParseError::NoError || !doc.isObject() ||
            !doc.object().value(QStringLiteral("text")).isString()) {
            result = findingsJson({});
            result.insert(QStringLiteral("error"), QStringLiteral("expected a JSON object with \"text\""));
        } else {
            const QString lang = doc.object().value(QStringLiteral("lang")).toString(defaultLang);
            result = findingsJson(checker.check(doc.object().value(QStringLiteral("text")).toString(), lang));
        }
        out() << QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)) << "\n";
        out().flush();
    }
    return kOk;
}

int toneCheck(Context& c)
{
    QString lang;
    if (!readLanguage(c, true, lang))
        return kUsage;
    auto checker = ToneChecker::builtin();
    if (!checker)
        return fail(checker.error());
    if (c.isSet(QStringLiteral("jsonl"))) {
        if (!c.args.isEmpty())
            return usage(QStringLiteral("tone-check --jsonl reads standard input and takes no file"));
        return toneCheckLines(checker.value(), lang);
    }
    if (c.args.size() > 1)
        return usage(QStringLiteral("tone-check takes one file, or - for standard input"));
    QFile f;
    const QString path = c.args.value(0, QStringLiteral("-"));
    const bool opened = path == QLatin1String("-") ? f.open(stdin, QIODevice::ReadOnly)
                                                   : (f.setFileName(path), f.open(QIODevice::ReadOnly));
    if (!opened)
        return fail(QStringLiteral("could not read %1: %2").arg(path, f.errorString()));
    const QString text = QString::fromUtf8(f.readAll());
    const QList<ToneFinding> findings = checker->check(text, lang);
    if (ToneChecker::isTruncated(text))
        std::fprintf(stderr, "tone-check: only the first %lld characters were checked (the text is longer)\n",
                     static_cast<long long>(ToneChecker::kMaxCheckedChars));
    // As linters do: 1 when something was found, so a script can gate on it.
    const int status = findings.isEmpty() ? kOk : kFailed;
    if (c.isSet(QStringLiteral("json"))) {
        printJson(QJsonDocument(findingsJson(findings)));
        return status;
    }
    for (const ToneFinding& f : findings)
        out() << f.start << "-" << f.end << "\t" << f.category << "\t\"" << f.text << "\"\t" << f.reason
              << "\n\t\t" << f.suggestion << "\n\t\trewrite: " << f.rewrite << "\n";
    for (const StructureHint& h : checker->structureHints(text, lang))
        out() << "hint\t" << h.part << "\t" << h.suggestion << "\n";
    if (findings.isEmpty())
        out() << "no findings\n";
    out().flush();
    return status;
}

} // namespace

QList<Command> templateCommands()
{
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("Language: ko, en (tone-check: also auto)."),
                                  QStringLiteral("LANG"));
    const QCommandLineOption ticket(QStringLiteral("ticket"),
                                    QStringLiteral("Fill placeholders from this ticket."),
                                    QStringLiteral("NUMBER"));
    const QCommandLineOption set(QStringLiteral("set"),
                                 QStringLiteral("A placeholder value; may be repeated."),
                                 QStringLiteral("KEY=VALUE"));
    const QCommandLineOption plain(
        QStringLiteral("plain"),
        QStringLiteral("Render the marketplace board variant (plain text, length-checked)."));
    const QCommandLineOption jsonl(
        QStringLiteral("jsonl"),
        QStringLiteral("tone-check: read {\"text\",\"lang\"} lines on stdin, write one "
                       "{\"findings\"} line each."));
    return {
        {QStringLiteral("templates"),
         QStringLiteral(
             "templates list|show ID|render ID [--ticket N] [--set k=v]... [--plain]|export FILE [ID]...|"
             "import FILE|duplicate ID [NEW]|delete ID|restore [ID]   reply templates"),
         {json, lang, ticket, set, plain},
         templates},
        {QStringLiteral("tone-check"),
         QStringLiteral(
             "tone-check [--lang ko|en|auto] [--json|--jsonl] [FILE|-]   risky wording in a reply;\n                          exit 1 when something is found, 0 when clean"),
         {json, lang, jsonl},
         toneCheck},
    };
}

} // namespace casebook::cli
