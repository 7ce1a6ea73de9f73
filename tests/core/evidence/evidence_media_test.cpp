// Capture times and previews: built into casefile_tests, whose QGuiApplication Qt PDF and fonts want.
#include "casefile/case_fixture.h"
#include "evidence/evidence_locker.h"
#include "evidence/evidence_preview.h"
#include "evidence/media_metadata.h"

#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace casebook;

TEST_CASE("captured-at comes from EXIF DateTimeOriginal, with its offset", "[evidence]")
{
    QTemporaryDir dir;
    const QString zoned = dir.filePath(QStringLiteral("zoned.jpg"));
    test::writeJpegWithExif(zoned, QStringLiteral("2026:03:05 14:22:10"), QStringLiteral("+09:00"));
    CHECK(media_metadata::capturedAt(zoned) ==
          QDateTime(QDate(2026, 3, 5), QTime(5, 22, 10), QTimeZone::utc()));
    const QString local = dir.filePath(QStringLiteral("local.jpg"));
    test::writeJpegWithExif(local, QStringLiteral("2026:03:05 14:22:10"));
    CHECK(media_metadata::capturedAt(local) ==
          QDateTime(QDate(2026, 3, 5), QTime(14, 22, 10), QTimeZone::systemTimeZone()).toUTC());
    const QString plain = dir.filePath(QStringLiteral("plain.png"));
    QImage(8, 8, QImage::Format_RGB32).save(plain);
    CHECK_FALSE(media_metadata::capturedAt(plain).isValid());
    CHECK_FALSE(media_metadata::capturedAt(dir.filePath(QStringLiteral("missing.jpg"))).isValid());
}

TEST_CASE("the locker records an image's capture time", "[evidence]")
{
    test::CaseFixture f;
    const EvidenceRecord& photo = f.evidence.first();
    CHECK(photo.mediaType == QStringLiteral("image/jpeg"));
    CHECK(photo.capturedAt == QDateTime(QDate(2026, 3, 5), QTime(5, 22, 10), QTimeZone::utc()));
    CHECK(photo.note == QStringLiteral("반품된 상품 사진"));
}

TEST_CASE("previews: image and PDF thumbnails, an icon for videos and other files", "[evidence]")
{
    QTemporaryDir dir;
    const QString jpeg = dir.filePath(QStringLiteral("p.jpg"));
    test::writeJpegWithExif(jpeg, QStringLiteral("2026:03:05 14:22:10"));
    const EvidencePreview image = evidencePreview(jpeg, QStringLiteral("image/jpeg"), QSize(160, 160));
    CHECK_FALSE(image.isIcon);
    CHECK(image.image.size() == QSize(160, 120));
    CHECK(image.image.pixelColor(5, 5).red() > 150); // the picture's orange, not an icon's grey

    const QString pdf = dir.filePath(QStringLiteral("receipt.pdf"));
    {
        QPdfWriter w(pdf);
        w.setPageSize(QPageSize(QPageSize::A4));
        QPainter p(&w);
        p.fillRect(QRect(0, 0, w.width(), w.height() / 2), Qt::black);
    }
    const EvidencePreview page = evidencePreview(pdf, QStringLiteral("application/pdf"), QSize(160, 160));
    REQUIRE_FALSE(page.isIcon);
    CHECK(page.image.height() == 160);
    CHECK(page.image.width() < 160); // portrait
    CHECK(page.image.pixelColor(page.image.width() / 2, 20).lightness() < 60);
    CHECK(page.image.pixelColor(page.image.width() / 2, 150).lightness() > 200);

    const EvidencePreview video = evidencePreview(jpeg, QStringLiteral("video/mp4"));
    CHECK(video.isIcon);
    CHECK_FALSE(video.durationMs); // not an MP4 inside
    CHECK(evidencePreview(jpeg, QStringLiteral("application/octet-stream")).isIcon);
}
