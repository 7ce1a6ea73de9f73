// import, quarantine: bringing mail in, and what could not be read.
#include "cli/cli.h"
#include "inbox/mail_importer.h"
#include "inbox/own_addresses.h"
#include "inbox/rethreader.h"
#include "sources/eml_source.h"
#include "sources/maildir_source.h"
#include "sources/mbox_source.h"
#include "store/ticket_json.h"
#include "store/ticket_lookup.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <atomic>
#include <csignal>
#include <memory>

namespace casebook::cli {
namespace {

std::atomic_bool g_interrupted{false};

void onInterrupt(int)
{
    g_interrupted = true;
}

QTextStream& err()
{
    static QTextStream s(stderr);
    return s;
}

Result<std::unique_ptr<MailSource>> sourceFor(Context& c)
{
    const QString kind = c.args.value(0);
    const QStringList paths = c.args.mid(1);
    if (kind == QLatin1String("maildir") && paths.size() == 1) {
        auto source = std::make_unique<MaildirSource>(paths.first());
        if (auto opened = source->open(); !opened)
            return opened.error();
        return std::unique_ptr<MailSource>(std::move(source));
    }
    if (kind == QLatin1String("mbox") && paths.size() == 1) {
        auto source = std::make_unique<MboxSource>(paths.first(), c.isSet(QStringLiteral("mboxo"))
                                                                      ? MboxSource::Format::Mboxo
                                                                      : MboxSource::Format::Mboxrd);
        if (auto opened = source->open(); !opened)
            return opened.error();
        return std::unique_ptr<MailSource>(std::move(source));
    }
    if (kind == QLatin1String("eml") && !paths.isEmpty()) {
        auto source = std::make_unique<EmlSource>(paths);
        if (auto opened = source->open(); !opened)
            return opened.error();
        return std::unique_ptr<MailSource>(std::move(source));
    }
    return makeError(ErrorCode::InvalidInput,
                     QStringLiteral("usage: import maildir DIR | mbox FILE | eml FILE... [--json]"));
}

QString ownJson(const OwnAddressSet& own)
{
    QJsonArray a;
    for (const OwnAddress& e : own.entries())
        a.append(QJsonObject{{QStringLiteral("address"), e.address}, {QStringLiteral("found_in"), e.why}});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

// Written by hand to keep the documented key order (QJsonObject sorts its keys).
QString reportJson(const ImportReport& r, const OwnAddressSet& own)
{
    return QStringLiteral("{\"read\":%1,\"imported\":%2,\"duplicates\":%3,\"quarantined\":%4,"
                          "\"tickets_created\":%5,\"seconds\":%6,\"own_addresses\":%8,\"skipped\":%7}")
        .arg(r.read)
        .arg(r.imported)
        .arg(r.duplicates)
        .arg(r.quarantined)
        .arg(r.ticketsCreated)
        .arg(QString::number(r.seconds, 'f', 3))
        .arg(r.problems.size())
        .arg(ownJson(own));
}

// The seller's addresses for this import, read from a second, fresh source so the import proper starts at
// its beginning or resume point.
Result<OwnAddressSet> ownAddressesFor(Context& c, Database& db)
{
    auto fresh = sourceFor(c);
    if (!fresh)
        return fresh.error();
    const QString root = c.args.value(0) == QLatin1String("maildir") ? c.args.value(1) : QString();
    return own_addresses::forImport(db, c.parser.values(QStringLiteral("own")), **fresh, root);
}

int import(Context& c)
{
    if (c.args.value(0) == QLatin1String("csv"))
        return importCsvFile(c);
    auto source = sourceFor(c);
    if (!source) // a missing file is "not found" (3); any other mistake in the words is a usage error (2)
        return fail(source.error().message,
                    source.error().code == ErrorCode::NotFound ? kNotFound : kUsage);
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());

    auto own = ownAddressesFor(c, *db);
    if (!own) // a bad --own is a usage error (2); the store refusing the addresses found (a full disk) is not
        return fail(own.error());
    if (own->isEmpty())
        err() << "own addresses: none known or found; your replies will read as customers' mail (set them: "
                 "settings set own_addresses ADDRESS,...)"
              << Qt::endl;
    else
        err() << "own addresses: " << own->describe() << Qt::endl;
    IngestOptions ingest;
    ingest.ownAddresses = own->addresses();
    MailImporter importer(*db, ingest);
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    QElapsedTimer shown;
    shown.start();
    auto report = importer.run(**source, [&](const ImportProgress& p) {
        if (shown.elapsed() >= 1000) {
            shown.restart();
            err() << "read " << p.counts.read << ", imported " << p.counts.imported << ", duplicates "
                  << p.counts.duplicates << ", quarantined " << p.counts.quarantined << " ("
                  << qRound64(p.messagesPerSecond) << " msg/s)" << Qt::endl;
        }
        return !g_interrupted.load();
    });
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (!report)
        return fail(report.error());
    const ImportReport& r = report.value();
    for (const QString& p : r.problems)
        err() << "skipped " << p << Qt::endl;
    if (r.cancelled)
        err() << "interrupted: run the same import again to continue where it stopped" << Qt::endl;
    // Nothing new is never silent: the mail is stored already, and rethread is how new addresses apply to it.
    if (!r.cancelled && r.imported == 0 && r.quarantined == 0 && (r.resumed || r.duplicates > 0))
        err() << "nothing new: the messages of this mailbox are stored already"
              << (r.resumed ? " (this import continued where the last one ended)" : "")
              << ". If your own addresses changed, run `casebook-cli rethread` to sort the stored mail again."
              << Qt::endl;
    if (c.isSet(QStringLiteral("json"))) {
        out() << reportJson(r, *own) << Qt::endl;
    } else {
        out() << "read:            " << r.read << "\nimported:        " << r.imported
              << "\nduplicates:      " << r.duplicates << "\nquarantined:     " << r.quarantined
              << "\nskipped:         " << r.problems.size()
              << "\ntickets created: " << r.ticketsCreated << "\nseconds:         " << r.seconds << Qt::endl;
    }
    return r.cancelled ? kFailed : kOk;
}

int rethread(Context& c)
{
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    OwnAddressSet own;
    auto given = own_addresses::parseList(c.parser.values(QStringLiteral("own")).join(QLatin1Char(',')));
    if (!given)
        return fail(given.error().message, kUsage);
    for (const QString& a : given.value())
        own.add(a, QStringLiteral("--own"));
    own.add(own_addresses::known(*db));
    err() << "own addresses: " << (own.isEmpty() ? QStringLiteral("none") : own.describe()) << Qt::endl;
    IngestOptions options;
    options.ownAddresses = own.addresses();
    auto report = Rethreader(*db, options).run();
    if (!report)
        return fail(report.error());
    const RethreadReport& r = report.value();
    if (c.isSet(QStringLiteral("json"))) {
        out() << QStringLiteral("{\"messages\":%1,\"directions_changed\":%2,\"tickets_kept\":%3,"
                                "\"tickets_created\":%4,\"tickets_folded\":%5,\"own_identities_removed\":%6,"
                                "\"own_addresses\":%7}")
                     .arg(r.messages)
                     .arg(r.directionsChanged)
                     .arg(r.ticketsKept)
                     .arg(r.ticketsCreated)
                     .arg(r.ticketsFolded)
                     .arg(r.ownIdentitiesRemoved)
                     .arg(ownJson(own))
              << Qt::endl;
    } else {
        out() << "messages:          " << r.messages << "\ndirections changed: " << r.directionsChanged
              << "\ntickets kept:      " << r.ticketsKept << "\ntickets created:   " << r.ticketsCreated
              << "\ntickets folded:    " << r.ticketsFolded << "\nown addresses taken off customers: " << r.ownIdentitiesRemoved
              << Qt::endl;
    }
    return kOk;
}

int quarantine(Context& c)
{
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    const auto list = ticket_lookup::quarantined(db->reader());
    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray a;
        for (const auto& q : list)
            a.append(QJsonObject{{QStringLiteral("id"), q.id},
                                 {QStringLiteral("source"), q.source},
                                 {QStringLiteral("source_ref"), q.sourceRef},
                                 {QStringLiteral("reason"), q.reason},
                                 {QStringLiteral("size"), q.size},
                                 {QStringLiteral("sha256"), q.sha256},
                                 {QStringLiteral("quarantined_at"), ticket_json::isoDate(q.createdAt)}});
        printJson(QJsonDocument(a));
        return kOk;
    }
    for (const auto& q : list)
        out() << q.id << "\t" << q.size << "\t" << q.sha256 << "\t" << q.source << " " << q.sourceRef << "\t"
              << q.reason << "\n";
    out().flush();
    return kOk;
}

} // namespace

QList<Command> importCommands()
{
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption own(
        QStringLiteral("own"),
        QStringLiteral("An address of yours (repeatable; @domain for all of a domain): mail "
                       "from it is your reply."),
        QStringLiteral("ADDRESS"));
    const QCommandLineOption mboxo(QStringLiteral("mboxo"),
                                   QStringLiteral("Read the mbox as mboxo: leave >From lines as written."));
    return {
        {QStringLiteral("import"),
         QStringLiteral(
             "import maildir DIR | mbox FILE | eml FILE... [--json] [--own ADDRESS] [--mboxo]\n"
             "       import csv FILE [--preset NAME | --map COLUMN=FIELD,...] [--undated] [--json]\n"
             "                          bring mail in; an interrupted import continues where it stopped"),
         QList<QCommandLineOption>{json, own, mboxo} + csvImportOptions(), import},
        {QStringLiteral("rethread"),
         QStringLiteral("rethread [--own ADDRESS] [--json]\n"
                        "                          sort stored mail again after your own addresses changed: "
                        "directions,\n                          customers and tickets from the raw messages, "
                        "keeping your triage"),
         {json, own},
         rethread},
        {QStringLiteral("quarantine"),
         QStringLiteral("quarantine [--json]     messages kept raw because they could not be read"),
         {json},
         quarantine},
    };
}

} // namespace casebook::cli
