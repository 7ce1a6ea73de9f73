// casebook-report-view-bench DB [RUNS]: the Reports view (View → Reports) on a large store, offscreen, as a
// seller meets it: a period is chosen, the figures are computed on the view's WorkerJob, the charts are
// filled and the view is drawn. DB is a store written by casebook-gen-tickets (casebook-report-bench writes
// one). For the last four weeks by week and the last year by month, RUNS times each (default 5, the two
// periods taken in turn), it prints as JSON the wall milliseconds from the choice to the figures on screen
// (computed and charted), from there to the view drawn (QWidget::grab paints every chart), and the whole;
// the process's CPU milliseconds over the whole (every thread); and the same period's figures computed alone
// on this thread, for what the view adds. The load average comes before and after: the machine may be
// shared, and CPU time says more than wall time there.
#include "report/report_figures.h"
#include "report_bench_periods.h"
#include "reports_view.h"
#include "store/app_settings.h"
#include "store/database.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace casebook;

namespace {

struct Series {
    QJsonArray shown, drawn, total, cpu, alone, aloneCpu;
    int inquiries = 0;
};

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CasebookBench"));
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: casebook-report-view-bench DB [RUNS]\n";
        return 2;
    }
    const int runs = args.value(2, QStringLiteral("5")).toInt();
    SystemClock clock;
    auto opened = Database::open(args[1], clock, {.quickCheck = false});
    if (!opened) {
        QTextStream(stderr) << opened.error().message << "\n";
        return 1;
    }
    Database& db = *opened.value();
    const QDateTime now = clock.now();
    const auto [weeks, year] = bench::reportPeriods(db.reader(), now);

    const QString loadBefore = bench::loadAverage();
    ui::ReportsView view(db, clock);
    view.show();
    // Waiting blocks in an event loop (no polling, which would count as CPU time).
    QEventLoop waiting;
    QObject::connect(&view, &ui::ReportsView::figuresShown, &waiting, &QEventLoop::quit);
    // The view computes its first period as it opens: that one is not measured.
    if (!view.figures())
        waiting.exec();

    const std::pair<QString, report::Period> periods[] = {{QStringLiteral("four_weeks"), weeks},
                                                          {QStringLiteral("one_year"), year}};
    QMap<QString, Series> out;
    for (int run = 0; run < runs; ++run)
        for (const auto& [name, period] : periods) {
            Series& s = out[name];
            QElapsedTimer timer;
            timer.start();
            const qint64 cpuStart = bench::cpuMs();
            view.setPeriod(period);
            waiting.exec();
            const qint64 shownMs = timer.elapsed();
            const QPixmap drawn = view.grab(); // every chart painted, as the screen would show it
            const qint64 totalMs = timer.elapsed();
            s.shown.append(shownMs);
            s.drawn.append(totalMs - shownMs);
            s.total.append(totalMs);
            s.cpu.append(bench::cpuMs() - cpuStart);
            s.inquiries = view.figures()->received;
            if (drawn.isNull())
                return 1;
            // The figures alone, on this thread and a reader of its own, for what the view adds.
            QElapsedTimer alone;
            alone.start();
            const qint64 aloneCpuStart = bench::cpuMs();
            report::computeFigures(db.reader(), period, now);
            s.alone.append(alone.elapsed());
            s.aloneCpu.append(bench::cpuMs() - aloneCpuStart);
        }
    QJsonObject json{{QStringLiteral("db"), args[1]}, {QStringLiteral("load_before"), loadBefore}};
    for (const auto& [name, period] : periods) {
        const Series& s = out[name];
        json[name] = QJsonObject{{QStringLiteral("from"), period.from.toString(Qt::ISODate)},
                                 {QStringLiteral("to"), period.to.toString(Qt::ISODate)},
                                 {QStringLiteral("inquiries"), s.inquiries},
                                 {QStringLiteral("to_figures_shown_ms"), s.shown},
                                 {QStringLiteral("then_drawn_ms"), s.drawn},
                                 {QStringLiteral("total_wall_ms"), s.total},
                                 {QStringLiteral("total_cpu_ms"), s.cpu},
                                 {QStringLiteral("figures_alone_wall_ms"), s.alone},
                                 {QStringLiteral("figures_alone_cpu_ms"), s.aloneCpu}};
    }
    json[QStringLiteral("load_after")] = bench::loadAverage();
    QTextStream(stdout) << QJsonDocument(json).toJson(QJsonDocument::Indented);
    return 0;
}
