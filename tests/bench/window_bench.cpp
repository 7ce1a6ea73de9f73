// casebook-window-bench DB: opens the real main window (offscreen) on DB and prints, as JSON, the time from
// opening the database to the ticket list's first paint, the time to paint the list's last page, and the
// process's peak RSS. Targets: under 1 s and under 200 MB for 100,000 tickets.
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
    SystemClock clock;
    QElapsedTimer timer;
    timer.start();
    auto opened = Database::open(app.arguments()[1], clock);
    if (!opened) {
        QTextStream(stderr) << opened.error().message << "\n";
        return 1;
    }
    const qint64 openMs = timer.elapsed();
    ui::MainWindow window(*opened.value(), clock, QStringLiteral("bench"));
    auto* list = window.findChild<QTreeView*>(QStringLiteral("ticketList"));
    PaintWatcher watcher;
    list->viewport()->installEventFilter(&watcher);
    window.show();
    while (!watcher.painted)
        app.processEvents(QEventLoop::AllEvents, 5);
    const qint64 firstPaintMs = timer.elapsed();

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

    QTextStream(stdout) << QStringLiteral(
                               "{\"open_db_ms\": %1, \"first_paint_ms\": %2, \"all_view_rows\": %3, "
                               "\"scroll_to_end_ms\": %4, \"peak_rss_mb\": %5, \"qt_baseline_rss_mb\": "
                               "%6}\n")
                               .arg(openMs)
                               .arg(firstPaintMs)
                               .arg(rows)
                               .arg(scrollMs)
                               .arg(peakRssMb(), 0, 'f', 1)
                               .arg(baseline, 0, 'f', 1);
    return 0;
}
