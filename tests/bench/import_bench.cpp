// Times a whole import of a Maildir into a fresh database, the way casebook-cli import does it.
#include "inbox/mail_importer.h"
#include "sources/maildir_source.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

using namespace casebook;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: casebook-import-bench MAILDIR [DB] [--batch N] [--batch-mb MB] [--pragma P]... [--sql S]...\n";
        return 2;
    }
    // Batch options, to see what the size of a transaction does to the cost per message.
    ImportOptions options;
    QStringList positional, pragmas;
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--batch") && i + 1 < args.size())
            options.batchSize = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--batch-mb") && i + 1 < args.size())
            options.batchBytes = args.at(++i).toLongLong() << 20;
        else if (args.at(i) == QLatin1String("--pragma") && i + 1 < args.size())
            pragmas << QStringLiteral("PRAGMA ") + args.at(++i); // e.g. "wal_autocheckpoint = 10000"
        else if (args.at(i) == QLatin1String("--sql") && i + 1 < args.size())
            pragmas << args.at(++i); // any statement run on the writer before the import
        else
            positional << args.at(i);
    }
    QTemporaryDir tmp;
    const QString dbPath = positional.size() > 1 ? positional.at(1) : tmp.filePath(QStringLiteral("bench.sqlite"));
    QFile::remove(dbPath);
    SystemClock clock;
    auto db = Database::open(dbPath, clock);
    if (!db) {
        QTextStream(stderr) << db.error().message << "\n";
        return 1;
    }
    for (const QString& pragma : pragmas) {
        if (auto set = db.value()->write([&](SQLite::Database& conn) -> Result<void> {
                conn.exec(pragma.toStdString());
                return {};
            });
            !set) {
            QTextStream(stderr) << set.error().message << "\n";
            return 1;
        }
    }
    IngestOptions ingest;
    ingest.ownAddresses = {QStringLiteral("@support.example.com"), QStringLiteral("help@example.com")};
    MailImporter importer(*db.value(), ingest, options);
    MaildirSource source(positional.at(0));
    auto report = importer.run(source);
    if (!report) {
        QTextStream(stderr) << report.error().message << "\n";
        return 1;
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                       static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    // Bytes this process handed to write(2)/pwrite(2) and read back: the WAL, the checkpoints and the
    // source. Unlike time they do not depend on the machine's load, so they show a cost that grows.
    qint64 wchar = 0, rchar = 0;
    if (QFile io(QStringLiteral("/proc/self/io")); io.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : io.readAll().split('\n')) {
            if (line.startsWith("wchar: "))
                wchar = line.mid(7).toLongLong();
            else if (line.startsWith("rchar: "))
                rchar = line.mid(7).toLongLong();
        }
    }
    const qint64 dbBytes = QFileInfo(dbPath).size() + QFileInfo(dbPath + QStringLiteral("-wal")).size();
    out << "{\"read\":" << report->read << ",\"imported\":" << report->imported << ",\"seconds\":"
        << QString::number(report->seconds, 'f', 2) << ",\"msg_per_s\":" << qRound64(report->read / report->seconds)
        << ",\"cpu_s\":" << QString::number(cpu, 'f', 2)
        << ",\"written_kb_per_msg\":" << QString::number(wchar / 1024.0 / qMax<qint64>(1, report->read), 'f', 1)
        << ",\"read_kb_per_msg\":" << QString::number(rchar / 1024.0 / qMax<qint64>(1, report->read), 'f', 1)
        << ",\"peak_rss_mb\":" << usage.ru_maxrss / 1024 << ",\"db_mb\":" << dbBytes / (1024 * 1024)
        << ",\"tickets\":" << report->ticketsCreated << "}\n";
    return 0;
}
