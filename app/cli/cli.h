#pragma once

#include "accounts/secret_store.h"
#include "model/clock.h"
#include "store/database.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonDocument>
#include <QList>
#include <QTextStream>
#include <memory>

// The CLI's wiring: each command is a function over a context that parses nothing itself and calls core.
namespace casebook::cli {

// The exit codes scripts can rely on (README, "Exit codes"): 0 done, 1 failed, 2 a usage error (a bad
// option, argument or value: nothing was done and nothing printed on stdout), 3 the ticket, account or item
// named does not exist.
enum Exit { kOk = 0, kFailed = 1, kUsage = 2, kNotFound = 3 };

// The one place an error's code becomes an exit code.
int exitCodeFor(const Error& error);

class Context {
public:
    Context(QCommandLineParser& parser, QStringList args);

    QCommandLineParser& parser;
    QStringList args; // positional arguments after the command's name
    SystemClock clock;

    // The database chosen by --demo, --db, $CASEBOOK_DB or the default; opened on first use.
    Database* db();
    // The accounts' secrets (the system keychain): the one store every command of this run uses.
    SecretStore& secrets();
    const QString& dbError() const { return m_dbError; }
    bool isSet(const QString& option) const { return parser.isSet(option); }
    QString value(const QString& option) const { return parser.value(option); }

private:
    std::unique_ptr<Database> m_db;
    QString m_dbError;
    std::unique_ptr<SecretStore> m_secrets;
};

// Where --db, --demo, $CASEBOOK_DB or the default point; each program decides what --demo may do.
Result<QString> databasePath(const QString& dbOption, bool demo, const Clock& clock);

QTextStream& out();
// Text from mail made safe for a terminal (search::unicode::printable): for plain-text output, never JSON.
QString printable(const QString& text);
int fail(const QString& message, int code = kFailed);
// The error's words on stderr; its code decides the exit code (exitCodeFor).
int fail(const Error& error);
void printJson(const QJsonDocument& doc);

struct Command {
    QString name;
    QString usage;   // one line for --help: "show NUMBER             one ticket's conversation"
    QList<QCommandLineOption> options;
    int (*run)(Context&);
};

// Each file of commands lists its own.
QList<Command> ticketCommands();
QList<Command> evidenceCommands();
QList<Command> templateCommands();
QList<Command> searchCommands();
QList<Command> importCommands();
QList<Command> settingsCommands();
QList<Command> triageCommands();
QList<Command> accountCommands();
QList<Command> replyCommands();
QList<Command> marketplaceCommands();
QList<Command> keyCommands();
QList<Command> reportCommands();

// `import csv`, in csv_commands.cpp: its options join the import command's.
QList<QCommandLineOption> csvImportOptions();
int importCsvFile(Context& c);

// Parses the arguments (of the QCoreApplication made before), and runs the command they name.
int run(const QList<Command>& commands);

} // namespace casebook::cli
