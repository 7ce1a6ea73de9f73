// Adding a large file to the evidence locker keeps memory bounded: hashes while copying, 1 MB at a time.
// Usage: evidence_bench [SIZE_MB] (default 1024). Prints MB/s and peak RSS; exits 1 if RSS grew past 64 MB.
#include "evidence/evidence_locker.h"
#include "store/ticket_writes.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <sys/resource.h>

using namespace casebook;

namespace {
long peakRssKb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const qint64 sizeMb = argc > 1 ? QString::fromLocal8Bit(argv[1]).toLongLong() : 1024;
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("packing-video.mp4"));
    {
        QFile f(source);
        if (!f.open(QIODevice::WriteOnly))
            return 2;
        QByteArray block(1 << 20, '\0');
        for (qint64 i = 0; i < sizeMb; ++i) {
            for (int j = 0; j < block.size(); j += 4096)
                block[j] = static_cast<char>(i + j); // not all zeros: the file system stores every block
            if (f.write(block) != block.size())
                return 2;
        }
    }
    SystemClock clock;
    auto db = Database::open(dir.filePath(QStringLiteral("bench.sqlite")), clock);
    if (!db)
        return 2;
    qint64 ticket = 0;
    if (!db.value()->write([&](SQLite::Database& c) -> Result<void> {
            ticket = ticket_writes::createTicket(
                c, {QStringLiteral("bench"), QStringLiteral("bench"), std::nullopt, clock.now()});
            return {};
        }))
        return 2;

    const long before = peakRssKb();
    EvidenceLocker locker(*db.value());
    QElapsedTimer t;
    t.start();
    auto added = locker.add({ticket, source, {}, {}, QStringLiteral("file")});
    const double secs = t.elapsed() / 1000.0;
    const long after = peakRssKb();
    if (!added) {
        out << "failed: " << added.error().message << Qt::endl;
        return 2;
    }
    out << "added " << sizeMb << " MB in " << secs << " s: " << sizeMb / secs << " MB/s (hash + copy)\n"
        << "peak RSS before add " << before / 1024 << " MB, after " << after / 1024 << " MB (grew "
        << (after - before) / 1024 << " MB)" << Qt::endl;
    return after - before > 64 * 1024 ? 1 : 0;
}
