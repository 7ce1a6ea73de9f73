// import, quarantine: bringing mail in, and what could not be read.
#include "cli/cli.h"
#include "inbox/mail_importer.h"
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

// Written by hand to keep the documented key order (QJsonObject sorts its keys).
QString reportJson(const ImportReport& r)
{
    return QStringLiteral("{\"read\":%1,\"imported\":%2,\"duplicates\":%3,\"quarantined\":%4,"
                          "\"tickets_created\":%5,\"seconds\":%6}")
        .arg(r.read)
        .arg(r.imported)
        .arg(r.duplicates)
        .arg(r.quarantined)
        .arg(r.ticketsCreated)
        .arg(QString::number(r.seconds, 'f', 3));
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
    if (kind == QLatin1String("eml") && !paths.isEmpty())
        return std::unique_ptr<MailSource>(std::make_unique<EmlSource>(paths));
    return makeError(QStringLiteral("usage: import maildir DIR | mbox FILE | eml FILE... [--json]"));
}

int import(Context& c)
{
    if (c.args.value(0) == QLatin1String("csv"))
        return importCsvFile(c);
    auto source = sourceFor(c);
    if (!source)
        return fail(source.error().message, kUsage);
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());

    IngestOptions ingest;
    ingest.ownAddresses = c.parser.values(QStringLiteral("own"));
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
    if (c.isSet(QStringLiteral("json"))) {
        out() << reportJson(r) << Qt::endl;
    } else {
        out() << "read:            " << r.read << "\nimported:        " << r.imported
              << "\nduplicates:      " << r.duplicates << "\nquarantined:     " << r.quarantined
              << "\ntickets created: " << r.ticketsCreated << "\nseconds:         " << r.seconds << Qt::endl;
    }
    return r.cancelled ? kFailed : kOk;
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
             "       import csv FILE (--preset NAME | --map COLUMN=FIELD,...) [--json]\n"
             "                          bring mail in; an interrupted import continues where it stopped"),
         QList<QCommandLineOption>{json, own, mboxo} + csvImportOptions(), import},
        {QStringLiteral("quarantine"),
         QStringLiteral("quarantine [--json]     messages kept raw because they could not be read"),
         {json},
         quarantine},
    };
}

} // namespace casebook::cli
