// casebook-window-bench DB: opens the real main window (offscreen) on DB and prints, as JSON, the time from
// opening the database to the ticket list's first paint, the time to paint the list's last page, and the
// process's peak RSS. Targets: under 1 s and under 200 MB for 100,000 tickets. The database opens as the
// desktop app opens it, without the quick_check, which the window runs on a thread once the list has painted;
// integrity_check_ms is when that check finished (it runs concurrently with the scroll measured here).
#include "accounts/secret_store.h"
#include "integrity_check.h"
#include "main_window.h"
#include "store/database.h"
#include "views_pane.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTreeView>
#include <sys/resource.h>

using namespace casebook;

namespace {

class PaintWatcher : public QObject {
public:
    bool painted = false;
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

// CPU time of the whole process so far: on a machine shared with other work, wall time to first paint says
// more about the neighbours than about the window.
qint64 cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Remembered window state of a desktop session must not change what is measured.
    QCoreApplication::setOrganizationName(QStringLiteral("CasebookBench"));
    if (app.arguments().size() < 2) {
        QTextStream(stderr) << "usage: casebook-window-bench DB\n";
        return 2;
    }
    const double baseline = peakRssMb();
    const qint64 cpuAtStart = cpuMs();
    SystemClock clock;
    QElapsedTimer timer;
    timer.start();
    auto opened = Database::open(app.arguments()[1], clock, {.quickCheck = false});
    if (!opened) {
        QTextStream(stderr) << opened.error().message << "\n";
        return 1;
    }
    const qint64 openMs = timer.elapsed();
    // As gui_main.cpp does; a bench store has no account, so nothing is read from it.
    ui::MainWindow window(*opened.value(), clock, QStringLiteral("bench"),
                          std::make_shared<KeychainSecretStore>());
    auto* list = window.findChild<QTreeView*>(QStringLiteral("ticketList"));
    PaintWatcher watcher;
    list->viewport()->installEventFilter(&watcher);
    window.show();
    while (!watcher.painted)
        app.processEvents(QEventLoop::AllEvents, 5);
    const qint64 firstPaintMs = timer.elapsed();
    const qint64 firstPaintCpuMs = cpuMs() - cpuAtStart;

    // The All view, then its last page: the lazy loading must not stall a jump to the end.
    window.viewsPane()->selectView(TicketView::All);
    const int rows = list->model()->rowCount();
    QElapsedTimer scroll;
    scroll.start();
    watcher.painted = false;
    list->scrollToBottom();
    while (!watcher.painted)
        app.processEvents(QEventLoop::AllEvents, 5);
    const qint64 scrollMs = scroll.elapsed();
    while (!window.integrityCheck()->done())
        app.processEvents(QEventLoop::AllEvents, 5);
    const qint64 checkMs = timer.elapsed();
    if (!window.integrityCheck()->problem().isEmpty()) {
        QTextStream(stderr) << window.integrityCheck()->problem() << "\n";
        return 1;
    }

    QTextStream(stdout) << QStringLiteral(
                               "{\"open_db_ms\": %1, \"first_paint_ms\": %2, \"first_paint_cpu_ms\": %8, "
                               "\"all_view_rows\": %3, "
                               "\"scroll_to_end_ms\": %4, \"integrity_check_ms\": %5, \"peak_rss_mb\": %6, "
                               "\"qt_baseline_rss_mb\": %7}\n")
                               .arg(openMs)
                               .arg(firstPaintMs)
                               .arg(rows)
                               .arg(scrollMs)
                               .arg(checkMs)
                               .arg(peakRssMb(), 0, 'f', 1)
                               .arg(baseline, 0, 'f', 1)
                               .arg(firstPaintCpuMs);
    return 0;
}
