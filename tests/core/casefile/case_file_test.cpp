#include "casefile/case_file_exporter.h"
#include "casefile/case_file_labels.h"
#include "casefile/case_file_verifier.h"
#include "casefile/case_fixture.h"
#include "casefile/contact_mask.h"
#include "evidence/custody_log.h"
#include "store/ticket_queries.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace casebook;
using test::CaseFixture;

namespace {

QString exportTo(CaseFixture& f, const CaseFileOptions& options = {})
{
    const QString zip = f.exportPath(CaseFileExporter::defaultFileName(f.number));
    auto done = CaseFileExporter(*f.store.db, f.keys()).exportCase(f.number, zip, options);
    if (!done)
        FAIL(done.error().message.toStdString());
    CHECK(done->path == zip);
    return zip;
}

QStringList filesUnder(const QString& dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(dir).relativeFilePath(it.next());
    out.sort();
    return out;
}

QString pdfText(const QString& pdf)
{
    const test::Ran r =
        test::run(QStringLiteral("pdftotext"),
                  {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    return r.out;
}

// Rewrites a ZIP with Python's zipfile, flipping one byte of `entry` or leaving it out.
void tamper(const QString& zip, const QString& entry, const QString& how)
{
    const QString script = QStringLiteral(R"(
import sys, zipfile, shutil
src, entry, how = sys.argv[1:]
tmp = src + '.tmp'
with zipfile.ZipFile(src) as zi, zipfile.ZipFile(tmp, 'w') as zo:
    for info in zi.infolist():
        data = zi.read(info.filename)
        if info.filename == entry:
            if how == 'delete':
                continue
            if how == 'flip':
                data = bytes([data[0] ^ 1]) + data[1:]
        zo.writestr(info, data)
    if how == 'add':
        zo.writestr('evidence/99-extra.jpg', b'planted')
    if how == 'duplicate':
        zo.writestr(entry, b'a second photo under the same name')
shutil.move(tmp, src)
)");
    const test::Ran r = test::run(QStringLiteral("python3"), {QStringLiteral("-c"), script, zip, entry, how});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
}

QJsonObject manifestOf(const QString& dir)
{
    return QJsonDocument::fromJson(test::readFile(dir + QStringLiteral("/manifest.json"))).object();
}

} // namespace

TEST_CASE("a case file holds the PDF, numbered safe evidence, raw messages, manifest and SHA256SUMS",
          "[casefile]")
{
    CaseFixture f;
    const QString zip = exportTo(f);
    QTemporaryDir out;
    test::unzip(zip, out.path());
    const QStringList files = filesUnder(out.path());
    INFO(files.join(QStringLiteral(", ")).toStdString());
    CHECK(files.contains(QStringLiteral("case-%1.pdf").arg(f.number)));
    CHECK(files.contains(QStringLiteral("manifest.json")));
    CHECK(files.contains(QStringLiteral("SHA256SUMS")));
    CHECK(files.contains(QStringLiteral("evidence/01-returned-goods.jpg")));
    CHECK(files.contains(QStringLiteral("evidence/02-packing-video.mp4")));
    CHECK(files.contains(QStringLiteral("evidence/03-x")));
    CHECK(files.contains(QStringLiteral("evidence/04-invoicegpj.exe")));
    CHECK(files.contains(QStringLiteral("evidence/05-_CON")));
    CHECK(files.contains(QStringLiteral("messages/01-2026-03-02-in.eml")));
    CHECK(files.contains(QStringLiteral("manifest.sig")));
    CHECK(files.contains(QStringLiteral("public-key.pem")));
    CHECK(files.contains(QStringLiteral("VERIFY.en.txt")));
    CHECK(files.contains(QStringLiteral("VERIFY.ko.txt")));
    CHECK(files.size() == 14);
    // Every entry stayed inside the folder it was unzipped to, and each name is a file system's legal name.
    for (const QString& name : files) {
        CHECK_FALSE(name.contains(QStringLiteral("..")));
        CHECK_FALSE(name.contains(QChar(0x202E)));
        for (const QString& part : name.split(QLatin1Char('/')))
            CHECK(part.toUtf8().size() <= 255);
    }
    // The raw message is byte for byte what came in.
    CHECK(test::readFile(out.filePath(QStringLiteral("messages/01-2026-03-02-in.eml"))) ==
          test::readFile(test::testData(QStringLiteral("mail/utf8-base64.eml"))));

    const test::Ran sums = test::run(QStringLiteral("sha256sum"),
                                     {QStringLiteral("-c"), QStringLiteral("SHA256SUMS")}, out.path());
    INFO(sums.out.toStdString() << sums.err.toStdString());
    CHECK(sums.code == 0);
    CHECK(sums.out.count(QStringLiteral(": OK")) == 13);

    const QJsonObject m = manifestOf(out.path());
    CHECK(m.value(QStringLiteral("app")).toObject().value(QStringLiteral("version")).toString() ==
          QStringLiteral(CASEBOOK_VERSION));
    CHECK(m.value(QStringLiteral("exported_at")).toString() == QStringLiteral("2026-03-10T09:00:00Z"));
    const QJsonObject c = m.value(QStringLiteral("case")).toObject();
    CHECK(c.value(QStringLiteral("number")).toInt() == f.number);
    const auto ticket = ticket_queries::ticketByNumber(f.store.db->reader(), f.number);
    REQUIRE(ticket);
    REQUIRE_FALSE(ticket->orderNumbers.isEmpty());
    CHECK(c.value(QStringLiteral("order_numbers")).toVariant().toStringList() == ticket->orderNumbers);
    CHECK(m.value(QStringLiteral("customer")).toObject().value(QStringLiteral("name")).toString() ==
          QStringLiteral("김민수"));
    const QJsonArray list = m.value(QStringLiteral("files")).toArray();
    CHECK(list.size() == 10);
    for (const QJsonValue& v : list) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("path")).toString() != QStringLiteral("evidence/01-returned-goods.jpg"))
            continue;
        CHECK(o.value(QStringLiteral("sha256")).toString() == f.evidence.first().sha256);
        CHECK(o.value(QStringLiteral("size")).toInteger() == f.evidence.first().size);
        CHECK(o.value(QStringLiteral("captured_at")).toString() == QStringLiteral("2026-03-05T05:22:10Z"));
        CHECK(o.value(QStringLiteral("added_at")).toString() == QStringLiteral("2026-03-10T09:00:00Z"));
        CHECK(o.value(QStringLiteral("original_name")).toString() == QStringLiteral("returned goods.jpg"));
    }
    CHECK(m.value(QStringLiteral("custody_log")).toArray().size() == 6);
}

TEST_CASE("the PDF carries the Korean conversation, the summary and every hash", "[casefile]")
{
    CaseFixture f;
    const QString zip = exportTo(f);
    QTemporaryDir out;
    test::unzip(zip, out.path());
    const QString text = pdfText(out.filePath(QStringLiteral("case-%1.pdf").arg(f.number)));
    INFO(text.left(3000).toStdString());
    CHECK(text.contains(QStringLiteral("Case #%1").arg(f.number)));
    CHECK(text.contains(QStringLiteral("환불 문의드립니다")));            // subject
    CHECK(text.contains(QStringLiteral("환불을 요청합니다")));            // body
    CHECK(text.contains(QStringLiteral("포장 영상으로 정상 발송 확인"))); // the seller's summary
    CHECK(text.contains(QStringLiteral("2026030112345678")));
    for (const EvidenceRecord& r : f.evidence)
        CHECK(text.contains(r.sha256));
    for (const CustodyEntry& e : custody_log::entries(f.store.db->reader(), f.ticketId))
        if (e.action == QStringLiteral("added"))
            CHECK(text.contains(e.entryHash));
    CHECK_FALSE(text.contains(QStringLiteral("내부 메모"))); // internal notes only when asked

    // Every font is embedded, the CJK one included, so the PDF reads the same on any machine.
    const test::Ran fonts =
        test::run(QStringLiteral("pdffonts"), {out.filePath(QStringLiteral("case-%1.pdf").arg(f.number))});
    INFO(fonts.out.toStdString());
    REQUIRE(fonts.code == 0);
    CHECK(fonts.out.contains(QStringLiteral("NotoSansCJK")));
    const QStringList rows = fonts.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
    REQUIRE_FALSE(rows.isEmpty());
    for (const QString& row : rows)
        CHECK(row.split(QLatin1Char(' '), Qt::SkipEmptyParts)
                  .value(row.split(QLatin1Char(' '), Qt::SkipEmptyParts).size() - 5) ==
              QStringLiteral("yes"));
}

TEST_CASE("export in Korean: the PDF's labels, status and category in Korean, times with their offset",
          "[casefile]")
{
    CaseFixture f;
    CaseFileOptions options;
    options.language = QStringLiteral("ko");
    const QString zip = exportTo(f, options);
    QTemporaryDir out;
    test::unzip(zip, out.path());
    const QString text = pdfText(out.filePath(QStringLiteral("case-%1.pdf").arg(f.number)));
    INFO(text.left(3000).toStdString());
    const auto ticket = ticket_queries::ticketByNumber(f.store.db->reader(), f.number);
    REQUIRE(ticket);
    CHECK(text.contains(QStringLiteral("사건 #%1").arg(f.number)));
    for (const char* label : {"고객", "상태", "분류", "판매자 요약", "경과", "증거", "원래 이름", "보관 이력",
                              "이 사건 파일에 든 파일", "서명 키 지문", "이 보고서는 사건 파일의 일부입니다"})
        CHECK(text.contains(QString::fromUtf8(label)));
    CHECK(text.contains(case_file_labels::status(QStringLiteral("ko"), ticket->status)));
    CHECK(text.contains(case_file_labels::category(QStringLiteral("ko"), ticket->category)));
    CHECK(case_file_labels::category(QStringLiteral("ko"), Category::MissingItem) ==
          QStringLiteral("구성품 누락"));
    CHECK(text.contains(QStringLiteral("추가됨 (added)"))); // the custody log's actions too
    CHECK(case_file_labels::custodyAction(QStringLiteral("en"), QStringLiteral("added")) == QStringLiteral("added"));
    CHECK_FALSE(text.contains(QStringLiteral("Customer")));
    CHECK_FALSE(text.contains(QStringLiteral("Original name")));
    static const QRegularExpression offset(QStringLiteral("\\(UTC[+-]\\d\\d:\\d\\d\\)"));
    CHECK(text.count(offset) >= 3);
    CHECK(manifestOf(out.path())
              .value(QStringLiteral("options"))
              .toObject()
              .value(QStringLiteral("language")) == QStringLiteral("ko"));
    CHECK(
        CaseFileVerifier().verify(zip)->ok()); // the check of what the PDF lists is the same in any language

    // English (the default) says the same in English, not as stored ids.
    const QString englishZip = f.exportPath(QStringLiteral("english.zip"));
    REQUIRE(CaseFileExporter(*f.store.db, f.keys()).exportCase(f.number, englishZip));
    QTemporaryDir englishOut;
    test::unzip(englishZip, englishOut.path());
    const QString english = pdfText(englishOut.filePath(QStringLiteral("case-%1.pdf").arg(f.number)));
    CHECK(english.contains(QStringLiteral("Customer")));
    CHECK(english.contains(case_file_labels::category(QStringLiteral("en"), ticket->category)));
    CHECK(english.count(offset) >= 3);
}

TEST_CASE("internal notes and masking are options of the export", "[casefile]")
{
    CaseFixture f;
    CaseFileOptions options;
    options.includeNotes = true;
    options.maskContact = true;
    const QString zip = exportTo(f, options);
    QTemporaryDir out;
    test::unzip(zip, out.path());
    const QString text = pdfText(out.filePath(QStringLiteral("case-%1.pdf").arg(f.number)));
    CHECK(text.contains(QStringLiteral("내부 메모")));
    CHECK_FALSE(text.contains(QStringLiteral("minsu@mail.example")));
    CHECK(text.contains(QStringLiteral("m****@mail.example")));
    const QByteArray manifest = test::readFile(out.filePath(QStringLiteral("manifest.json")));
    CHECK_FALSE(manifest.contains("minsu@mail.example"));
    CHECK_FALSE(QFileInfo::exists(out.filePath(QStringLiteral("messages")))); // raw mail carries the address
    CHECK(CaseFileVerifier().verify(zip)->ok());

    CHECK(maskContacts(QStringLiteral("전화 010-1234-5678, 주문 20260301123456, a.kim@x.example")) ==
          QStringLiteral("전화 ***-****-5678, 주문 20260301123456, a****@x.example"));
    CHECK(maskContacts(QStringLiteral("+82 10 9876 5432")) ==
          QStringLiteral("+** ** ****-5432").replace(QLatin1Char('-'), QLatin1Char(' ')));
}

TEST_CASE("verify accepts an intact case file and records it in the case's custody log", "[casefile]")
{
    CaseFixture f;
    const QString zip = exportTo(f);
    auto v = CaseFileVerifier(f.store.db.get()).verify(zip);
    REQUIRE(v);
    INFO(v->problems.join(QLatin1Char('\n')).toStdString());
    CHECK(v->ok());
    CHECK(v->caseNumber == f.number);
    CHECK(v->filesChecked == 13);
    CHECK(v->recordedInCustody);
    const auto log = custody_log::entries(f.store.db->reader(), f.ticketId);
    REQUIRE(log.size() == 8);
    CHECK(log.at(6).action == QStringLiteral("exported"));
    CHECK(log.at(7).action == QStringLiteral("verified"));
    CHECK(log.at(7).detail.contains(QStringLiteral("intact")));
    CHECK(custody_log::verifyChain(f.store.db->reader(), f.ticketId));
    // Without the database it holds from the ZIP alone, and records nothing.
    auto alone = CaseFileVerifier().verify(zip);
    REQUIRE(alone);
    CHECK(alone->ok());
    CHECK_FALSE(alone->recordedInCustody);
}

TEST_CASE("verify names a changed, a missing and an added file", "[casefile]")
{
    CaseFixture f;
    const QString zip = exportTo(f);
    const QString photo = QStringLiteral("evidence/01-returned-goods.jpg");

    SECTION("a flipped byte (ZIP rewritten with a valid CRC)")
    {
        tamper(zip, photo, QStringLiteral("flip"));
        auto v = CaseFileVerifier().verify(zip);
        REQUIRE(v);
        REQUIRE(v->problems.size() == 1);
        CHECK(v->problems.first().startsWith(QStringLiteral("changed: ") + photo));
    }
    SECTION("a flipped byte in the ZIP itself (fails its CRC)")
    {
        QFile z(zip);
        REQUIRE(z.open(QIODevice::ReadWrite));
        const QByteArray all = z.readAll();
        // The photo is stored, so its bytes are there as they are, just after its local header (which names
        // it); searched from there, since the compressed PDF may hold the same three bytes by chance.
        const qsizetype header = all.indexOf(photo.toUtf8());
        REQUIRE(header > 0);
        const qsizetype at = all.indexOf("\xFF\xD8\xFF", header);
        REQUIRE(at > 0);
        z.seek(at + 300);
        z.write(QByteArray(1, static_cast<char>(all.at(at + 300) ^ 0x01)));
        z.close();
        auto v = CaseFileVerifier().verify(zip);
        REQUIRE(v);
        REQUIRE_FALSE(v->ok());
        CHECK(v->problems.join(QLatin1Char('\n'))
                  .contains(QStringLiteral("changed: evidence/01-returned-goods.jpg is damaged")));
    }
    SECTION("a deleted file")
    {
        tamper(zip, photo, QStringLiteral("delete"));
        auto v = CaseFileVerifier().verify(zip);
        REQUIRE(v);
        REQUIRE(v->problems.size() == 1);
        CHECK(v->problems.first() == QStringLiteral("missing: ") + photo);
    }
    SECTION("an added file")
    {
        tamper(zip, QString(), QStringLiteral("add"));
        auto v = CaseFileVerifier().verify(zip);
        REQUIRE(v);
        REQUIRE(v->problems.size() == 1);
        CHECK(v->problems.first().startsWith(QStringLiteral("added: evidence/99-extra.jpg")));
    }
    SECTION("a second entry under an existing name")
    {
        tamper(zip, photo, QStringLiteral("duplicate"));
        auto v = CaseFileVerifier().verify(zip);
        REQUIRE(v);
        INFO(v->problems.join(QLatin1Char('\n')).toStdString());
        CHECK(
            v->problems.contains(QStringLiteral("added: %1 (a second entry with the same name)").arg(photo)));
    }
    SECTION("a forged custody entry")
    {
        QTemporaryDir out;
        test::unzip(zip, out.path());
        QByteArray manifest = test::readFile(out.filePath(QStringLiteral("manifest.json")));
        manifest.replace("returned goods.jpg", "returned goods.jpeg"); // in the custody detail too
        const QString script = QStringLiteral(R"(
import sys, zipfile, shutil
src, data = sys.argv[1], open(sys.argv[2], 'rb').read()
with zipfile.ZipFile(src) as zi, zipfile.ZipFile(src + '.tmp', 'w') as zo:
    for info in zi.infolist():
        zo.writestr(info, data if info.filename == 'manifest.json' else zi.read(info.filename))
shutil.move(src + '.tmp', src)
)");
        QFile m(out.filePath(QStringLiteral("forged.json")));
        REQUIRE(m.open(QIODevice::WriteOnly));
        m.write(manifest);
        m.close();
        REQUIRE(
            test::run(QStringLiteral("python3"), {QStringLiteral("-c"), script, zip, m.fileName()}).code ==
            0);
        auto v = CaseFileVerifier().verify(zip);
        REQUIRE(v);
        const QString all = v->problems.join(QLatin1Char('\n'));
        INFO(all.toStdString());
        CHECK(all.contains(QStringLiteral("changed: manifest.json")));
        CHECK(all.contains(QStringLiteral("custody entry 1 (added) was changed")));
    }
}

TEST_CASE("a cancelled export leaves no case file behind", "[casefile]")
{
    CaseFixture f;
    const QString zip = f.exportPath(QStringLiteral("case.zip"));
    int calls = 0;
    auto done = CaseFileExporter(*f.store.db, f.keys()).exportCase(f.number, zip, {}, [&](qint64, qint64) {
        return ++calls < 3;
    });
    REQUIRE_FALSE(done);
    CHECK_FALSE(QFileInfo::exists(zip));
    CHECK(QDir(f.out.path()).entryList({QStringLiteral("case.zip*")}).isEmpty());
    CHECK(custody_log::entries(f.store.db->reader(), f.ticketId).size() == 6); // no "exported"

    auto missing = CaseFileExporter(*f.store.db, f.keys()).exportCase(4242, zip);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.contains(QStringLiteral("#4242")));
}

TEST_CASE("verify records nothing for a ZIP this database did not export, and fails a symbolic-link entry",
          "[casefile][hostile]")
{
    CaseFixture f;
    const QString zip = exportTo(f);
    const int entriesBefore = static_cast<int>(custody_log::entries(f.store.db->reader(), f.ticketId).size());
    // Someone else's ZIP carrying this case's number and opening time (here: the same entries, repacked
    // with a comment, so every file matches but the ZIP is not the one exported).
    const QString other = f.exportPath(QStringLiteral("other.zip"));
    const QString repack = QStringLiteral(R"(
import sys, zipfile
src, dst, mode = sys.argv[1:]
with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, 'w') as zo:
    zo.comment = b'not from this database'
    for info in zi.infolist():
        data = zi.read(info.filename)
        if mode == 'link' and info.filename.startswith('evidence/'):
            info.external_attr = (0o120777 << 16)
            info.create_system = 3
            mode = 'done'
        zo.writestr(info, data)
)");
    REQUIRE(test::run(QStringLiteral("python3"), {QStringLiteral("-c"), repack, zip, other, QStringLiteral("copy")})
                .code == 0);
    auto foreign = CaseFileVerifier(f.store.db.get()).verify(other);
    REQUIRE(foreign);
    INFO(foreign->problems.join(QLatin1Char('\n')).toStdString());
    CHECK(foreign->ok());
    CHECK_FALSE(foreign->recordedInCustody);
    CHECK(custody_log::entries(f.store.db->reader(), f.ticketId).size() == entriesBefore);

    // An entry whose bytes match but which unzips as a symbolic link is not the evidence.
    const QString linked = f.exportPath(QStringLiteral("linked.zip"));
    REQUIRE(test::run(QStringLiteral("python3"), {QStringLiteral("-c"), repack, zip, linked, QStringLiteral("link")})
                .code == 0);
    auto withLink = CaseFileVerifier().verify(linked);
    REQUIRE(withLink);
    CHECK_FALSE(withLink->ok());
    REQUIRE(withLink->problems.size() == 1);
    CHECK(withLink->problems.first().contains(QStringLiteral("symbolic link")));
}
