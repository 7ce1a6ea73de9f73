#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <string>

namespace casebook::test {

// One run of the real casebook-cli, as a user would start it.
struct Run {
    int code = -1;
    QString out;
    QString err;
};

inline Run cli(const QStringList& args,
               const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CASEBOOK_CLI), args);
    REQUIRE(p.waitForFinished(180000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

// Starts the CLI and kills it (SIGKILL) `afterMs` later, unless it finished first (a quick machine:
// waitForFinished on a finished process says false).
inline void killAfter(const QStringList& args, int afterMs)
{
    QProcess p;
    p.start(QStringLiteral(CASEBOOK_CLI), args);
    REQUIRE(p.waitForStarted());
    if (afterMs > 0)
        p.waitForFinished(afterMs);
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        REQUIRE(p.waitForFinished(60000));
    }
}

// message_id → ticket number, from `tickets --json` of the database `db`.
inline QHash<QString, int> messageTickets(const QString& db)
{
    const Run r = cli({QStringLiteral("--db"), db, QStringLiteral("tickets"), QStringLiteral("--json")});
    REQUIRE(r.code == 0);
    QHash<QString, int> out;
    for (const QJsonValue& t : QJsonDocument::fromJson(r.out.toUtf8()).array())
        for (const QJsonValue& m : t[QStringLiteral("messages")].toArray())
            out.insert(m[QStringLiteral("message_id")].toString(), t[QStringLiteral("number")].toInt());
    return out;
}

// The first column of the first row of `query`, on a read-only connection of its own.
inline int queryInt(const QString& db, const char* query)
{
    SQLite::Database sql(db.toStdString(), SQLite::OPEN_READONLY);
    return sql.execAndGet(query).getInt();
}

inline std::string integrityCheck(const QString& db)
{
    SQLite::Database sql(db.toStdString(), SQLite::OPEN_READONLY);
    return sql.execAndGet("PRAGMA integrity_check").getString();
}

} // namespace casebook::test
