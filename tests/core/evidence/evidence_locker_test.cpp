#include "evidence/custody_log.h"
#include "evidence/evidence_locker.h"
#include "store/ticket_writes.h"
#include "support/test_support.h"

#include <QFile>
#include <QFileInfo>

#include <catch2/catch.hpp>

using namespace casebook;

namespace {
qint64 newTicket(test::TempStore& s)
{
    qint64 id = 0;
    REQUIRE(s.db->write([&](SQLite::Database& db) -> Result<void> {
        id = ticket_writes::createTicket(db, {QStringLiteral("case"), QStringLiteral("case"), std::nullopt, s.clock.now()});
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
    CHECK_FALSE(QFileInfo(stored).permissions() & (QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther));

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
    CHECK(EvidenceLocker::safeName(QStringLiteral("invoice\u202Egpj.exe")) == QStringLiteral("invoicegpj.exe"));
    CHECK(EvidenceLocker::safeName(QString(250, QLatin1Char('a')) + QStringLiteral(".jpg")).size() <= 120);
    CHECK(EvidenceLocker::safeName(QString(250, QLatin1Char('a')) + QStringLiteral(".jpg")).endsWith(QStringLiteral(".jpg")));
    CHECK(EvidenceLocker::safeName(QStringLiteral("..")) == QStringLiteral("file"));
}
