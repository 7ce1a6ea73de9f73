#include "casefile/case_file_verifier.h"

#include "casefile/case_file_manifest.h"
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
        if (manifest.value(QStringLiteral("format")).toString() != case_file_manifest::kFormat)
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
        const bool inManifest = listed.contains(name) || name == case_file_manifest::kManifestName;
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
        if (!listed.contains(name) && name != case_file_manifest::kManifestName)
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

} // namespace casebook
