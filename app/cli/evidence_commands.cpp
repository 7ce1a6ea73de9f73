// evidence add/list, export, verify: the evidence locker and the case file.
#include "casefile/case_file_exporter.h"
#include "casefile/case_file_labels.h"
#include "casefile/case_file_verifier.h"
#include "casefile/signing_key.h"
#include "cli/cli.h"
#include "cli/ticket_arg.h"
#include "evidence/evidence_locker.h"
#include "evidence/mail_attachments.h"
#include "store/ticket_json.h"
#include "store/ticket_queries.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace casebook::cli {
namespace {

int evidenceAdd(Context& c, Database& db, const TicketSummary& ticket)
{
    EvidenceLocker locker(db);
    int failed = 0;
    for (const QString& file : c.args.mid(2)) {
        const qint64 before = locker.list(ticket.id).size();
        auto added =
            locker.add({ticket.id, file, {}, c.value(QStringLiteral("note")), QStringLiteral("file")});
        if (!added) {
            fail(added.error());
            ++failed;
            continue;
        }
        const bool fresh = locker.list(ticket.id).size() > before;
        out() << (fresh ? "added " : "already in the case ") << added->sha256 << "  " << added->originalName
              << " (" << added->mediaType << ", " << added->size << " bytes)" << Qt::endl;
    }
    return failed ? kFailed : kOk;
}

int evidenceList(Context& c, Database& db, const TicketSummary& ticket)
{
    const QList<EvidenceRecord> list = EvidenceLocker(db).list(ticket.id);
    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray a;
        for (const EvidenceRecord& r : list)
            a << QJsonObject{{QStringLiteral("id"), r.id},
                             {QStringLiteral("sha256"), r.sha256},
                             {QStringLiteral("size"), r.size},
                             {QStringLiteral("name"), r.originalName},
                             {QStringLiteral("media_type"), r.mediaType},
                             {QStringLiteral("captured_at"), ticket_json::isoDate(r.capturedAt)},
                             {QStringLiteral("added_at"), ticket_json::isoDate(r.addedAt)},
                             {QStringLiteral("note"), r.note},
                             {QStringLiteral("source"), r.source}};
        printJson(QJsonDocument(a));
        return kOk;
    }
    for (const EvidenceRecord& r : list)
        out() << r.sha256 << "  " << r.originalName << "\t" << r.mediaType << "\t" << r.size << " bytes\t"
              << ticket_json::isoDate(r.addedAt)
              << (r.note.isEmpty() ? QString() : QStringLiteral("\t") + r.note) << "\n";
    out().flush();
    return kOk;
}

int evidenceAttachments(Context& c, Database& db, const TicketSummary& ticket)
{
    const QList<StoredAttachment> list = mail_attachments::ofTicket(db.reader(), ticket.id);
    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray a;
        for (const StoredAttachment& s : list)
            a << QJsonObject{{QStringLiteral("id"), s.id},
                             {QStringLiteral("message_id"), s.messageId},
                             {QStringLiteral("sha256"), s.sha256},
                             {QStringLiteral("size"), s.size},
                             {QStringLiteral("name"), EvidenceLocker::safeName(s.filename)},
                             {QStringLiteral("media_type"), s.mediaType}};
        printJson(QJsonDocument(a));
        return kOk;
    }
    for (const StoredAttachment& s : list)
        out() << s.sha256 << "  " << EvidenceLocker::safeName(s.filename) << "\t" << s.mediaType << "\t"
              << s.size << " bytes\n";
    out().flush();
    return kOk;
}

// A mail attachment becomes evidence of the case its message belongs to, named by its SHA-256 (as
// `evidence attachments` lists it) rather than by the name the sender gave it.
int evidencePromote(Context& c, Database& db, const TicketSummary& ticket)
{
    if (!c.isSet(QStringLiteral("attachment")))
        return fail(QStringLiteral("usage: evidence promote NUMBER --attachment SHA256 [--note TEXT]"),
                    kUsage);
    auto found =
        mail_attachments::findInTicket(db.reader(), ticket.id, c.value(QStringLiteral("attachment")));
    if (!found)
        return fail(QStringLiteral("#%1: %2").arg(ticket.number).arg(found.error().message),
                    exitCodeFor(found.error()));
    EvidenceLocker locker(db);
    const qint64 before = locker.list(ticket.id).size();
    auto promoted = locker.promoteAttachment(found->id, c.value(QStringLiteral("note")));
    if (!promoted)
        return fail(promoted.error());
    const bool fresh = locker.list(ticket.id).size() > before;
    out() << (fresh ? "added " : "already in the case ") << promoted->sha256 << "  " << promoted->originalName
          << " (" << promoted->mediaType << ", " << promoted->size << " bytes, from " << promoted->source
          << ")" << Qt::endl;
    return kOk;
}

int evidence(Context& c)
{
    static const QStringList subs{QStringLiteral("add"), QStringLiteral("list"),
                                  QStringLiteral("attachments"), QStringLiteral("promote")};
    const QString sub = c.args.value(0);
    const auto number = ticketNumberArg(c.args.value(1));
    if (!subs.contains(sub) || !number || (sub == QLatin1String("add") && c.args.size() < 3) ||
        (sub != QLatin1String("add") && c.args.size() != 2))
        return fail(
            QStringLiteral("usage: evidence add NUMBER FILE... [--note TEXT] | evidence list NUMBER "
                           "[--json] | evidence attachments NUMBER [--json] | evidence promote NUMBER "
                           "--attachment SHA256 [--note TEXT]"),
            kUsage);
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    auto ticket = ticketArg(*db, c.args.value(1));
    if (!ticket)
        return fail(ticket.error());
    if (sub == QLatin1String("add"))
        return evidenceAdd(c, *db, *ticket);
    if (sub == QLatin1String("promote"))
        return evidencePromote(c, *db, *ticket);
    return sub == QLatin1String("list") ? evidenceList(c, *db, *ticket)
                                        : evidenceAttachments(c, *db, *ticket);
}

int exportCase(Context& c)
{
    const auto number = ticketNumberArg(c.args.value(0));
    if (c.args.size() != 1 || !number)
        return fail(QStringLiteral("usage: export NUMBER --out FILE.zip [--force] [--include-notes] [--mask-contact] "
                                   "[--lang ko|en]"),
                    kUsage);
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    const QString outPath = c.isSet(QStringLiteral("out")) ? c.value(QStringLiteral("out"))
                                                           : CaseFileExporter::defaultFileName(*number);
    CaseFileOptions options;
    options.includeNotes = c.isSet(QStringLiteral("include-notes"));
    options.maskContact = c.isSet(QStringLiteral("mask-contact"));
    options.replaceExisting = c.isSet(QStringLiteral("force"));
    options.language = c.isSet(QStringLiteral("lang")) ? c.value(QStringLiteral("lang"))
                                                       : case_file_labels::defaultLanguage();
    if (!case_file_labels::supported(options.language))
        return fail(QStringLiteral("--lang takes ko or en"), kUsage);
    auto done = CaseFileExporter(*db).exportCase(*number, outPath, options);
    if (!done)
        return fail(done.error());
    out() << done->path << "\n"
          << done->sha256 << "  " << QFileInfo(done->path).fileName() << " (" << done->files << " files, "
          << done->size << " bytes)\n"
          << "signed with the key " << done->keyFingerprint
          << (done->keyCreated ? QStringLiteral(" (made now; kept in %1)") : QStringLiteral(" (kept in %1)"))
                 .arg(done->keyKeptIn)
          << Qt::endl;
    return kOk;
}

int verify(Context& c)
{
    if (c.args.size() != 1)
        return fail(QStringLiteral("usage: verify FILE.zip [--expect-key FINGERPRINT]"), kUsage);
    const QString expected = c.value(QStringLiteral("expect-key"));
    if (c.isSet(QStringLiteral("expect-key")) && !signing::normalizedFingerprint(expected))
        return fail(QStringLiteral("--expect-key takes the key's fingerprint: 64 hex digits (spaces and "
                                   "colons between them are fine)"),
                    kUsage);
    // A custody entry only goes to a database the user pointed at, or their own existing one: verifying a
    // file someone sent must not create a database.
    Database* db = nullptr;
    if (c.isSet(QStringLiteral("db")) || c.isSet(QStringLiteral("demo")) ||
        !qEnvironmentVariableIsEmpty("CASEBOOK_DB") || QFileInfo::exists(Database::defaultPath())) {
        db = c.db();
        if (!db)
            return fail(c.dbError());
    }
    CaseFileVerifier verifier(db);
    verifier.expectKey(expected);
    if (c.isSet(QStringLiteral("tsa-ca")))
        verifier.trustTimestampsFrom(c.value(QStringLiteral("tsa-ca")));
    auto checked = verifier.verify(c.args.first());
    if (!checked)
        return fail(checked.error());
    for (const QString& p : checked->problems)
        out() << p << "\n";
    if (!checked->keyFingerprint.isEmpty())
        out() << "signing key: " << checked->keyFingerprint
              << (checked->signatureValid ? "" : " (its signature does not hold)") << "\n";
    if (checked->timestampedAt.isValid())
        out() << "timestamp: manifest.json existed at " << ticket_json::isoDate(checked->timestampedAt)
              << " (RFC 3161, by an authority the certificates trusted here vouch for)\n";
    if (!checked->ok()) {
        out().flush();
        return fail(QStringLiteral("%1: %2 problem(s) found; the case file cannot be trusted as it is.")
                        .arg(c.args.first())
                        .arg(checked->problems.size()));
    }
    out() << "OK: case #" << checked->caseNumber << ", " << checked->filesChecked
          << " files match manifest.json and SHA256SUMS; manifest.json is signed by the key above"
          << (expected.isEmpty() ? "" : ", the one expected") << "; the custody chain holds"
          << (checked->recordedInCustody ? " (recorded in the case's custody log)" : "") << Qt::endl;
    if (expected.isEmpty())
        out() << "Compare the signing key's fingerprint with the one the seller published (or pass it as "
                 "--expect-key): anyone can sign a case file with a key of their own."
              << Qt::endl;
    return kOk;
}

} // namespace

QList<Command> evidenceCommands()
{
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption note(QStringLiteral("note"), QStringLiteral("A note kept with added evidence."),
                                  QStringLiteral("TEXT"));
    const QCommandLineOption attachment(
        QStringLiteral("attachment"),
        QStringLiteral("evidence promote: the mail attachment's SHA-256 (or its first 8+ hex digits)."),
        QStringLiteral("SHA256"));
    const QCommandLineOption outFile(QStringLiteral("out"),
                                     QStringLiteral("Where export writes the case file."),
                                     QStringLiteral("FILE.zip"));
    const QCommandLineOption notes(QStringLiteral("include-notes"),
                                   QStringLiteral("export: put internal notes in the PDF's timeline."));
    const QCommandLineOption tsaCa(
        QStringLiteral("tsa-ca"),
        QStringLiteral("verify: the certificates (PEM) a timestamp authority must chain to (default: the "
                       "system's)."),
        QStringLiteral("FILE"));
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QStringLiteral("export: the PDF's language, ko or en (default: the system's, else en)."),
        QStringLiteral("ko|en"));
    const QCommandLineOption expectKey(
        QStringLiteral("expect-key"),
        QStringLiteral("verify: fail unless the case file is signed by the key with this fingerprint."),
        QStringLiteral("FINGERPRINT"));
    const QCommandLineOption mask(
        QStringLiteral("mask-contact"),
        QStringLiteral("export: hide the customer's phone and e-mail (for sharing)."));
    const QCommandLineOption force(
        QStringLiteral("force"),
        QStringLiteral("export: replace a file already at --out (never a special file, never in the "
                       "database's folder)."));
    return {
        {QStringLiteral("evidence"),
         QStringLiteral("evidence add NUMBER FILE... [--note TEXT] | evidence list NUMBER [--json] | "
                        "evidence attachments NUMBER [--json] | evidence promote NUMBER --attachment SHA256 "
                        "[--note TEXT]"),
         {json, note, attachment},
         evidence},
        {QStringLiteral("export"),
         QStringLiteral("export NUMBER --out FILE.zip [--force] [--include-notes] [--mask-contact] [--lang ko|en]"
                        "   the case file"),
         {outFile, force, notes, mask, lang},
         exportCase},
        {QStringLiteral("verify"),
         QStringLiteral("verify FILE.zip [--expect-key FINGERPRINT] [--tsa-ca FILE]   check a case file and "
                        "its signature; "
                        "exit 0 only if intact"),
         {expectKey, tsaCa},
         verify},
    };
}

} // namespace casebook::cli
