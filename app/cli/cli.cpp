// The CLI's shared wiring: output, errors, the context commands run in, and the dispatcher both mains use.
#include "cli/cli.h"

#include "search/unicode_text.h"

#include <QCoreApplication>

using namespace casebook;

namespace casebook::cli {

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

QString printable(const QString& text)
{
    const std::u16string shown = search::unicode::printable(
        std::u16string_view(reinterpret_cast<const char16_t*>(text.utf16()), static_cast<size_t>(text.size())));
    return QString::fromUtf16(shown.data(), static_cast<qsizetype>(shown.size()));
}

int fail(const QString& message, int code)
{
    QTextStream err(stderr);
    err << "casebook-cli: " << message << Qt::endl;
    return code;
}

int exitCodeFor(const Error& error)
{
    switch (error.code) {
    case ErrorCode::InvalidInput:
        return kUsage;
    case ErrorCode::NotFound:
        return kNotFound;
    case ErrorCode::Unknown:
    case ErrorCode::Conflict:
    case ErrorCode::Refused:
    case ErrorCode::RateLimited:
    case ErrorCode::Io:
    case ErrorCode::Damaged:
    case ErrorCode::AddressNotAllowed:
        break;
    }
    return kFailed;
}

int fail(const Error& error)
{
    return fail(error.message, exitCodeFor(error));
}

void printJson(const QJsonDocument& doc)
{
    out() << QString::fromUtf8(doc.toJson(QJsonDocument::Compact)) << Qt::endl;
}

Context::Context(QCommandLineParser& p, QStringList a) : parser(p), args(std::move(a)) {}

Database* Context::db()
{
    if (m_db || !m_dbError.isEmpty())
        return m_db.get();
    auto path = databasePath(parser.value(QStringLiteral("db")), parser.isSet(QStringLiteral("demo")), clock);
    if (!path) {
        m_dbError = path.error().message;
        return nullptr;
    }
    auto opened = Database::open(path.value(), clock);
    if (!opened) {
        m_dbError = opened.error().message;
        return nullptr;
    }
    m_db = std::move(opened.value());
    return m_db.get();
}

SecretStore& Context::secrets()
{
    if (!m_secrets)
        m_secrets = std::make_unique<KeychainSecretStore>();
    return *m_secrets;
}

namespace {

// `search please -refund`: "-refund" is a word to leave out, not the options r, e, f, u, n, d. After the
// search command, each "-word" the parser refused goes behind a "--", where it reaches the query as typed.
QStringList searchWordsAsPositional(const QStringList& args)
{
    const qsizetype command = args.indexOf(QStringLiteral("search"));
    const qsizetype dashes = args.indexOf(QStringLiteral("--"));
    if (command <= 0 || (dashes >= 0 && dashes < command))
        return args;
    static const QStringList shortOptions{QStringLiteral("-h"), QStringLiteral("-v"), QStringLiteral("-?")};
    QStringList head;
    QStringList words;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (dashes >= 0 && i >= dashes) {
            if (i > dashes)
                words << a;
            continue;
        }
        const bool word = i > command && a.size() >= 2 && a.startsWith(QLatin1Char('-')) &&
                          !a.startsWith(QLatin1String("--")) && !shortOptions.contains(a);
        (word ? words : head) << a;
    }
    return words.isEmpty() ? args : head + QStringList{QStringLiteral("--")} + words;
}

} // namespace

int run(const QList<Command>& commands)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Casebook"));
    QCoreApplication::setApplicationName(QStringLiteral("casebook"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CASEBOOK_VERSION));

    QString help =
        QStringLiteral("Casebook, the customer-service inbox, from the command line.\n\nCommands:\n");
    for (const Command& c : commands)
        help += QStringLiteral("  ") + c.usage + QLatin1Char('\n');
    QCommandLineParser parser;
    parser.setApplicationDescription(help);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {QStringLiteral("db"),
         QStringLiteral("The database file (default: $CASEBOOK_DB, or casebook.sqlite in the app data "
                        "folder)."),
         QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("demo"), QStringLiteral("Use the demo inbox.")});
    QStringList seen;
    for (const Command& c : commands)
        for (const QCommandLineOption& o : c.options)
            if (!seen.contains(o.names().first())) {
                seen << o.names().first();
                parser.addOption(o);
            }
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see Commands)."));

    const QStringList arguments = QCoreApplication::arguments();
    if (!parser.parse(arguments)) {
        const QStringList asWords = searchWordsAsPositional(arguments);
        if (asWords == arguments || !parser.parse(asWords))
            return fail(parser.errorText() + QStringLiteral(" (see casebook-cli --help)"), kUsage);
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        return kOk;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out() << "casebook-cli " << CASEBOOK_VERSION << Qt::endl;
        return kOk;
    }
    QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return fail(QStringLiteral("no command given (see casebook-cli --help)"), kUsage);
    const QString name = args.takeFirst();
    for (const Command& c : commands) {
        if (c.name != name)
            continue;
        for (const QString& o : parser.optionNames()) {
            const bool global = o == QLatin1String("db") || o == QLatin1String("demo");
            bool mine = false;
            for (const QCommandLineOption& opt : c.options)
                mine |= opt.names().contains(o);
            if (!global && !mine)
                return fail(QStringLiteral("%1 does not take --%2 (see casebook-cli --help)").arg(name, o),
                            kUsage);
        }
        Context context(parser, args);
        return c.run(context);
    }
    return fail(QStringLiteral("unknown command '%1' (see casebook-cli --help)").arg(name), kUsage);
}

} // namespace casebook::cli
