// casebook-report-bench DB [N]: the report's figures (core/report) on a large store. Writes DB with
// casebook-gen-tickets first when it does not exist (N tickets, default 100,000), then computes a period's
// figures five times each for the last four weeks by week and the last year by month, and prints, as JSON,
// the wall and CPU milliseconds of each run, the inquiries found, and the load average before and after
// (the machine may be shared: CPU time says more than wall time there).
#include "report/report_figures.h"
#include "report_bench_periods.h"
#include "store/app_settings.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>

using namespace casebook;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: casebook-report-bench DB [N]\n";
        return 2;
    }
    const QString path = args[1];
    if (!QFileInfo::exists(path)) {
        QProcess gen;
        gen.setProcessChannelMode(QProcess::ForwardedChannels);
        gen.start(QStringLiteral(CASEBOOK_GEN_TICKETS), {path, args.value(2, QStringLiteral("100000"))});
        if (!gen.waitForFinished(-1) || gen.exitCode() != 0) {
            QTextStream(stderr) << "casebook-gen-tickets failed\n";
            return 1;
        }
    }
    SystemClock clock;
    auto opened = Database::open(path, clock, {.quickCheck = false});
    if (!opened) {
        QTextStream(stderr) << opened.error().message << "\n";
        return 1;
    }
    Database& db = *opened.value();
    const QDateTime now = clock.now();
    const auto [weeks, year] = bench::reportPeriods(db.reader(), now);

    QJsonObject out{{QStringLiteral("db"), path}, {QStringLiteral("load_before"), bench::loadAverage()}};
    for (const auto& [name, period] :
         {std::pair{QStringLiteral("four_weeks"), weeks}, std::pair{QStringLiteral("one_year"), year}}) {
        QJsonArray wall, cpu;
        int received = 0;
        for (int run = 0; run < 5; ++run) {
            QElapsedTimer timer;
            timer.start();
            const qint64 cpuStart = bench::cpuMs();
            const report::Figures fig = report::computeFigures(db.reader(), period, now);
            wall.append(timer.elapsed());
            cpu.append(bench::cpuMs() - cpuStart);
            received = fig.received;
        }
        out[name] = QJsonObject{{QStringLiteral("from"), period.from.toString(Qt::ISODate)},
                                {QStringLiteral("to"), period.to.toString(Qt::ISODate)},
                                {QStringLiteral("inquiries"), received},
                                {QStringLiteral("wall_ms"), wall},
                                {QStringLiteral("cpu_ms"), cpu}};
    }
    out[QStringLiteral("load_after")] = bench::loadAverage();
    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Indented);
    return 0;
}
