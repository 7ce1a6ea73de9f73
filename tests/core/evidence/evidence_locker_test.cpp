#include "evidence/custody_log.h"
#include "evidence/evidence_locker.h"
#include "evidence/media_metadata.h"
#include "hostile_names.h"
#include "inbox/ingestor.h"
#include "store/ticket_writes.h"
#include "support/test_support.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtEndian>
#include <QCryptographicHash>
#include <sys/stat.h>
#include <catch2/catch.hpp>

using namespace casebook;

namespace {
qint64 newTicket(test::TempStore& s)
{
    qint64 id = 0;
    REQUIRE(s.db->write([&](SQLite::Database& db) -> Result<void> {
        id = ticket_writes::createTicket(
            db, {QStringLiteral("case"), QStringLiteral("case"), std::nullopt, s.clock.now()});
        return {};
    }));
    return id;
}
} // namespace

TEST_CASE("evidence is stored once per content, read-only, with a custody chain", "[evidence]")
{
    test::TempStore s;
    const qint64 ticket = newTicket(s);
    const QString file = s.dir.filePath(QStringLiteral("packing.mp4"));
    QFile f(file);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(3 * 1024 * 1024 + 17, 'v'));
    f.close();

    EvidenceLocker locker(*s.db);
    qint64 lastProgress = 0;
    auto first = locker.add({ticket, file, {}, QStringLiteral("packing video"), QStringLiteral("file")},
                            [&](qint64 done, qint64) {
                                lastProgress = done;
                                return true;
                            });
    REQUIRE(first);
    CHECK(lastProgress == 3 * 1024 * 1024 + 17);
    CHECK(first->size == lastProgress);
    CHECK(first->addedAt == s.clock.now());
    const QString stored = locker.pathOf(first->sha256);
    CHECK(test::readFile(stored).size() == first->size);
    CHECK_FALSE(QFileInfo(stored).permissions() &
                (QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther));

    auto again = locker.add({ticket, file, QStringLiteral("copy.mp4"), {}, {}});
    REQUIRE(again);
    CHECK(again->id == first->id);
    CHECK(locker.list(ticket).size() == 1);
    CHECK(custody_log::verifyChain(s.db->reader(), ticket));
    CHECK(s.db->reader().execAndGet("SELECT COUNT(*) FROM custody_log").getInt() == 1);
}

TEST_CASE("the custody log refuses changes and a broken chain is detected", "[evidence]")
{
    test::TempStore s;
    const qint64 ticket = newTicket(s);
    REQUIRE(s.db->write([&](SQLite::Database& db) -> Result<void> {
        custody_log::append(db, ticket, s.clock.now(), QStringLiteral("added"), QStringLiteral("a"));
        custody_log::append(db, ticket, s.clock.now(), QStringLiteral("exported"), QStringLiteral("b"));
        return {};
    }));
    CHECK(custody_log::verifyChain(s.db->reader(), ticket));
    auto tamper = s.db->write([&](SQLite::Database& db) -> Result<void> {
        db.exec("UPDATE custody_log SET detail = 'forged' WHERE seq = 1");
        return {};
    });
    CHECK_FALSE(tamper);
    CHECK(tamper.error().message.contains(QStringLiteral("append-only")));
}

TEST_CASE("file names are made safe for display and export", "[evidence]")
{
    CHECK(EvidenceLocker::safeName(QStringLiteral("../../x")) == QStringLiteral("x"));
    CHECK(EvidenceLocker::safeName(QStringLiteral("/etc/passwd")) == QStringLiteral("passwd"));
    CHECK(EvidenceLocker::safeName(QStringLiteral("CON")) == QStringLiteral("_CON"));
    CHECK(EvidenceLocker::safeName(QStringLiteral("invoice\u202Egpj.exe")) ==
          QStringLiteral("invoicegpj.exe"));
    CHECK(EvidenceLocker::safeName(QString(250, QLatin1Char('a')) + QStringLiteral(".jpg")).toUtf8().size() <=
          180);
    CHECK(EvidenceLocker::safeName(QString(250, QLatin1Char('a')) + QStringLiteral(".jpg"))
              .endsWith(QStringLiteral(".jpg")));
    CHECK(EvidenceLocker::safeName(QStringLiteral("..")) == QStringLiteral("file"));
}

namespace {

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
}

} // namespace

TEST_CASE("hostile names become safe names, and safe ones are kept", "[evidence]")
{
    for (const QString& name : test::kHostileNames)
        test::requireSafeName(EvidenceLocker::safeName(name));
    CHECK(EvidenceLocker::safeName(QStringLiteral("파손 사진.png")) == QStringLiteral("파손 사진.png"));
    CHECK(EvidenceLocker::safeName(QStringLiteral("LPT1 .jpg")) == QStringLiteral("_LPT1 .jpg"));
    CHECK(EvidenceLocker::safeName(QString(250, QChar(0xD55C)) + QStringLiteral(".png"))
              .endsWith(QStringLiteral(".png")));
    // NFD (as macOS writes Hangul) is stored composed.
    CHECK(EvidenceLocker::safeName(QStringLiteral("사진.jpg").normalized(QString::NormalizationForm_D)) ==
          QStringLiteral("사진.jpg"));
}

TEST_CASE("hostile names end up safe in the store, and the files live under their hash", "[evidence]")
{
    test::TempStore s;
    const qint64 ticket = newTicket(s);
    EvidenceLocker locker(*s.db);
    int i = 0;
    for (const QString& name : test::kHostileNames) {
        const QString file = s.dir.filePath(QStringLiteral("in-%1").arg(++i));
        writeBytes(file, QByteArray("content ") + QByteArray::number(i));
        auto added = locker.add({ticket, file, name, {}, QStringLiteral("mail attachment")});
        REQUIRE(added);
        test::requireSafeName(added->originalName);
        CHECK(QFileInfo(locker.pathOf(added->sha256)).fileName() == added->sha256);
    }
    for (const EvidenceRecord& r : locker.list(ticket))
        test::requireSafeName(r.originalName);
    // Everything in the locker is named by its hash (or is the staging folder), never by a given name.
    QDirIterator it(s.db->lockerDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        CHECK(QFileInfo(it.next()).fileName().contains(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$"))));
    CHECK(custody_log::verifyChain(s.db->reader(), ticket));
}

TEST_CASE("a cancelled add stores nothing and a missing file is a readable error", "[evidence]")
{
    test::TempStore s;
    const qint64 ticket = newTicket(s);
    const QString file = s.dir.filePath(QStringLiteral("big.bin"));
    writeBytes(file, QByteArray(5 * 1024 * 1024, 'z'));
    EvidenceLocker locker(*s.db);
    int calls = 0;
    auto cancelled = locker.add({ticket, file, {}, {}, {}}, [&](qint64, qint64) { return ++calls < 2; });
    REQUIRE_FALSE(cancelled);
    CHECK(cancelled.error().message.contains(QStringLiteral("cancelled")));
    CHECK(calls == 2);
    CHECK(locker.list(ticket).isEmpty());
    CHECK(QDir(s.db->lockerDir() + QStringLiteral("/incoming")).entryList(QDir::Files).isEmpty());
    CHECK_FALSE(QFileInfo::exists(s.db->lockerDir() + QStringLiteral("/evidence")));

    auto missing = locker.add({ticket, s.dir.filePath(QStringLiteral("nope.jpg")), {}, {}, {}});
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.contains(QStringLiteral("nope.jpg")));
}

TEST_CASE("the same content in two cases is one stored file, and a damaged copy is caught", "[evidence]")
{
    test::TempStore s;
    const qint64 a = newTicket(s);
    const qint64 b = newTicket(s);
    const QString file = s.dir.filePath(QStringLiteral("photo.jpg"));
    writeBytes(file, QByteArray("not really a jpeg"));
    EvidenceLocker locker(*s.db);
    auto first = locker.add({a, file, {}, {}, {}});
    auto second = locker.add({b, file, QStringLiteral("other name.jpg"), {}, {}});
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->id != second->id);
    CHECK(first->sha256 == second->sha256);
    QDir stored(s.db->lockerDir() + QStringLiteral("/evidence/") + first->sha256.left(2));
    CHECK(stored.entryList(QDir::Files).size() == 1);
    CHECK(locker.checkStored(*first));

    const QString path = locker.pathOf(first->sha256);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    writeBytes(path, QByteArray("not really a jpeg!"));
    auto damaged = locker.checkStored(*first);
    REQUIRE_FALSE(damaged);
    CHECK(damaged.error().message.contains(QStringLiteral("photo.jpg")));
}

TEST_CASE("a mail attachment is promoted to evidence in one call", "[evidence]")
{
    test::TempStore s;
    Ingestor ingestor(*s.db, IngestOptions{{QStringLiteral("help@dalbit-shop.example")}});
    auto in = ingestor.ingestMail(test::readFile(test::testData(QStringLiteral("mail/attachment.eml"))),
                                  QStringLiteral("test"), {});
    REQUIRE(in);
    const qint64 attachment = s.db->reader().execAndGet("SELECT id FROM attachments").getInt64();
    EvidenceLocker locker(*s.db);
    auto promoted = locker.promoteAttachment(attachment, QStringLiteral("broken on arrival"));
    REQUIRE(promoted);
    CHECK(promoted->ticketId == in->ticketId);
    CHECK(promoted->originalName == QStringLiteral("파손 사진.png"));
    CHECK(promoted->mediaType == QStringLiteral("image/png"));
    CHECK(promoted->source == QStringLiteral("mail attachment <att-1@mail.example>"));
    CHECK(promoted->note == QStringLiteral("broken on arrival"));
    CHECK(promoted->sha256 ==
          QString::fromUtf8(s.db->reader().execAndGet("SELECT sha256 FROM attachments").getString().c_str()));
    CHECK(locker.checkStored(*promoted));
    const auto log = custody_log::entries(s.db->reader(), in->ticketId);
    REQUIRE(log.size() == 1);
    CHECK(log.first().action == QStringLiteral("added"));
    CHECK(log.first().detail.contains(promoted->sha256));
    CHECK_FALSE(locker.promoteAttachment(attachment + 100));
}

TEST_CASE("an MP4's duration is read from its mvhd box", "[evidence]")
{
    QTemporaryDir dir;
    auto box = [](const QByteArray& type, const QByteArray& payload) {
        QByteArray b(4, '\0');
        qToBigEndian<quint32>(static_cast<quint32>(payload.size() + 8), b.data());
        return b + type + payload;
    };
    QByteArray mvhd(100, '\0'); // version 0: times, then timescale and duration
    qToBigEndian<quint32>(600, mvhd.data() + 12);
    qToBigEndian<quint32>(600 * 42 + 300, mvhd.data() + 16);
    const QByteArray file = box("ftyp", "isom\0\0\0\0isom") + box("mdat", QByteArray(200000, 'x')) +
                            box("moov", box("mvhd", mvhd));
    const QString path = dir.filePath(QStringLiteral("packing.mp4"));
    writeBytes(path, file);
    CHECK(media_metadata::videoDurationMs(path) == 42500);
    writeBytes(path, file.left(file.size() - 40)); // truncated moov
    CHECK_FALSE(media_metadata::videoDurationMs(path));
    writeBytes(path, QByteArray("\xff\xff\xff\xff"
                                "moov",
                                8) +
                         QByteArray(64, 'y'));
    CHECK_FALSE(media_metadata::videoDurationMs(path));
}

TEST_CASE("a short copy left under the content's hash is repaired when the bytes are added again",
          "[evidence][hostile]")
{
    test::TempStore s;
    const qint64 ticket = newTicket(s);
    const QByteArray bytes(200000, 'r');
    const QString file = s.dir.filePath(QStringLiteral("receipt.pdf"));
    {
        QFile f(file);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    EvidenceLocker locker(*s.db);
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QString target = locker.pathOf(sha);
    // What a full disk left behind: the hash's name with no bytes (or some of them), read-only as filed.
    for (const QByteArray& left : {QByteArray(), bytes.left(4096)}) {
        QFile::remove(target);
        QDir().mkpath(QFileInfo(target).absolutePath());
        {
            QFile poisoned(target);
            REQUIRE(poisoned.open(QIODevice::WriteOnly));
            poisoned.write(left);
        }
        QFile::setPermissions(target, QFileDevice::ReadOwner);
        auto added = locker.add({ticket, file, {}, {}, {}});
        REQUIRE(added);
        CHECK(added->sha256 == sha);
        CHECK(locker.checkStored(added.value()));
        CHECK(test::readFile(target) == bytes);
    }
    CHECK(locker.list(ticket).size() == 1);
    // Nothing staged is left in the locker's incoming folder.
    CHECK(QDir(s.db->lockerDir() + QStringLiteral("/incoming")).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

TEST_CASE("evidence from a pipe, a FIFO or a device is refused, naming what it is", "[evidence][hostile]")
{
    test::TempStore s;
    const qint64 ticket = newTicket(s);
    EvidenceLocker locker(*s.db);
    const QString fifo = s.dir.filePath(QStringLiteral("stream"));
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    // No writer: opening it must not block, and it is refused, not stored as 0 bytes.
    auto fromFifo = locker.add({ticket, fifo, {}, {}, {}});
    REQUIRE_FALSE(fromFifo);
    CHECK(fromFifo.error().code == ErrorCode::InvalidInput);
    CHECK(fromFifo.error().message.contains(QStringLiteral("pipe (FIFO)")));
    auto fromDevice = locker.add({ticket, QStringLiteral("/dev/zero"), {}, {}, {}});
    REQUIRE_FALSE(fromDevice);
    CHECK(fromDevice.error().message.contains(QStringLiteral("a device")));
    auto fromFolder = locker.add({ticket, s.dir.path(), {}, {}, {}});
    REQUIRE_FALSE(fromFolder);
    CHECK(fromFolder.error().message.contains(QStringLiteral("a folder")));
    auto missing = locker.add({ticket, s.dir.filePath(QStringLiteral("nothing-here")), {}, {}, {}});
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(locker.list(ticket).isEmpty());
    CHECK(s.db->reader().execAndGet("SELECT COUNT(*) FROM custody_log").getInt() == 0);
}
