#include "casefile/case_file_exporter.h"

#include "casefile/case_file_guide.h"
#include "casefile/case_file_manifest.h"
#include "casefile/case_file_pdf.h"
#include "casefile/case_file_timestamp.h"
#include "casefile/case_file_verifier.h"
#include "casefile/export_target.h"
#include "casefile/zip_archive.h"
#include "evidence/custody_log.h"
#include "evidence/evidence_locker.h"
#include "evidence/safe_file_name.h"
#include "store/app_settings.h"
#include "store/ticket_json.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace casebook {
namespace {

constexpr qint64 kChunk = 1 << 20;
constexpr int kPhotoPixels = 1400; // a photo across an A4 page at about 200 dpi

QString numbered(int n, int count)
{
    return QStringLiteral("%1").arg(n, qMax(2, static_cast<int>(QString::number(count).size())), 10,
                                    QLatin1Char('0'));
}

// "packing video.mp4" → "01-packing-video.mp4": names built here, from a name already made safe, and no
// longer than a stored name may be, number included.
QString exportName(const QString& number, const QString& originalName)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    const QString prefix = number + QLatin1Char('-');
    const QString name = safeFileName(originalName).replace(spaces, QStringLiteral("-"));
    return prefix + safeFileName(name, 180 - static_cast<int>(prefix.toUtf8().size()));
}

bool compressible(const QString& mediaType)
{
    return !(mediaType.startsWith(QLatin1String("image/")) || mediaType.startsWith(QLatin1String("video/")) ||
             mediaType.startsWith(QLatin1String("audio/")) || mediaType.contains(QLatin1String("zip")) ||
             mediaType == QLatin1String("application/pdf"));
}

Result<CaseFileEntry> writeStaged(const QString& dir, const QString& path, const QByteArray& data)
{
    const QString file = dir + QLatin1Char('/') + QString(path).replace(QLatin1Char('/'), QLatin1Char('_'));
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.flush())
        return makeError(
            QStringLiteral("Could not write %1 (is the disk full?): %2").arg(file, f.errorString()));
    CaseFileEntry e;
    e.path = path;
    e.source = file;
    e.size = data.size();
    e.sha256 = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    return e;
}

Result<QString> sha256OfFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("Could not read %1: %2").arg(path, f.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    while (!f.atEnd()) {
        const QByteArray chunk = f.read(kChunk);
        if (chunk.isEmpty())
            return makeError(QStringLiteral("Could not read %1: %2").arg(path, f.errorString()));
        hash.addData(chunk);
    }
    return QString::fromLatin1(hash.result().toHex());
}

// The data and the folder entry reach the disk before the rename makes the file visible.
bool syncFile(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

CaseFileExporter::CaseFileExporter(Database& db, SigningKeyStore keys) : m_db(db), m_keys(std::move(keys)) {}

QString CaseFileExporter::defaultFileName(int caseNumber)
{
    return QStringLiteral("case-%1.zip").arg(caseNumber);
}

Result<CaseFileExport> CaseFileExporter::exportCase(int caseNumber, const QString& outPath,
                                                    const CaseFileOptions& options, const Progress& progress)
{
    auto checkedTarget =
        export_target::check(outPath, m_db.path(), m_db.lockerDir(), options.replaceExisting);
    if (!checkedTarget)
        return checkedTarget.error();
    const QString target = checkedTarget.value();
    auto loaded = loadCaseSnapshot(m_db.reader(), caseNumber);
    if (!loaded)
        return loaded.error();
    const CaseSnapshot& snapshot = loaded.value();
    auto key = m_keys.loadOrCreate();
    if (!key)
        return makeError(key.error().code,
                         QStringLiteral("The case file cannot be signed: %1").arg(key.error().message));
    const QDateTime exportedAt = m_db.clock().now().toUTC();
    EvidenceLocker locker(m_db);

    QTemporaryDir staging;
    if (!staging.isValid())
        return makeError(
            QStringLiteral("Could not create a temporary folder: %1").arg(staging.errorString()));

    // Work: re-hash every stored evidence file, then the ZIP writes it (reported as the second half).
    qint64 evidenceBytes = 0;
    for (const EvidenceRecord& r : snapshot.evidence)
        evidenceBytes += r.size;
    const qint64 total = 2 * evidenceBytes + 1;
    qint64 done = 0;
    auto report = [&](qint64 at) { return !progress || progress(at, total); };

    QList<CaseFileEntry> files;
    CasePdfContent pdf{snapshot, options, exportedAt, key->fingerprint(), {}, {}};
    int n = 0;
    for (const EvidenceRecord& r : snapshot.evidence) {
        auto intact = locker.checkStored(r, [&](qint64 d, qint64) { return report(done + d); });
        if (!intact)
            return intact.error();
        done += r.size;
        CaseFileEntry e;
        e.path = QStringLiteral("evidence/") +
                 exportName(numbered(++n, static_cast<int>(snapshot.evidence.size())), r.originalName);
        e.source = locker.pathOf(r.sha256);
        e.sha256 = r.sha256;
        e.size = r.size;
        e.role = QStringLiteral("evidence");
        // Photos go on the page at its full width; other files show an icon beside their details.
        const bool photo = r.mediaType.startsWith(QLatin1String("image/"));
        const EvidencePreview preview = evidencePreview(
            e.source, r.mediaType, photo ? QSize(kPhotoPixels, kPhotoPixels) : QSize(160, 160));
        e.meta = QJsonObject{{QStringLiteral("original_name"), r.originalName},
                             {QStringLiteral("media_type"), r.mediaType},
                             {QStringLiteral("added_at"), ticket_json::isoDate(r.addedAt)},
                             {QStringLiteral("source"), r.source},
                             {QStringLiteral("note"), r.note}};
        if (r.capturedAt.isValid())
            e.meta.insert(QStringLiteral("captured_at"), ticket_json::isoDate(r.capturedAt));
        if (preview.durationMs)
            e.meta.insert(QStringLiteral("duration_ms"), *preview.durationMs);
        files << e;
        pdf.evidence << CasePdfEvidence{r, e.path, preview};
    }

    if (!options.maskContact) {
        QList<const MessageRecord*> raw;
        for (const MessageRecord& m : snapshot.messages)
            if (!m.rawSha256.isEmpty() && m.direction != Direction::Note)
                raw << &m;
        n = 0;
        for (const MessageRecord* m : raw) {
            auto bytes = rawMessage(m_db.reader(), m->rawSha256);
            if (!bytes)
                return bytes.error();
            const QString date = m->date.isValid() ? m->date.toUTC().toString(QStringLiteral("yyyy-MM-dd"))
                                                   : QStringLiteral("undated");
            const QString path =
                QStringLiteral("messages/%1-%2-%3.%4")
                    .arg(numbered(++n, static_cast<int>(raw.size())), date, toString(m->direction),
                         channelInfo(m->channel).mail ? QStringLiteral("eml") : QStringLiteral("json"));
            auto staged = writeStaged(staging.path(), path, bytes.value());
            if (!staged)
                return staged.error();
            staged->role = QStringLiteral("message");
            staged->meta = QJsonObject{{QStringLiteral("direction"), toString(m->direction)},
                                       {QStringLiteral("channel"), toString(m->channel)},
                                       {QStringLiteral("date"), ticket_json::isoDate(m->date)},
                                       {QStringLiteral("message_id"), m->externalId}};
            files << staged.value();
            pdf.messages << staged.value();
        }
    }

    const QString pdfName = QStringLiteral("case-%1.pdf").arg(caseNumber);
    const QString pdfPath = staging.filePath(pdfName);
    if (auto written = writeCasePdf(pdf, pdfPath); !written)
        return written.error();
    auto pdfHash = sha256OfFile(pdfPath);
    if (!pdfHash)
        return pdfHash.error();
    files.prepend(
        CaseFileEntry{pdfName, pdfPath, pdfHash.value(), QFileInfo(pdfPath).size(), QStringLiteral("report"),
                      QJsonObject{{QStringLiteral("created_at"), ticket_json::isoDate(exportedAt)}}});

    const case_file_guide::GuideFacts facts{caseNumber, pdfName, key->fingerprint(), exportedAt,
                                            pdf.evidence.isEmpty() ? QString() : pdf.evidence.first().path};
    for (const case_file_guide::Guide& g : case_file_guide::guides(facts)) {
        auto staged = writeStaged(staging.path(), g.fileName, g.text);
        if (!staged)
            return staged.error();
        staged->role = QStringLiteral("guide");
        files << staged.value();
    }
    const QJsonObject manifest =
        case_file_manifest::build(snapshot, files, options, exportedAt, key->fingerprint());
    const QByteArray manifestBytes = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
    auto signature = key->sign(manifestBytes);
    if (!signature)
        return signature.error();
    QList<CaseFileEntry> summed = files;
    for (const auto& [name, bytes] : {std::pair{case_file_manifest::kManifestName, manifestBytes},
                                      std::pair{case_file_manifest::kSignatureName, signature.value()},
                                      std::pair{case_file_manifest::kPublicKeyName, key->publicPem()}}) {
        auto staged = writeStaged(staging.path(), name, bytes);
        if (!staged)
            return staged.error();
        summed << staged.value();
    }
    const CaseFileEntry manifestEntry = summed.at(files.size());
    // With an authority set, the manifest's hash is stamped now: the case file then shows it existed by then.
    if (const QString tsa = AppSettings::value(m_db.reader(), case_file_timestamp::kSettingKey);
        !tsa.isEmpty()) {
        auto token = case_file_timestamp::request(tsa, manifestBytes);
        if (!token)
            return token.error();
        auto staged = writeStaged(staging.path(), case_file_timestamp::kTokenName, token.value());
        if (!staged)
            return staged.error();
        summed << staged.value();
    }
    auto sumsEntry =
        writeStaged(staging.path(), case_file_manifest::kSumsName, case_file_manifest::sha256Sums(summed));
    if (!sumsEntry)
        return sumsEntry.error();

    // libzip writes `partial` through its own temporary file; only a complete, synced ZIP gets the real name.
    const QString partial = export_target::partialNameFor(target);
    auto zip = ZipArchive::create(partial);
    if (!zip)
        return zip.error();
    for (const CaseFileEntry& e : summed + QList<CaseFileEntry>{sumsEntry.value()}) {
        const bool compress = e.role != QLatin1String("evidence") ||
                              compressible(e.meta.value(QStringLiteral("media_type")).toString());
        if (auto added = zip.value()->addFile(e.path, e.source, exportedAt, compress); !added)
            return added.error();
    }
    const qint64 zipStart = done;
    auto closed = zip.value()->close(
        [&](qint64 permille, qint64) { return report(zipStart + evidenceBytes * permille / 1000); });
    if (!closed) {
        QFile::remove(partial);
        if (progress && !report(zipStart))
            return makeError(QStringLiteral("The export was cancelled; no case file was written."));
        return makeError(
            QStringLiteral("Could not write the case file %1 (is the disk full?): %2. Nothing was "
                           "left behind.")
                .arg(target, closed.error().message));
    }
    // Read back what was written, as a recipient would check it: a case file that does not verify is
    // never given its name. The authority's certificate is the receiver's to trust; here the stamp must only
    // be for this manifest.
    CaseFileVerifier verifier;
    verifier.trustTimestampsFrom(QString());
    auto readBack = verifier.verify(partial);
    if (!readBack || !readBack->ok()) {
        QFile::remove(partial);
        return makeError(QStringLiteral("The case file written to %1 did not verify (%2); it was removed.")
                             .arg(partial, readBack ? readBack->problems.join(QStringLiteral("; "))
                                                    : readBack.error().message));
    }
    auto zipHash = sha256OfFile(partial);
    if (!zipHash || !syncFile(partial)) {
        QFile::remove(partial);
        return makeError(QStringLiteral("Could not write %1 (is the disk full?)").arg(target));
    }
    if (auto moved = export_target::moveIntoPlace(partial, target, options.replaceExisting); !moved) {
        QFile::remove(partial);
        return moved.error();
    }
    syncFile(QFileInfo(target).absolutePath());

    CaseFileExport result{target,
                          zipHash.value(),
                          QFileInfo(target).size(),
                          static_cast<int>(files.size()),
                          key->fingerprint(),
                          m_keys.whereKept(),
                          m_keys.createdNow()};
    const QJsonObject detail{{QStringLiteral("file"), QFileInfo(target).fileName()},
                             {QStringLiteral("sha256"), result.sha256},
                             {QStringLiteral("size"), result.size},
                             {QStringLiteral("manifest_sha256"), manifestEntry.sha256},
                             {QStringLiteral("key_fingerprint"), key->fingerprint()},
                             {QStringLiteral("files"), result.files},
                             {QStringLiteral("include_notes"), options.includeNotes},
                             {QStringLiteral("mask_contact"), options.maskContact}};
    auto logged = m_db.write([&](SQLite::Database& db) -> Result<void> {
        custody_log::append(db, snapshot.ticket.id, exportedAt, QStringLiteral("exported"),
                            QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)));
        return {};
    });
    if (!logged)
        return makeError(QStringLiteral("The case file %1 was written, but its custody entry could not be "
                                        "recorded: %2")
                             .arg(target, logged.error().message));
    report(total);
    return result;
}

} // namespace casebook
