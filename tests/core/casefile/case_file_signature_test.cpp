#include "accounts/secret_store.h"
#include "casefile/case_file_exporter.h"
#include "casefile/case_file_pdf_check.h"
#include "casefile/case_file_verifier.h"
#include "casefile/case_fixture.h"
#include "casefile/signing_key.h"
#include "casefile/signing_key_store.h"
#include "casefile/zip_archive.h"
#include "evidence/custody_log.h"
#include "evidence/evidence_locker.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace casebook;
using test::CaseFixture;

namespace {

// A keychain in memory, or one that answers every call with `failure`.
class FakeKeychain final : public SecretStore {
public:
    std::optional<ErrorCode> failure;
    QMap<QString, QString> items;
    Result<QString> read(const QString& name) override
    {
        if (failure)
            return makeError(*failure, QStringLiteral("keychain says no"));
        if (!items.contains(name))
            return makeError(ErrorCode::NotFound, QStringLiteral("no such entry"));
        return items.value(name);
    }
    Result<void> write(const QString& name, const QString& secret) override
    {
        if (failure)
            return makeError(*failure, QStringLiteral("keychain says no"));
        items.insert(name, secret);
        return {};
    }
    Result<void> remove(const QString& name) override
    {
        items.remove(name);
        return {};
    }
};

void writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(data) == data.size());
}

QString sha256(const QByteArray& data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString exportCase(CaseFixture& f)
{
    const QString zip = f.exportPath(QStringLiteral("case.zip"));
    auto done = CaseFileExporter(*f.store.db, f.keys()).exportCase(f.number, zip);
    if (!done)
        FAIL(done.error().message.toStdString());
    return zip;
}

// What a forger does with an unzipped case file: replace the photo, make the manifest, the custody chain and
// SHA256SUMS agree with it again, and zip it anew. With `forgerKey` the manifest is also signed anew, by the
// forger's own key; without, the seller's manifest.sig is left as it was.
void forge(const QString& zip, const QString& photo, const std::optional<SigningKey>& forgerKey)
{
    QTemporaryDir dir;
    test::unzip(zip, dir.path());
    const QByteArray fake = "a different photo, as the forger would have it";
    const QString oldHash = sha256(test::readFile(dir.filePath(photo)));
    writeFile(dir.filePath(photo), fake);

    QJsonObject manifest =
        QJsonDocument::fromJson(test::readFile(dir.filePath(QStringLiteral("manifest.json")))).object();
    QJsonArray files = manifest.value(QStringLiteral("files")).toArray();
    for (qsizetype i = 0; i < files.size(); ++i) {
        QJsonObject o = files[i].toObject();
        if (o.value(QStringLiteral("path")).toString() != photo)
            continue;
        o.insert(QStringLiteral("sha256"), sha256(fake));
        o.insert(QStringLiteral("size"), fake.size());
        files[i] = o;
    }
    manifest.insert(QStringLiteral("files"), files);
    auto chain = custody_log::fromJson(manifest.value(QStringLiteral("custody_log")).toArray());
    REQUIRE(chain);
    REQUIRE_FALSE(chain->isEmpty());
    QString prev = chain->first().prevHash;
    for (CustodyEntry& e : chain.value()) {
        e.detail.replace(oldHash, sha256(fake));
        e.prevHash = prev;
        e.entryHash = custody_log::entryHash(prev, e.seq, e.at, e.action, e.detail);
        prev = e.entryHash;
    }
    manifest.insert(QStringLiteral("custody_log"), custody_log::toJson(chain.value()));
    if (forgerKey) {
        QJsonObject signature = manifest.value(QStringLiteral("signature")).toObject();
        signature.insert(QStringLiteral("key_fingerprint"), forgerKey->fingerprint());
        manifest.insert(QStringLiteral("signature"), signature);
    }
    const QByteArray manifestBytes = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
    writeFile(dir.filePath(QStringLiteral("manifest.json")), manifestBytes);
    if (forgerKey) {
        writeFile(dir.filePath(QStringLiteral("manifest.sig")), forgerKey->sign(manifestBytes).value());
        writeFile(dir.filePath(QStringLiteral("public-key.pem")), forgerKey->publicPem());
    }

    QByteArray sums;
    QDirIterator it(dir.path(), QDir::Files, QDirIterator::Subdirectories);
    QStringList names;
    while (it.hasNext())
        names << QDir(dir.path()).relativeFilePath(it.next());
    names.sort();
    for (const QString& name : names)
        if (name != QLatin1String("SHA256SUMS"))
            sums += sha256(test::readFile(dir.filePath(name))).toLatin1() + "  " + name.toUtf8() + '\n';
    writeFile(dir.filePath(QStringLiteral("SHA256SUMS")), sums);

    QFile::remove(zip);
    const test::Ran r =
        test::run(QStringLiteral("python3"),
                  {QStringLiteral("-c"),
                   QStringLiteral("import sys, os, zipfile\n"
                                  "with zipfile.ZipFile(sys.argv[1], 'w') as z:\n"
                                  "    for root, _, files in os.walk(sys.argv[2]):\n"
                                  "        for f in sorted(files):\n"
                                  "            p = os.path.join(root, f)\n"
                                  "            z.write(p, os.path.relpath(p, sys.argv[2]))\n"),
                   zip, dir.path()});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
}

QString problemsOf(const CaseFileVerification& v)
{
    return v.problems.join(QLatin1Char('\n'));
}

} // namespace

TEST_CASE("the signing key is made once, kept in the keychain or else in a file only the user reads",
          "[casefile][signing]")
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("data/case-file-signing-key.pem"));

    SECTION("no keychain: a 0600 file, said so, and the same key the next time")
    {
        SigningKeyStore store(nullptr, file);
        auto none = store.load();
        REQUIRE(none);
        CHECK_FALSE(*none);
        auto made = store.loadOrCreate();
        REQUIRE(made);
        CHECK(store.createdNow());
        CHECK(store.whereKept().contains(file));
        CHECK(QFileInfo(file).permissions() ==
              (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));
        SigningKeyStore again(nullptr, file);
        auto loaded = again.loadOrCreate();
        REQUIRE(loaded);
        CHECK_FALSE(again.createdNow());
        CHECK(loaded->fingerprint() == made->fingerprint());
    }
    SECTION("a keychain: the key goes there and no file is written")
    {
        auto keychain = std::make_shared<FakeKeychain>();
        SigningKeyStore store(keychain, file);
        auto made = store.loadOrCreate();
        REQUIRE(made);
        CHECK(store.whereKept() == QStringLiteral("the system keychain"));
        CHECK_FALSE(QFileInfo::exists(file));
        REQUIRE(keychain->items.contains(SigningKeyStore::kKeychainEntry));
        CHECK(keychain->items.value(SigningKeyStore::kKeychainEntry)
                  .startsWith(QStringLiteral("-----BEGIN PRIVATE KEY")));
        CHECK(SigningKeyStore(keychain, file).loadOrCreate()->fingerprint() == made->fingerprint());
    }
    SECTION("a keychain service that does not answer: the file")
    {
        auto keychain = std::make_shared<FakeKeychain>();
        keychain->failure = ErrorCode::Io;
        SigningKeyStore store(keychain, file);
        REQUIRE(store.loadOrCreate());
        CHECK(QFileInfo::exists(file));
    }
    SECTION("a keychain that refuses: an error, and no second key appears")
    {
        auto keychain = std::make_shared<FakeKeychain>();
        keychain->failure = ErrorCode::Refused;
        auto made = SigningKeyStore(keychain, file).loadOrCreate();
        REQUIRE_FALSE(made);
        CHECK(made.error().code == ErrorCode::Refused);
        CHECK_FALSE(QFileInfo::exists(file));
    }
    SECTION("import keeps an existing different key unless told to replace it")
    {
        SigningKeyStore store(nullptr, file);
        auto first = store.loadOrCreate();
        REQUIRE(first);
        auto other = SigningKey::generate();
        REQUIRE(other);
        auto refused = store.store(other.value(), false);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::Conflict);
        CHECK(store.store(first.value(), false)); // the same key again is fine
        REQUIRE(store.store(other.value(), true));
        CHECK(SigningKeyStore(nullptr, file).loadOrCreate()->fingerprint() == other->fingerprint());
        auto moved = SigningKey::fromPrivatePem(other->privatePem());
        REQUIRE(moved);
        CHECK(moved->fingerprint() == other->fingerprint());
        CHECK_FALSE(
            SigningKey::fromPrivatePem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"));
    }
}

TEST_CASE("fingerprints: SHA-256 of the raw public key, grouped, and read back however typed",
          "[casefile][signing]")
{
    auto key = SigningKey::generate();
    REQUIRE(key);
    const QString fp = key->fingerprint();
    CHECK(fp.size() == 79); // 16 groups of 4, 15 spaces
    CHECK(QString(fp).remove(QLatin1Char(' ')) == sha256(key->publicRaw()));
    CHECK(signing::normalizedFingerprint(key->fingerprint().toUpper().replace(
              QLatin1Char(' '), QLatin1Char(':'))) == sha256(key->publicRaw()));
    CHECK_FALSE(signing::normalizedFingerprint(QStringLiteral("3f9a 07c2")));
    CHECK_FALSE(signing::normalizedFingerprint(QString(64, QLatin1Char('g'))));
}

TEST_CASE("an exported case file is signed; openssl alone checks the signature and the fingerprint",
          "[casefile][signing]")
{
    CaseFixture f;
    const QString zip = exportCase(f);
    const QString fingerprint = f.keys().loadOrCreate()->fingerprint();
    QTemporaryDir out;
    test::unzip(zip, out.path());
    const QJsonObject manifest =
        QJsonDocument::fromJson(test::readFile(out.filePath(QStringLiteral("manifest.json")))).object();
    CHECK(manifest.value(QStringLiteral("signature"))
              .toObject()
              .value(QStringLiteral("key_fingerprint"))
              .toString() == fingerprint);

    const test::Ran ok =
        test::run(QStringLiteral("openssl"),
                  {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"),
                   QStringLiteral("-inkey"), QStringLiteral("public-key.pem"), QStringLiteral("-rawin"),
                   QStringLiteral("-in"), QStringLiteral("manifest.json"), QStringLiteral("-sigfile"),
                   QStringLiteral("manifest.sig")},
                  out.path());
    INFO(ok.out.toStdString() << ok.err.toStdString());
    CHECK(ok.code == 0);
    CHECK(ok.out.contains(QStringLiteral("Signature Verified Successfully")));

    const test::Ran fp = test::run(
        QStringLiteral("sh"),
        {QStringLiteral("-c"),
         QStringLiteral("openssl pkey -pubin -in public-key.pem -outform DER | tail -c 32 | sha256sum")},
        out.path());
    CHECK(fp.out.left(64) == QString(fingerprint).remove(QLatin1Char(' ')));

    // The guide for the receiver, in both languages, names the key and its commands work as written.
    for (const QString& name : {QStringLiteral("VERIFY.en.txt"), QStringLiteral("VERIFY.ko.txt")}) {
        const QString guide = QString::fromUtf8(test::readFile(out.filePath(name)));
        INFO(name.toStdString());
        CHECK(guide.contains(fingerprint));
        CHECK(guide.contains(QStringLiteral("certutil -hashfile evidence\\01-returned-goods.jpg SHA256")));
        CHECK(guide.contains(QStringLiteral("shasum -a 256 -c SHA256SUMS")));
        CHECK(guide.contains(QStringLiteral("casebook-cli verify case-%1.zip --expect-key").arg(f.number)));
        int commands = 0;
        for (QString line : guide.split(QStringLiteral("\r\n"))) {
            line = line.trimmed();
            if (line.startsWith(QLatin1String("Linux:")))
                line = line.mid(6).trimmed();
            // The timestamp's commands are run where the case file has one (case_file_timestamp_test).
            if ((!line.startsWith(QLatin1String("openssl ")) &&
                 !line.startsWith(QLatin1String("sha256sum "))) ||
                line.contains(QLatin1String("manifest.tsr")))
                continue;
            ++commands;
            const test::Ran ran = test::run(QStringLiteral("sh"), {QStringLiteral("-c"), line}, out.path());
            INFO(line.toStdString() << "\n" << ran.out.toStdString() << ran.err.toStdString());
            CHECK(ran.code == 0);
            CHECK((ran.out.contains(QStringLiteral("Signature Verified Successfully")) ||
                   ran.out.startsWith(QString(fingerprint).remove(QLatin1Char(' '))) ||
                   ran.out.count(QStringLiteral(": OK")) == 13));
        }
        CHECK(commands == 3);
    }
    CHECK(QString::fromUtf8(test::readFile(out.filePath(QStringLiteral("VERIFY.ko.txt"))))
              .contains(QStringLiteral("지문")));

    auto v = CaseFileVerifier().verify(zip);
    REQUIRE(v);
    INFO(problemsOf(*v).toStdString());
    CHECK(v->ok());
    CHECK(v->signatureValid);
    CHECK(v->keyFingerprint == fingerprint);
    CaseFileVerifier expecting;
    expecting.expectKey(QString(fingerprint).remove(QLatin1Char(' ')).toUpper());
    CHECK(expecting.verify(zip)->ok());
    // The custody entry of the export names the key.
    const auto log = custody_log::entries(f.store.db->reader(), f.ticketId);
    CHECK(log.last().detail.contains(fingerprint));
}

TEST_CASE("the forgery of the issue fails: photo replaced, manifest, custody and SHA256SUMS recomputed",
          "[casefile][signing]")
{
    CaseFixture f;
    const QString zip = exportCase(f);
    const QString sellerKey = f.keys().loadOrCreate()->fingerprint();
    const QString photo = QStringLiteral("evidence/01-returned-goods.jpg");

    SECTION("the seller's signature left in place")
    {
        forge(zip, photo, std::nullopt);
        auto v = CaseFileVerifier().verify(zip);
        REQUIRE(v);
        const QString all = problemsOf(*v);
        INFO(all.toStdString());
        CHECK_FALSE(v->ok());
        CHECK_FALSE(v->signatureValid);
        CHECK(all.contains(QStringLiteral("signature: manifest.sig does not match manifest.json")));
        CHECK_FALSE(
            all.contains(QStringLiteral("changed: ") + photo)); // the hashes agree: only the signature tells
    }
    SECTION("signed anew with the forger's key: another fingerprint, and --expect-key fails")
    {
        auto forger = SigningKey::generate();
        REQUIRE(forger);
        forge(zip, photo, forger.value());
        auto plain = CaseFileVerifier().verify(zip);
        REQUIRE(plain);
        CHECK(plain->signatureValid);
        CHECK(plain->keyFingerprint == forger->fingerprint());
        CHECK(plain->keyFingerprint != sellerKey);
        // A swapped photo under a manifest that is valid and signed: the PDF still contradicts it.
        CHECK(plain->problems ==
              QStringList{QStringLiteral("pdf: case-%1.pdf shows SHA-256 %2… for %3; the manifest has %4…")
                              .arg(f.number)
                              .arg(f.evidence.first().sha256.left(12), photo,
                                   sha256("a different photo, as the forger would have it").left(12))});
        CaseFileVerifier expecting;
        expecting.expectKey(sellerKey);
        auto v = expecting.verify(zip);
        REQUIRE(v);
        const QString all = problemsOf(*v);
        INFO(all.toStdString());
        CHECK(all.contains(QStringLiteral("signature: signed by the key %1, not by the expected key %2")
                               .arg(forger->fingerprint(), sellerKey)));
    }
    SECTION("a public key swapped under the seller's manifest")
    {
        QTemporaryDir dir;
        auto other = SigningKey::generate();
        REQUIRE(other);
        const QString pem = dir.filePath(QStringLiteral("other.pem"));
        writeFile(pem, other->publicPem());
        const test::Ran r = test::run(
            QStringLiteral("python3"),
            {QStringLiteral("-c"),
             QStringLiteral(
                 "import sys, zipfile, shutil\n"
                 "src, pem = sys.argv[1], open(sys.argv[2], 'rb').read()\n"
                 "with zipfile.ZipFile(src) as zi, zipfile.ZipFile(src + '.tmp', 'w') as zo:\n"
                 "    for i in zi.infolist():\n"
                 "        zo.writestr(i, pem if i.filename == 'public-key.pem' else zi.read(i.filename))\n"
                 "shutil.move(src + '.tmp', src)\n"),
             zip, pem});
        REQUIRE(r.code == 0);
        auto v = CaseFileVerifier().verify(zip);
        REQUIRE(v);
        const QString all = problemsOf(*v);
        INFO(all.toStdString());
        CHECK(all.contains(
            QStringLiteral("signature: public-key.pem holds the key %1, but manifest.json names %2")
                .arg(other->fingerprint(), sellerKey)));
        CHECK(all.contains(QStringLiteral("signature: manifest.sig does not match manifest.json")));
    }
}

TEST_CASE("verify reads the PDF back: a flipped byte, a file it does not list, a file only it lists",
          "[casefile][signing]")
{
    CaseFixture f;
    const QString zip = exportCase(f);
    const QString pdf = QStringLiteral("case-%1.pdf").arg(f.number);
    // Rewrites the ZIP with Python, changing the entry `name` through the expression `how` (of `data`).
    auto rewrite = [&](const QString& name, const QString& how) {
        const test::Ran r = test::run(
            QStringLiteral("python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import sys, zipfile, shutil\n"
                            "src, name, how = sys.argv[1:]\n"
                            "with zipfile.ZipFile(src) as zi, zipfile.ZipFile(src + '.tmp', 'w') as zo:\n"
                            "    for i in zi.infolist():\n"
                            "        data = zi.read(i.filename)\n"
                            "        zo.writestr(i, eval(how) if i.filename == name else data)\n"
                            "shutil.move(src + '.tmp', src)\n"),
             zip, name, how});
        INFO(r.err.toStdString());
        REQUIRE(r.code == 0);
    };
    SECTION("a flipped byte in the PDF")
    {
        rewrite(pdf, QStringLiteral(
                         "data[:len(data)//2] + bytes([data[len(data)//2] ^ 1]) + data[len(data)//2+1:]"));
        auto v = CaseFileVerifier().verify(zip);
        REQUIRE(v);
        const QString all = problemsOf(*v);
        INFO(all.toStdString());
        CHECK(v->problems.first().startsWith(QStringLiteral("changed: ") + pdf));
        CHECK(v->signatureValid); // the manifest is the seller's: it is the PDF that changed
    }
    SECTION("the manifest and the PDF disagree on which files there are")
    {
        // Compared directly, without the signature in the way: a manifest that drops one message and adds a
        // file the PDF never listed.
        auto opened = ZipArchive::openReadOnly(zip);
        REQUIRE(opened);
        auto bytes = opened.value()->readEntry(pdf, 64 << 20);
        REQUIRE(bytes);
        QList<CasePdfListedFile> files;
        const QJsonObject manifest =
            QJsonDocument::fromJson(
                opened.value()->readEntry(QStringLiteral("manifest.json"), 1 << 20).value())
                .object();
        QString message;
        for (const QJsonValue& v : manifest.value(QStringLiteral("files")).toArray()) {
            const QString role = v[QStringLiteral("role")].toString();
            if (role == QLatin1String("message"))
                message = v[QStringLiteral("path")].toString();
            else if (role == QLatin1String("evidence"))
                files.append({v[QStringLiteral("path")].toString(), v[QStringLiteral("sha256")].toString()});
        }
        REQUIRE_FALSE(message.isEmpty());
        files.append({QStringLiteral("evidence/99-planted.jpg"), QString(64, QLatin1Char('b'))});
        const QStringList problems = casePdfProblems(pdf, bytes.value(), files);
        INFO(problems.join(QLatin1Char('\n')).toStdString());
        CHECK(problems.contains(
            QStringLiteral("pdf: %1 does not list evidence/99-planted.jpg, which the manifest lists")
                .arg(pdf)));
        CHECK(problems.filter(QStringLiteral("under messages/…, which the manifest does not")).size() == 1);
        CHECK(problems.size() == 2);
        CHECK(casePdfProblems(pdf, "not a PDF", files)
                  .first()
                  .contains(QStringLiteral("cannot be opened as a PDF")));
    }
}

TEST_CASE("the PDF shows photos at the page's width, and its file list reads back across a wrapped line",
          "[casefile][signing]")
{
    CaseFixture f;
    // A name longer than a line of the file list. (Where PDFium gives back U+FFFE for a hyphen that ended a
    // line, the window's export test, with its own fonts, catches it.)
    QStringList words;
    for (int i = 0; i < 28; ++i)
        words << QStringLiteral("word%1").arg(i);
    const QString longName = words.join(QLatin1Char('-')) + QStringLiteral(".txt");
    const QString file = f.store.dir.filePath(QStringLiteral("long.txt"));
    writeFile(file, "a file with a long hyphenated name");
    REQUIRE(EvidenceLocker(*f.store.db).add({f.ticketId, file, longName, {}, QStringLiteral("file")}));
    const QString zip = exportCase(f); // read back and verified on the way, the PDF's list included
    auto v = CaseFileVerifier().verify(zip);
    REQUIRE(v);
    INFO(problemsOf(*v).toStdString());
    CHECK(v->ok());

    QTemporaryDir out;
    test::unzip(zip, out.path());
    const test::Ran images =
        test::run(QStringLiteral("pdfimages"),
                  {QStringLiteral("-list"), out.filePath(QStringLiteral("case-%1.pdf").arg(f.number))});
    INFO(images.out.toStdString());
    REQUIRE(images.code == 0);
    bool photoWhole = false; // the fixture's 320×240 photo, not a 160-pixel thumbnail of it
    for (const QString& row : images.out.split(QLatin1Char('\n')).mid(2)) {
        const QStringList cols = row.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        photoWhole |= cols.size() > 4 && cols[3] == QLatin1String("320") && cols[4] == QLatin1String("240");
    }
    CHECK(photoWhole);
}
