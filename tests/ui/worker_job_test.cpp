// WorkerJob, the window's one way to run work in the background: a job's reader connection ends with it.
#include "store/database.h"
#include "support/test_support.h"
#include "worker_job.h"

#include <QSignalSpy>
#include <QThread>
#include <QWidget>
#include <SQLiteCpp/Statement.h>

using namespace casebook;

TEST_CASE("a finished job leaves no read connection open on its worker thread", "[worker]")
{
    test::TempStore store;
    QWidget parent;
    ui::WorkerJob job(&parent, store.db.get());
    const int before = store.db->openReaderCount();
    int during = -1;
    int tables = 0;
    QSignalSpy finished(&job, &ui::WorkerJob::finished);
    REQUIRE(job.run([&] {
        SQLite::Statement q(store.db->reader(), "SELECT count(*) FROM sqlite_master");
        if (q.executeStep()) // no Catch assertion off the test's thread
            tables = q.getColumn(0).getInt();
        during = store.db->openReaderCount();
    }));
    REQUIRE(finished.wait(10000));
    CHECK(tables > 0);
    CHECK(during == before + 1);                  // the job did open its own reader…
    CHECK(store.db->openReaderCount() == before); // …and it closed as the job ended
}

TEST_CASE("a job with a progress dialog closes its reader too, and the next job opens a fresh one",
          "[worker]")
{
    test::TempStore store;
    QWidget parent;
    ui::WorkerJob job(&parent, store.db.get());
    const int before = store.db->openReaderCount();
    for (int round = 0; round < 2; ++round) {
        QSignalSpy finished(&job, &ui::WorkerJob::finished);
        int during = -1;
        REQUIRE(job.start(
            QStringLiteral("t"), QStringLiteral("l"),
            [&](const Progress& progress) {
                progress(1, 2);
                (void)store.db->reader().execAndGet("SELECT 1");
                during = store.db->openReaderCount();
            },
            [] {}));
        REQUIRE(finished.wait(10000));
        CHECK(during == before + 1);
        CHECK(store.db->openReaderCount() == before);
    }
}

TEST_CASE("a job without a database opens and closes nothing; a second job waits its turn", "[worker]")
{
    test::TempStore store;
    ui::WorkerJob job(nullptr);
    const int before = store.db->openReaderCount();
    QSignalSpy finished(&job, &ui::WorkerJob::finished);
    bool ran = false;
    bool doneOnGuiThread = false;
    REQUIRE(
        job.run([&] { ran = true; }, [&] { doneOnGuiThread = QThread::currentThread() == job.thread(); }));
    CHECK_FALSE(job.run([] {})); // one job at a time
    REQUIRE(finished.wait(10000));
    CHECK(ran);
    CHECK(doneOnGuiThread);
    CHECK_FALSE(job.busy());
    CHECK(store.db->openReaderCount() == before);
}
