// Search latency of `casebook-cli search --count` against `notmuch count` on one generated Maildir, whole
// process and warm, median of several runs; and whether 환불 finds every message the corpus manifest says
// contains it. The mail goes in through Ingestor::ingestMail (a tiny loader here, not the importer).
//
// usage: search_bench MAILDIR WORKDIR [RUNS] [--reindex]
//   MAILDIR from: /usr/bin/python3 tests/support/gen_maildir.py --n 10000 --out MAILDIR
//   needs notmuch on PATH. WORKDIR keeps the Casebook database and the notmuch index between runs.
#include "inbox/ingestor.h"
#include "model/clock.h"
#include "store/database.h"
#include "store/message_search.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>
#include <algorithm>
#include <cstdio>
#include <functional>

using namespace casebook;

namespace {

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

bool load(const QString& maildir, const QString& dbPath)
{
    SystemClock clock;
    auto db = Database::open(dbPath, clock, {.quickCheck = false});
    if (!db) {
        out() << db.error().message << Qt::endl;
        return false;
    }
    Ingestor ingestor(**db, IngestOptions{{QStringLiteral("help@example.com")}});
    QElapsedTimer timer;
    timer.start();
    int n = 0;
    QDirIterator it(maildir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString folder = it.fileInfo().dir().dirName();
        if (folder != QLatin1String("cur") && folder != QLatin1String("new"))
            continue;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        if (auto r = ingestor.ingestMail(f.readAll(), QStringLiteral("maildir:") + maildir, path); !r) {
            out() << path << ": " << r.error().message << Qt::endl;
            return false;
        }
        ++n;
    }
    const double secs = static_cast<double>(timer.elapsed()) / 1000.0;
    out() << "loaded " << n << " files through Ingestor::ingestMail in " << secs << " s (" << qRound(n / secs)
          << " msg/s, one transaction each)" << Qt::endl;
    return true;
}

struct Timed {
    double medianMs = 0;
    QString output;
};

struct Command {
    QString program;
    QStringList args;
};

// Runs the commands in turn, round after round, so that a busy machine slows them alike.
QList<Timed> runInterleaved(const QList<Command>& commands, const QProcessEnvironment& env, int runs)
{
    QList<QList<double>> times(commands.size());
    QList<Timed> results(commands.size());
    for (int round = 0; round < runs + 2; ++round) { // two warm-up rounds
        for (qsizetype c = 0; c < commands.size(); ++c) {
            QProcess p;
            p.setProcessEnvironment(env);
            QElapsedTimer timer;
            timer.start();
            p.start(commands[c].program, commands[c].args);
            p.waitForFinished(60000);
            const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
            results[c].output = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
            if (round >= 2)
                times[c] << ms;
        }
    }
    for (qsizetype c = 0; c < commands.size(); ++c) {
        std::sort(times[c].begin(), times[c].end());
        results[c].medianMs = times[c].isEmpty() ? 0 : times[c][times[c].size() / 2];
    }
    return results;
}

// In-process medians on a warm read connection: what the GUI's search box costs per keystroke.
void inProcess(const QString& dbPath, const QStringList& queries, int runs)
{
    SystemClock clock;
    auto db = Database::open(dbPath, clock, {.quickCheck = false, .readOnly = true});
    if (!db)
        return;
    MessageSearch search((*db)->reader());
    const auto median = [runs](const std::function<void()>& f) {
        QList<double> t;
        for (int i = 0; i < runs + 1; ++i) {
            QElapsedTimer timer;
            timer.start();
            f();
            if (i > 0)
                t << static_cast<double>(timer.nsecsElapsed()) / 1e6;
        }
        std::sort(t.begin(), t.end());
        return t[t.size() / 2];
    };
    out() << "\nin-process, warm (ms): count / first 50 hits newest / first 50 by relevance / ticket ids\n";
    for (const QString& q : queries) {
        const double c = median([&] { (void)search.count(q); });
        const double h = median([&] { (void)search.hits(q, {SearchOrder::Newest, 50, 0}); });
        const double r = median([&] { (void)search.hits(q, {SearchOrder::Relevance, 50, 0}); });
        const double t = median([&] { (void)search.ticketIds(q); });
        out() << QStringLiteral("%1 %2 %3 %4 %5\n")
                     .arg(q.left(20), -22)
                     .arg(c, 7, 'f', 2)
                     .arg(h, 7, 'f', 2)
                     .arg(r, 7, 'f', 2)
                     .arg(t, 7, 'f', 2);
    }
}

// Rebuilds the whole index the way the migration fills it: the cost of indexing, apart from ingest.
void reindex(const QString& dbPath)
{
    SystemClock clock;
    auto db = Database::open(dbPath, clock, {.quickCheck = false});
    if (!db)
        return;
    qint64 n = 0;
    QElapsedTimer timer;
    timer.start();
    auto done = (*db)->write([&](SQLite::Database& c) -> Result<void> {
        c.exec("INSERT INTO message_fts(message_fts) VALUES ('delete-all')");
        n = c.exec(
            "INSERT INTO message_fts(rowid, subject, text_body, from_name, from_address, to_addresses) "
            "SELECT id, subject, text_body, from_name, from_address, to_addresses FROM messages "
            "WHERE quarantine_reason IS NULL");
        return {};
    });
    const double secs = static_cast<double>(timer.elapsed()) / 1000.0;
    if (done)
        out() << "\nindexing alone: " << n << " messages in " << secs << " s (" << qRound(n / secs)
              << " msg/s)\n";
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: search_bench MAILDIR WORKDIR [RUNS]\n");
        return 2;
    }
    const QString maildir = QDir(args[1]).absolutePath();
    const QString work = QDir(args[2]).absolutePath();
    const int runs = args.size() > 3 && args[3].toInt() > 0 ? args[3].toInt() : 15;
    QDir().mkpath(work);
    const QString dbPath = work + QStringLiteral("/casebook.sqlite");
    if (!QFile::exists(dbPath) && !load(maildir, dbPath))
        return 1;

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString nmConfig = work + QStringLiteral("/notmuch.conf");
    env.insert(QStringLiteral("NOTMUCH_CONFIG"), nmConfig);
    if (!QFile::exists(work + QStringLiteral("/nm"))) {
        QDir().mkpath(work + QStringLiteral("/nm"));
        QFile conf(nmConfig);
        if (!conf.open(QIODevice::WriteOnly))
            return 1;
        conf.write(
            QStringLiteral("[database]\npath=%1/nm\nmail_root=%2\n[user]\nprimary_email=help@example.com\n"
                           "[new]\ntags=inbox;\n[search]\nexclude_tags=\n")
                .arg(work, maildir)
                .toUtf8());
        conf.close();
        QProcess nm;
        nm.setProcessEnvironment(env);
        nm.start(QStringLiteral("notmuch"), {QStringLiteral("new"), QStringLiteral("--quiet")});
        nm.waitForFinished(-1);
    }

    QFile manifestFile(maildir + QStringLiteral(".manifest.json"));
    QJsonObject expected;
    if (manifestFile.open(QIODevice::ReadOnly))
        expected = QJsonDocument::fromJson(manifestFile.readAll())
                       .object()
                       .value(QStringLiteral("expected_hits_logical_messages"))
                       .toObject();

    struct Query {
        QString name;
        QString casebook;
        QString notmuch;
        QString manifestKey;
    };
    const QList<Query> queries{
        {QStringLiteral("chargeback"), QStringLiteral("chargeback"), QStringLiteral("chargeback"),
         QStringLiteral("chargeback")},
        {QStringLiteral("환불"), QStringLiteral("환불"), QStringLiteral("환불"),
         QStringLiteral("hwanbul_substr")},
        {QStringLiteral("from:"), QStringLiteral("from:jiwoo.park@support.example.com"),
         QStringLiteral("from:jiwoo.park@support.example.com"), QStringLiteral("from_target")},
        {QStringLiteral("환불 after:"), QStringLiteral("환불 after:2025-01-01"),
         QStringLiteral("환불 date:2025-01-01.."), QString()},
    };
    out() << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                 .arg(QStringLiteral("query"), -14)
                 .arg(QStringLiteral("casebook ms"), 12)
                 .arg(QStringLiteral("notmuch ms"), 11)
                 .arg(QStringLiteral("casebook n"), 11)
                 .arg(QStringLiteral("notmuch n"), 10)
                 .arg(QStringLiteral("manifest n"), 11);
    bool allFound = true;
    for (const Query& q : queries) {
        const QList<Timed> both =
            runInterleaved({{QStringLiteral(CASEBOOK_CLI),
                             {QStringLiteral("--db"), dbPath, QStringLiteral("search"),
                              QStringLiteral("--count"), q.casebook}},
                            {QStringLiteral("notmuch"), {QStringLiteral("count"), q.notmuch}}},
                           env, runs);
        const Timed& c = both[0];
        const Timed& n = both[1];
        const QString want = q.manifestKey.isEmpty() ? QStringLiteral("-")
                                                     : QString::number(expected.value(q.manifestKey).toInt());
        if (q.manifestKey == QLatin1String("hwanbul_substr"))
            allFound = c.output.toInt() >= expected.value(q.manifestKey).toInt();
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                     .arg(q.name, -14)
                     .arg(c.medianMs, 12, 'f', 1)
                     .arg(n.medianMs, 11, 'f', 1)
                     .arg(c.output, 11)
                     .arg(n.output, 10)
                     .arg(want, 11);
    }
    QStringList texts;
    for (const Query& q : queries)
        texts << q.casebook;
    inProcess(dbPath, texts, runs);
    if (args.contains(QStringLiteral("--reindex")))
        reindex(dbPath);
    out() << (allFound ? "환불 finds every message the manifest counts\n"
                       : "환불 MISSES messages the manifest counts\n");
    out().flush();
    return allFound ? 0 : 1;
}
