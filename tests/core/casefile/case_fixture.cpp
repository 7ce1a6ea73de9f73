#include "casefile/case_fixture.h"

#include "evidence/evidence_locker.h"
#include "inbox/ingestor.h"
#include "store/ticket_writes.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <catch2/catch.hpp>
#include <exiv2/exiv2.hpp>

namespace casebook::test {

void writeJpegWithExif(const QString& path, const QString& dateTimeOriginal, const QString& offset)
{
    QImage image(320, 240, QImage::Format_RGB32);
    image.fill(QColor(200, 120, 40));
    QPainter(&image).fillRect(40, 40, 120, 80, Qt::darkBlue);
    REQUIRE(image.save(path, "JPEG"));
    auto exiv = Exiv2::ImageFactory::open(QFile::encodeName(path).toStdString());
    REQUIRE(exiv.get());
    exiv->readMetadata();
    Exiv2::ExifData exif = exiv->exifData();
    exif["Exif.Photo.DateTimeOriginal"] = dateTimeOriginal.toStdString();
    if (!offset.isEmpty())
        exif["Exif.Photo.OffsetTimeOriginal"] = offset.toStdString();
    exiv->setExifData(exif);
    exiv->writeMetadata();
}

CaseFixture::CaseFixture()
{
    Ingestor ingestor(*store.db, IngestOptions{{QStringLiteral("help@dalbit-shop.example")}});
    auto in = ingestor.ingestMail(readFile(testData(QStringLiteral("mail/utf8-base64.eml"))),
                                  QStringLiteral("test"), QStringLiteral("utf8-base64.eml"));
    REQUIRE(in);
    ticketId = in->ticketId;
    number =
        static_cast<int>(store.db->reader()
                             .execAndGet("SELECT number FROM tickets WHERE id = " + std::to_string(ticketId))
                             .getInt());
    REQUIRE(store.db->write([&](SQLite::Database& db) -> Result<void> {
        ticket_writes::setSummary(
            db, ticketId, QStringLiteral("포장 영상으로 정상 발송 확인. Packing video shows the item."));
        InboundMessage note;
        note.direction = Direction::Note;
        note.text = QStringLiteral("내부 메모: 같은 고객이 작년에도 미수령 주장");
        note.date = store.clock.now();
        ticket_writes::insertMessage(db, note, ticketId, std::nullopt, store.clock.now());
        return {};
    }));

    EvidenceLocker locker(*store.db);
    const QString photo = store.dir.filePath(QStringLiteral("returned.jpg"));
    writeJpegWithExif(photo, QStringLiteral("2026:03:05 14:22:10"), QStringLiteral("+09:00"));
    const QString video = store.dir.filePath(QStringLiteral("video.bin"));
    QFile v(video);
    REQUIRE(v.open(QIODevice::WriteOnly));
    v.write(QByteArray(256 * 1024, 'v'));
    v.close();
    struct Item {
        QString path;
        QString name;
        QString note;
    };
    const QList<Item> items{
        {photo, QStringLiteral("returned goods.jpg"), QStringLiteral("반품된 상품 사진")},
        {video, QStringLiteral("packing video.mp4"), QStringLiteral("packing")},
        {readyFile(QStringLiteral("../../x")), QStringLiteral("../../x"), {}},
        {readyFile(QStringLiteral("rlo")), QStringLiteral("invoice\u202Egpj.exe"), {}},
        {readyFile(QStringLiteral("con")), QStringLiteral("CON"), {}},
        {readyFile(QStringLiteral("long")), QString(250, QChar(0xD55C)) + QStringLiteral(".txt"), {}},
    };
    for (const Item& i : items) {
        auto added = locker.add({ticketId, i.path, i.name, i.note, QStringLiteral("file")});
        REQUIRE(added);
        evidence << added.value();
    }
}

QString CaseFixture::readyFile(const QString& tag)
{
    const QString path = store.dir.filePath(QStringLiteral("plain-") + QString::number(qHash(tag)));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("evidence " + tag.toUtf8() + '\n');
    return path;
}

Ran run(const QString& program, const QStringList& args, const QString& workingDir)
{
    QProcess p;
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.start(program, args);
    REQUIRE(p.waitForFinished(120000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

void unzip(const QString& zip, const QString& dir)
{
    const Ran r =
        run(QStringLiteral("python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])"), zip,
             dir});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
}

} // namespace casebook::test
