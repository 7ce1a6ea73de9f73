#include "casefile/case_file_exporter.h"
#include "casefile/case_file_timestamp.h"
#include "casefile/case_file_verifier.h"
#include "casefile/case_fixture.h"
#include "casefile/zip_archive.h"
#include "store/app_settings.h"
#include "support/local_tsa.h"

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace casebook;
using test::CaseFixture;
using test::LocalTsa;

namespace {

void useAuthority(CaseFixture& f, const QString& url)
{
    REQUIRE(f.store.db->write([&](SQLite::Database& db) -> Result<void> {
        AppSettings::setValue(db, case_file_timestamp::kSettingKey, url);
        return {};
    }));
}

} // namespace

TEST_CASE("with a timestamp authority set, the manifest is stamped at export and verify checks the token",
          "[casefile][timestamp]")
{
    LocalTsa tsa;
    CaseFixture f;
    f.store.clock.set(QDateTime::currentDateTimeUtc()); // the authority stamps with the real time
    useAuthority(f, tsa.url);
    const QString zip = f.exportPath(QStringLiteral("case.zip"));
    auto done = CaseFileExporter(*f.store.db, f.keys()).exportCase(f.number, zip);
    INFO((done ? QString() : done.error().message).toStdString());
    REQUIRE(done);
    REQUIRE(ZipArchive::openReadOnly(zip).value()->entryNames().contains(QStringLiteral("manifest.tsr")));

    CaseFileVerifier trusting;
    trusting.trustTimestampsFrom(tsa.ca());
    auto v = trusting.verify(zip);
    REQUIRE(v);
    INFO(v->problems.join(QLatin1Char('\n')).toStdString());
    CHECK(v->ok());
    REQUIRE(v->timestampedAt.isValid());
    CHECK(qAbs(v->timestampedAt.secsTo(f.store.clock.now())) < 600);

    // openssl alone agrees.
    QTemporaryDir out;
    test::unzip(zip, out.path());
    const test::Ran openssl =
        test::run(QStringLiteral("openssl"),
                  {QStringLiteral("ts"), QStringLiteral("-verify"), QStringLiteral("-in"),
                   QStringLiteral("manifest.tsr"), QStringLiteral("-data"), QStringLiteral("manifest.json"),
                   QStringLiteral("-CAfile"), tsa.ca()},
                  out.path());
    INFO(openssl.out.toStdString() << openssl.err.toStdString());
    CHECK(openssl.out.contains(QStringLiteral("Verification: OK")));
    // ... and so do the guide's commands, as written, with the authority's root where it says so.
    QString guideOut;
    int commands = 0;
    for (QString line : QString::fromUtf8(test::readFile(out.filePath(QStringLiteral("VERIFY.en.txt"))))
                            .split(QStringLiteral("\r\n"))) {
        line = line.trimmed();
        if (!line.startsWith(QLatin1String("openssl ts ")))
            continue;
        ++commands;
        const test::Ran ran = test::run(
            QStringLiteral("sh"),
            {QStringLiteral("-c"), line.replace(QStringLiteral("AUTHORITY-CA.pem"), tsa.ca())}, out.path());
        INFO(line.toStdString() << ran.err.toStdString());
        CHECK(ran.code == 0);
        guideOut += ran.out;
    }
    CHECK(commands == 2);
    CHECK(guideOut.contains(QStringLiteral("Time stamp: ")));
    CHECK(guideOut.contains(QStringLiteral("Verification: OK")));

    SECTION("an authority the verifier does not trust")
    {
        CaseFileVerifier other;
        other.trustTimestampsFrom(tsa.dir.filePath(QStringLiteral("other.pem")));
        auto w = other.verify(zip);
        REQUIRE(w);
        REQUIRE(w->problems.size() == 1);
        CHECK(w->problems.first().startsWith(QStringLiteral("timestamp: manifest.tsr does not hold")));
        CHECK_FALSE(w->timestampedAt.isValid());
    }
    SECTION("a stale token: one kept from an earlier export of the case")
    {
        const QString earlier = f.store.dir.filePath(QStringLiteral("earlier.tsr"));
        QFile(out.filePath(QStringLiteral("manifest.tsr"))).copy(earlier);
        f.store.clock.set(QDateTime::currentDateTimeUtc().addSecs(1)); // another manifest
        const QString later = f.exportPath(QStringLiteral("later.zip"));
        REQUIRE(CaseFileExporter(*f.store.db, f.keys()).exportCase(f.number, later));
        const test::Ran swapped = test::run(
            QStringLiteral("python3"),
            {QStringLiteral("-c"),
             QStringLiteral(
                 "import sys, zipfile, shutil\n"
                 "src, tsr = sys.argv[1], open(sys.argv[2], 'rb').read()\n"
                 "with zipfile.ZipFile(src) as zi, zipfile.ZipFile(src + '.t', 'w') as zo:\n"
                 "    for i in zi.infolist():\n"
                 "        zo.writestr(i, tsr if i.filename == 'manifest.tsr' else zi.read(i.filename))\n"
                 "shutil.move(src + '.t', src)\n"),
             later, earlier});
        REQUIRE(swapped.code == 0);
        auto w = trusting.verify(later);
        REQUIRE(w);
        const QString all = w->problems.join(QLatin1Char('\n'));
        INFO(all.toStdString());
        CHECK(all.contains(QStringLiteral("timestamp: manifest.tsr does not hold for manifest.json")));
    }
    SECTION("a clock far from the authority's: the export says so and leaves no case file")
    {
        f.store.clock.set(QDateTime::currentDateTimeUtc().addDays(-40));
        const QString wrong = f.exportPath(QStringLiteral("wrong-clock.zip"));
        auto refused = CaseFileExporter(*f.store.db, f.keys()).exportCase(f.number, wrong);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().message.contains(QStringLiteral("timestamp: stamped at")));
        CHECK_FALSE(QFileInfo::exists(wrong));
    }
    SECTION("an authority that does not answer fails the export")
    {
        tsa.process.kill();
        tsa.process.waitForFinished();
        auto failed = CaseFileExporter(*f.store.db, f.keys())
                          .exportCase(f.number, f.exportPath(QStringLiteral("none.zip")));
        REQUIRE_FALSE(failed);
        CHECK(failed.error().code == ErrorCode::Io);
        CHECK(failed.error().message.contains(tsa.url));
    }
}
