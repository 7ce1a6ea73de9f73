#include "casefile/case_file_verifier.h"

#include "casefile/case_file_manifest.h"
#include "casefile/case_file_pdf_check.h"
#include "casefile/case_file_timestamp.h"
#include "casefile/signing_key.h"
#include "casefile/zip_archive.h"
#include "evidence/custody_log.h"
#include "store/ticket_json.h"
#include "store/ticket_queries.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace casebook {
namespace {

constexpr qint64 kSmallEntryLimit = 64 << 20;
constexpr qint64 kPdfLimit = 512 << 20; // photos at full page width make a large report

struct Listed {
    QString sha256;
    qint64 size = -1;
};

bool unsafeEntryName(const QString& name)
{
    return name.startsWith(QLatin1Char('/')) || name.contains(QLatin1Char('\\')) ||
           name.contains(QLatin1Char(':')) || name.split(QLatin1Char('/')).contains(QStringLiteral(".."));
}

QString shortHash(const QString& h)
{
    return h.left(12) + QStringLiteral("…");
}

void checkCustody(const QJsonObject& manifest, const QMap<QString, Listed>& listed,
                  const QMap<QString, QString>& roles, QList<CustodyEntry>& chain, QStringList& problems)
{
    auto parsed = custody_log::fromJson(manifest.value(QStringLiteral("custody_log")).toArray());
    if (!parsed) {
        problems << QStringLiteral("custody: %1").arg(parsed.error().message);
        return;
    }
    chain = parsed.value();
    if (const QString broken = custody_log::chainProblem(chain); !broken.isEmpty())
        problems << QStringLiteral("custody: %1").arg(broken);
    QSet<QString> added;
    for (const CustodyEntry& e : chain)
        if (e.action == QLatin1String("added"))
            added << QJsonDocument::fromJson(e.detail.toUtf8())
                         .object()
                         .value(QStringLiteral("sha256"))
                         .toString();
    for (auto it = listed.begin(); it != listed.end(); ++it)
        if (roles.value(it.key()) == QLatin1String("evidence") && !added.contains(it->sha256))
            problems << QStringLiteral("custody: %1 has no \"added\" entry with its hash").arg(it.key());
}

bool signatureFile(const QString& name)
{
    return name == case_file_manifest::kSignatureName || name == case_file_manifest::kPublicKeyName ||
           name == case_file_timestamp::kTokenName;
}

// manifest.sig must be the signature of manifest.json's exact bytes by the key in public-key.pem, and that
// key the one the signed manifest names. Anyone can sign with a key of their own: the fingerprint, compared
// with what the seller published (`expected`), is what says whose key it is.
void checkSignature(const ZipArchive& zip, const QByteArray& manifestBytes, const QJsonObject& manifest,
                    const QString& expected, CaseFileVerification& v)
{
    QStringList& problems = v.problems;
    if (manifest.value(QStringLiteral("format")).toString() == case_file_manifest::kUnsignedFormat) {
        problems << QStringLiteral("signature: the case file is not signed (made before Casebook signed case "
                                   "files); who made it cannot be checked");
        return;
    }
    auto pem = zip.readEntry(case_file_manifest::kPublicKeyName, 64 << 10);
    if (!pem) {
        problems << QStringLiteral("signature: missing %1, so the signature cannot be checked")
                        .arg(case_file_manifest::kPublicKeyName);
        return;
    }
    auto raw = signing::publicRawFromPem(pem.value());
    if (!raw) {
        problems << QStringLiteral("signature: %1 is %2")
                        .arg(case_file_manifest::kPublicKeyName, raw.error().message);
        return;
    }
    v.keyFingerprint = signing::fingerprint(raw.value());
    const QString named = manifest.value(QStringLiteral("signature"))
                              .toObject()
                              .value(QStringLiteral("key_fingerprint"))
                              .toString();
    if (signing::normalizedFingerprint(named) != signing::normalizedFingerprint(v.keyFingerprint))
        problems << QStringLiteral("signature: %1 holds the key %2, but manifest.json names %3")
                        .arg(case_file_manifest::kPublicKeyName, v.keyFingerprint,
                             named.isEmpty() ? QStringLiteral("none") : named);
    auto sig = zip.readEntry(case_file_manifest::kSignatureName, 1 << 10);
    if (!sig)
        problems << QStringLiteral("signature: missing %1; manifest.json is not signed")
                        .arg(case_file_manifest::kSignatureName);
    else if (!signing::verify(raw.value(), manifestBytes, sig.value()))
        problems << QStringLiteral("signature: %1 does not match manifest.json: the manifest was changed "
                                   "after the seller signed it")
                        .arg(case_file_manifest::kSignatureName);
    else
        v.signatureValid = true;
    if (!expected.isEmpty() &&
        signing::normalizedFingerprint(expected) != signing::normalizedFingerprint(v.keyFingerprint))
        problems << QStringLiteral("signature: signed by the key %1, not by the expected key %2")
                        .arg(v.keyFingerprint, expected);
}

// The report a person reads against the manifest a program reads.
void checkPdf(const ZipArchive& zip, const QJsonObject& manifest, QStringList& problems)
{
    QString report;
    QList<CasePdfListedFile> files;
    for (const QJsonValue& f : manifest.value(QStringLiteral("files")).toArray()) {
        const QJsonObject o = f.toObject();
        const QString role = o.value(QStringLiteral("role")).toString();
        if (role == QLatin1String("report"))
            report = o.value(QStringLiteral("path")).toString();
        else if (role == QLatin1String("evidence") || role == QLatin1String("message"))
            files.append(
                {o.value(QStringLiteral("path")).toString(), o.value(QStringLiteral("sha256")).toString()});
    }
    if (report.isEmpty()) {
        problems << QStringLiteral("pdf: the manifest lists no report (the case file's PDF)");
        return;
    }
    auto pdf = zip.readEntry(report, kPdfLimit);
    if (!pdf)
        return; // named already as missing or damaged
    problems << casePdfProblems(report, pdf.value(), files);
}

// A stamp must be for this manifest, by a trusted authority, and from the time the manifest says it was
// exported: a token kept from an older export (or made long after) says nothing about this one.
void checkTimestamp(const ZipArchive& zip, const QByteArray& manifestBytes, const QJsonObject& manifest,
                    const QString& caFile, CaseFileVerification& v)
{
    if (!zip.entryNames().contains(case_file_timestamp::kTokenName))
        return;
    auto token = zip.readEntry(case_file_timestamp::kTokenName, 1 << 20);
    if (!token)
        return; // named already as damaged
    const case_file_timestamp::Check checked =
        case_file_timestamp::check(token.value(), manifestBytes, caFile);
    if (!checked.problem.isEmpty()) {
        v.problems << QStringLiteral("timestamp: %1").arg(checked.problem);
        return;
    }
    const QDateTime exported =
        QDateTime::fromString(manifest.value(QStringLiteral("exported_at")).toString(), Qt::ISODate);
    constexpr qint64 kSkewSecs = 10 * 60;
    if (!exported.isValid() || checked.time < exported.addSecs(-kSkewSecs) ||
        checked.time > exported.addSecs(kSkewSecs))
        v.problems << QStringLiteral("timestamp: stamped at %1, but manifest.json says it was exported at %2")
                          .arg(ticket_json::isoDate(checked.time), ticket_json::isoDate(exported));
    else
        v.timestampedAt = checked.time;
}

} // namespace

CaseFileVerifier::CaseFileVerifier(Database* db) : m_db(db) {}

Result<CaseFileVerification> CaseFileVerifier::verify(const QString& zipPath, const Progress& progress)
{
    auto opened = ZipArchive::openReadOnly(zipPath);
    if (!opened)
        return opened.error();
    const ZipArchive& zip = *opened.value();
    CaseFileVerification v;
    QStringList& problems = v.problems;
    const QStringList entries = zip.entryNames();

    // What the manifest and SHA256SUMS claim.
    QMap<QString, Listed> listed;
    QMap<QString, QString> roles;
    QJsonObject manifest;
    auto manifestBytes = zip.readEntry(case_file_manifest::kManifestName, kSmallEntryLimit);
    if (!manifestBytes) {
        problems << QStringLiteral("missing: %1 (%2)")
                        .arg(case_file_manifest::kManifestName, manifestBytes.error().message);
    } else {
        manifest = QJsonDocument::fromJson(manifestBytes.value()).object();
        const QString format = manifest.value(QStringLiteral("format")).toString();
        if (format != case_file_manifest::kFormat && format != case_file_manifest::kUnsignedFormat)
            problems << QStringLiteral("changed: %1 (not a Casebook case-file manifest)")
                            .arg(case_file_manifest::kManifestName);
        for (const QJsonValue& f : manifest.value(QStringLiteral("files")).toArray()) {
            const QJsonObject o = f.toObject();
            const QString path = o.value(QStringLiteral("path")).toString();
            listed.insert(path, {o.value(QStringLiteral("sha256")).toString(),
                                 static_cast<qint64>(o.value(QStringLiteral("size")).toDouble(-1))});
            roles.insert(path, o.value(QStringLiteral("role")).toString());
        }
        v.caseNumber =
            manifest.value(QStringLiteral("case")).toObject().value(QStringLiteral("number")).toInt();
    }
    QMap<QString, QString> sums;
    if (auto sumsBytes = zip.readEntry(case_file_manifest::kSumsName, kSmallEntryLimit); !sumsBytes) {
        problems << QStringLiteral("missing: %1 (%2)")
                        .arg(case_file_manifest::kSumsName, sumsBytes.error().message);
    } else if (auto parsed = case_file_manifest::parseSha256Sums(sumsBytes.value()); !parsed) {
        problems
            << QStringLiteral("changed: %1 (%2)").arg(case_file_manifest::kSumsName, parsed.error().message);
    } else {
        sums = parsed.value();
    }
    if (manifestBytes && !sums.contains(case_file_manifest::kManifestName))
        problems << QStringLiteral("changed: %1 does not list %2")
                        .arg(case_file_manifest::kSumsName, case_file_manifest::kManifestName);

    // What the ZIP holds.
    QSet<QString> present;
    for (const QString& name : entries) {
        if (name.endsWith(QLatin1Char('/')))
            continue;
        if (present.contains(name)) {
            // Unzip tools keep one of the two; which one was checked cannot be known.
            problems << QStringLiteral("added: %1 (a second entry with the same name)").arg(name);
            continue;
        }
        present << name;
        if (unsafeEntryName(name))
            problems << QStringLiteral("added: %1 (an unsafe path a case file never holds)").arg(name);
        if (zip.isSymbolicLink(name))
            problems << QStringLiteral("changed: %1 (a symbolic link: unzipping makes a link, not the file "
                                       "whose hash matches)")
                            .arg(name);
        if (name == case_file_manifest::kSumsName)
            continue;
        const bool inManifest =
            listed.contains(name) || name == case_file_manifest::kManifestName || signatureFile(name);
        if (!inManifest && !sums.contains(name)) {
            problems << QStringLiteral("added: %1 (not listed in the manifest or SHA256SUMS)").arg(name);
            continue;
        }
        auto digest = zip.hashEntry(name, progress);
        ++v.filesChecked;
        if (!digest) {
            problems << QStringLiteral("changed: %1").arg(digest.error().message);
            continue;
        }
        QStringList why;
        if (listed.contains(name) && listed[name].sha256 != digest->sha256)
            why << QStringLiteral("manifest has SHA-256 %1").arg(shortHash(listed[name].sha256));
        else if (listed.contains(name) && listed[name].size != digest->size)
            why << QStringLiteral("manifest has size %1").arg(listed[name].size);
        if (!listed.contains(name) && name != case_file_manifest::kManifestName && !signatureFile(name))
            why << QStringLiteral("not in the manifest");
        if (!sums.contains(name))
            why << QStringLiteral("not in SHA256SUMS");
        else if (sums[name] != digest->sha256)
            why << QStringLiteral("SHA256SUMS has %1").arg(shortHash(sums[name]));
        if (!why.isEmpty())
            problems << QStringLiteral("changed: %1 (its SHA-256 is %2; %3)")
                            .arg(name, shortHash(digest->sha256), why.join(QStringLiteral("; ")));
    }
    QSet<QString> expected(listed.keyBegin(), listed.keyEnd());
    for (auto it = sums.keyBegin(); it != sums.keyEnd(); ++it)
        expected << *it;
    QStringList missing(expected.begin(), expected.end());
    missing.sort();
    for (const QString& name : missing)
        if (!present.contains(name))
            problems << QStringLiteral("missing: %1").arg(name);

    if (manifestBytes)
        checkSignature(zip, manifestBytes.value(), manifest, m_expectedKey, v);
    if (manifestBytes)
        checkPdf(zip, manifest, problems);
    if (manifestBytes)
        checkTimestamp(zip, manifestBytes.value(), manifest, m_tsaCaFile, v);
    QList<CustodyEntry> chain;
    if (manifestBytes)
        checkCustody(manifest, listed, roles, chain, problems);

    // The case's own database, when it is this one, knows the chain the export was made from.
    // Same number and same opening time: another database may well have its own #1042.
    std::optional<TicketSummary> ticket;
    if (m_db && v.caseNumber > 0)
        ticket = ticket_queries::ticketByNumber(m_db->reader(), v.caseNumber);
    const QString openedAt =
        manifest.value(QStringLiteral("case")).toObject().value(QStringLiteral("created_at")).toString();
    if (!ticket || ticket_json::isoDate(ticket->createdAt) != openedAt)
        return v;
    const std::optional<qint64> ticketId = ticket->id;
    const QList<CustodyEntry> stored = custody_log::entries(m_db->reader(), *ticketId);
    for (int i = 0; i < chain.size(); ++i)
        if (i >= stored.size() || stored[i].entryHash != chain[i].entryHash) {
            problems
                << QStringLiteral("custody: entry %1 differs from this database's custody log").arg(i + 1);
            break;
        }
    QString zipSha;
    QFile f(zipPath);
    if (f.open(QIODevice::ReadOnly)) {
        QCryptographicHash h(QCryptographicHash::Sha256);
        h.addData(&f);
        zipSha = QString::fromLatin1(h.result().toHex());
    }
    // Only a case file this database exported (its `exported` entry holds the ZIP's hash) is recorded in
    // the case's custody log: a number and an opening time are easily copied into someone else's ZIP,
    // and a log that anyone's file can append to proves nothing.
    bool exportedHere = false;
    for (const CustodyEntry& e : stored)
        if (e.action == QLatin1String("exported") &&
            QJsonDocument::fromJson(e.detail.toUtf8()).object().value(QStringLiteral("sha256")).toString() ==
                zipSha)
            exportedHere = true;
    if (zipSha.isEmpty() || !exportedHere)
        return v;
    const QJsonObject detail{
        {QStringLiteral("file"), QFileInfo(zipPath).fileName()},
        {QStringLiteral("sha256"), zipSha},
        {QStringLiteral("result"), v.ok() ? QStringLiteral("intact") : QStringLiteral("problems")},
        {QStringLiteral("problems"), static_cast<int>(problems.size())}};
    auto logged = m_db->write([&](SQLite::Database& db) -> Result<void> {
        custody_log::append(db, *ticketId, m_db->clock().now().toUTC(), QStringLiteral("verified"),
                            QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)));
        return {};
    });
    v.recordedInCustody = logged.ok();
    return v;
}

Result<QByteArray> CaseFileVerifier::report(const QString& zipPath)
{
    auto zip = ZipArchive::openReadOnly(zipPath);
    if (!zip)
        return zip.error();
    auto manifestBytes = zip.value()->readEntry(case_file_manifest::kManifestName, kSmallEntryLimit);
    if (!manifestBytes)
        return manifestBytes.error();
    const QJsonObject manifest = QJsonDocument::fromJson(manifestBytes.value()).object();
    for (const QJsonValue& f : manifest.value(QStringLiteral("files")).toArray())
        if (f.toObject().value(QStringLiteral("role")).toString() == QLatin1String("report"))
            return zip.value()->readEntry(f.toObject().value(QStringLiteral("path")).toString(), kPdfLimit);
    return makeError(ErrorCode::Damaged,
                     QStringLiteral("%1 names no report (the case file's PDF)").arg(case_file_manifest::kManifestName));
}

} // namespace casebook
