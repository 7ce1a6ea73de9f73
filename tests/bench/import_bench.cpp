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
        QTextStream(stderr) << "usage: casebook-import-bench MAILDIR [DB]\n";
        return 2;
    }
    QTemporaryDir tmp;
    const QString dbPath = args.size() > 2 ? args.at(2) : tmp.filePath(QStringLiteral("bench.sqlite"));
    QFile::remove(dbPath);
    SystemClock clock;
    auto db = Database::open(dbPath, clock);
    if (!db) {
        QTextStream(stderr) << db.error().message << "\n";
        return 1;
    }
    IngestOptions ingest;
    ingest.ownAddresses = {QStringLiteral("@support.example.com"), QStringLiteral("help@example.com")};
    MailImporter importer(*db.value(), ingest);
    MaildirSource source(args.at(1));
    auto report = importer.run(source);
    if (!report) {
        QTextStream(stderr) << report.error().message << "\n";
        return 1;
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const qint64 dbBytes = QFileInfo(dbPath).size() + QFileInfo(dbPath + QStringLiteral("-wal")).size();
    out << "{\"read\":" << report->read << ",\"imported\":" << report->imported << ",\"seconds\":"
        << QString::number(report->seconds, 'f', 2) << ",\"msg_per_s\":" << qRound64(report->read / report->seconds)
        << ",\"peak_rss_mb\":" << usage.ru_maxrss / 1024 << ",\"db_mb\":" << dbBytes / (1024 * 1024)
        << ",\"tickets\":" << report->ticketsCreated << "}\n";
    return 0;
}
