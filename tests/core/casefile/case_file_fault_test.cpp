// The case file under hostile names and a full disk: what docs/reliability.md promises for both.
#include "casefile/case_file_exporter.h"
#include "casefile/case_file_verifier.h"
#include "casefile/case_fixture.h"
#include "casefile/zip_archive.h"
#include "evidence/custody_log.h"
#include "evidence/evidence_locker.h"
#include "evidence/hostile_names.h"
#include "support/small_disk.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <optional>

using namespace casebook;
using test::CaseFixture;
using test::SmallDisk;

namespace {

QByteArray noise(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator gen(42);
    gen.fillRange(reinterpret_cast<quint32*>(data.data()), size / 4);
    return data;
}

} // namespace

TEST_CASE("a full disk leaves no half-written case file, a clear message and a usable case", "[casefile]")
{
    CaseFixture f;
    // 3 MB of video that cannot be compressed: the case file cannot fit in 1 MB.
    const QString video = f.store.dir.filePath(QStringLiteral("packing.mp4"));
    {
        QFile out(video);
        REQUIRE(out.open(QIODevice::WriteOnly));
        REQUIRE(out.write(noise(3 << 20)) == 3 << 20);
    }
    REQUIRE(EvidenceLocker(*f.store.db).add({f.ticketId, video, {}, {}, QStringLiteral("file")}));
    const int custodyBefore = static_cast<int>(custody_log::entries(f.store.db->reader(), f.ticketId).size());

    SmallDisk disk(1 << 20, SmallDisk::Fallback::FileSizeLimit);
    const QString zip = disk.path() + QLatin1Char('/') + CaseFileExporter::defaultFileName(f.number);
    auto done = CaseFileExporter(*f.store.db, f.keys()).exportCase(f.number, zip);
    disk.release();
    REQUIRE_FALSE(done);
    const QString message = done.error().message;
    INFO(message.toStdString());
    CHECK(message.contains(QStringLiteral("is the disk full?")));
    CHECK(message.contains(zip));
    CHECK_FALSE(message.contains(QStringLiteral(".partial")));
    // Nothing is left: no case-N.zip, no .partial, no libzip temporary file.
    CHECK(QDir(disk.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
    CHECK(custody_log::entries(f.store.db->reader(), f.ticketId).size() == custodyBefore); // no "exported"

    // The case is unharmed: with room, the same export succeeds and verifies.
    const QString roomy = f.exportPath(QStringLiteral("case.zip"));
    auto again = CaseFileExporter(*f.store.db, f.keys()).exportCase(f.number, roomy);
    REQUIRE(again);
    auto checked = CaseFileVerifier().verify(roomy);
    REQUIRE(checked);
    CHECK(checked->ok());
}

TEST_CASE("every hostile evidence name becomes a safe entry of the case file", "[casefile]")
{
    CaseFixture f;
    EvidenceLocker locker(*f.store.db);
    int i = 0;
    for (const QString& name : test::kHostileNames) {
        const QString file = f.store.dir.filePath(QStringLiteral("hostile-%1").arg(++i));
        QFile out(file);
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write("hostile " + QByteArray::number(i));
        out.close();
        REQUIRE(locker.add({f.ticketId, file, name, {}, QStringLiteral("mail attachment")}));
    }
    const QString zip = f.exportPath(QStringLiteral("case.zip"));
    auto done = CaseFileExporter(*f.store.db, f.keys()).exportCase(f.number, zip);
    INFO((done ? QString() : done.error().message).toStdString());
    REQUIRE(done);

    auto archive = ZipArchive::openReadOnly(zip);
    REQUIRE(archive);
    const QStringList entries = archive.value()->entryNames();
    int evidence = 0;
    for (const QString& entry : entries) {
        const QStringList parts = entry.split(QLatin1Char('/'));
        REQUIRE(parts.size() <= 2);
        if (parts.size() == 2)
            CHECK((parts.first() == QLatin1String("evidence") || parts.first() == QLatin1String("messages")));
        test::requireSafeName(parts.last());
        evidence += parts.first() == QLatin1String("evidence");
    }
    CHECK(evidence == static_cast<int>(f.evidence.size() + test::kHostileNames.size()));
    CHECK_FALSE(entries.contains(QStringLiteral("evidence/passwd"))); // numbered, never as given

    // Unzipped by an ordinary tool, every file lands inside the folder, one file per entry.
    QTemporaryDir out;
    test::unzip(zip, out.path());
    int files = 0;
    QDirIterator it(out.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = QFileInfo(it.next()).canonicalFilePath();
        CHECK(path.startsWith(QDir(out.path()).canonicalPath() + QLatin1Char('/')));
        ++files;
    }
    CHECK(files == entries.size());
    // The manifest keeps the sanitised original names, which are safe too.
    const QJsonObject manifest =
        QJsonDocument::fromJson(test::readFile(out.filePath(QStringLiteral("manifest.json")))).object();
    for (const QJsonValue& v : manifest.value(QStringLiteral("files")).toArray())
        if (v[QStringLiteral("role")].toString() == QLatin1String("evidence"))
            test::requireSafeName(v[QStringLiteral("original_name")].toString());
    auto checked = CaseFileVerifier().verify(zip);
    REQUIRE(checked);
    CHECK(checked->ok());
}
