// report, claims: a period's figures and its claims list.
#include "casefile/case_file_labels.h"
#include "cli/cli.h"
#include "model/display_time.h"
#include "report/claims_export.h"
#include "report/csv_table.h"
#include "report/report_output.h"
#include "store/app_settings.h"

namespace casebook::cli {
namespace {

// The period the options name, in the shop's time zone (the answer clocks' business hours), checked before
// anything is read.
Result<report::Period> periodOf(Context& c, Database& db)
{
    auto grain = report::grainFromString(c.isSet(QStringLiteral("by")) ? c.value(QStringLiteral("by"))
                                                                       : QStringLiteral("week"));
    if (!grain)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("--by takes day, week or month"));
    return report::Period::fromText(c.value(QStringLiteral("from")), c.value(QStringLiteral("to")), *grain,
                                    db.clock().now(), AppSettings::dueClocks(db.reader()).hours().zone);
}

struct PeriodOnStore {
    Database* db = nullptr;
    report::Period period;
    int exit = kOk; // not kOk: what failed was said on stderr
};

PeriodOnStore openPeriod(Context& c)
{
    PeriodOnStore p;
    p.db = c.db();
    if (!p.db) {
        p.exit = fail(c.dbError());
        return p;
    }
    auto period = periodOf(c, *p.db);
    if (!period)
        p.exit = fail(period.error());
    else
        p.period = period.value();
    return p;
}

QString duration(qint64 secs)
{
    return secs < 0 ? QStringLiteral("—") : durationText(secs);
}

QString percent(int part, int whole)
{
    return whole == 0 ? QStringLiteral("—") : QStringLiteral("%1%").arg(qRound(100.0 * part / whole));
}

QString padded(const QString& s, int width)
{
    return s.leftJustified(width);
}

void printText(const report::Figures& fig)
{
    QTextStream& o = out();
    o << "Report " << fig.period.from.toString(Qt::ISODate) << " to " << fig.period.to.toString(Qt::ISODate)
      << ", by " << report::toString(fig.period.grain) << " (" << fig.period.zone.id() << ")\n\n";
    o << "Inquiries received: " << fig.received << "\n";
    QString header = padded(QStringLiteral("from"), 12);
    for (Channel ch : fig.channels)
        header += padded(toString(ch), 9);
    o << header << "total\n";
    for (qsizetype b = 0; b < fig.buckets.size(); ++b) {
        QString line = padded(fig.buckets[b].toString(Qt::ISODate), 12);
        int total = 0;
        for (Channel ch : fig.channels) {
            line += padded(QString::number(fig.receivedByChannel[b].value(ch)), 9);
            total += fig.receivedByChannel[b].value(ch);
        }
        o << line << total << "\n";
    }
    QMap<Category, int> categories;
    for (const auto& bucket : fig.receivedByCategory)
        for (auto it = bucket.begin(); it != bucket.end(); ++it)
            categories[it.key()] += it.value();
    QStringList parts;
    for (auto it = categories.begin(); it != categories.end(); ++it)
        parts << QStringLiteral("%1 %2").arg(toString(it.key())).arg(it.value());
    o << "By category: " << (parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral(", ")))
      << "\n\n";

    o << "First response    median    p90       in time (answered or overdue)   deadline\n";
    for (const report::ChannelResponse& r : fig.responses)
        o << padded(toString(r.channel), 18) << padded(duration(r.firstResponse.medianSecs), 10)
          << padded(duration(r.firstResponse.p90Secs), 10)
          << padded(QStringLiteral("%1 of %2 (%3)")
                        .arg(r.inTime)
                        .arg(r.decided)
                        .arg(percent(r.inTime, r.decided)),
                    32)
          << durationText(r.clockSecs) << "\n";
    o << padded(QStringLiteral("all"), 18) << padded(duration(fig.firstResponse.medianSecs), 10)
      << duration(fig.firstResponse.p90Secs) << "\n";
    o << "Resolution: median " << duration(fig.resolution.medianSecs) << ", p90 "
      << duration(fig.resolution.p90Secs) << " (" << fig.resolution.count << " resolved)\n\n";

    parts.clear();
    for (const report::BacklogBucket& b : fig.backlog)
        parts << (b.toSecs < 0 ? QStringLiteral("%1d+ %2").arg(b.fromSecs / 86400)
                               : QStringLiteral("%1-%2d %3").arg(b.fromSecs / 86400).arg(b.toSecs / 86400))
                     .arg(b.ticketIds.size());
    o << "Open now, by age: " << parts.join(QStringLiteral(", ")) << "\n";
    // A product as the order cache names it (its orders after it), else the order number.
    o << "Most claimed products and orders:";
    if (fig.topClaims.isEmpty())
        o << " —";
    for (const report::ClaimedItem& c : fig.topClaims)
        o << "\n  " << padded(printable(c.name()), 32) << padded(QString::number(c.claims()), 5)
          << (c.product.isEmpty()
                  ? QStringLiteral("(order)")
                  : QStringLiteral("(orders %1)").arg(printable(c.orderNumbers.join(QStringLiteral(", ")))));
    o << "\nAbusive customers (claims / inquiries):";
    if (fig.abusive.isEmpty())
        o << " —";
    for (const report::AbusiveCustomer& a : fig.abusive)
        o << "\n  " << padded(printable(a.name), 32) << a.claims << " / " << a.inquiries;
    o << Qt::endl;
}

int reportCommand(Context& c)
{
    if (!c.args.isEmpty() || (c.isSet(QStringLiteral("json")) && c.isSet(QStringLiteral("csv"))))
        return fail(
            QStringLiteral("usage: report [--from DATE] [--to DATE] [--by week|day|month] [--json|--csv]"),
            kUsage);
    const PeriodOnStore p = openPeriod(c);
    if (p.exit != kOk)
        return p.exit;
    Database* db = p.db;
    const report::Period* period = &p.period;
    const report::Figures fig = report::computeFigures(db->reader(), *period, db->clock().now());
    if (c.isSet(QStringLiteral("json"))) {
        printJson(QJsonDocument(report::toJson(fig)));
    } else if (c.isSet(QStringLiteral("csv"))) {
        // On stdout for a script: no byte-order mark.
        out() << QString::fromUtf8(report::csvTable(report::toCsvRows(fig), false));
        out().flush();
    } else {
        printText(fig);
    }
    return kOk;
}

int claimsCommand(Context& c)
{
    const bool csv = c.isSet(QStringLiteral("csv"));
    const bool pdf = c.isSet(QStringLiteral("pdf"));
    if (c.args.size() != 1 || csv == pdf)
        return fail(
            QStringLiteral("usage: claims [--from DATE] [--to DATE] (--csv FILE | --pdf FILE) [--force] "
                           "[--lang ko|en]"),
            kUsage);
    const QString language = c.isSet(QStringLiteral("lang")) ? c.value(QStringLiteral("lang"))
                                                             : case_file_labels::defaultLanguage();
    if (!case_file_labels::supported(language))
        return fail(QStringLiteral("--lang takes ko or en"), kUsage);
    const PeriodOnStore p = openPeriod(c);
    if (p.exit != kOk)
        return p.exit;
    Database* db = p.db;
    const report::Period* period = &p.period;
    auto written =
        report::exportClaims(*db, *period, csv ? report::ClaimsFormat::Csv : report::ClaimsFormat::Pdf,
                             c.args.first(), language, c.isSet(QStringLiteral("force")));
    if (!written)
        return fail(written.error());
    out() << written->path << " (" << written->claims << " claims, " << period->from.toString(Qt::ISODate)
          << " to " << period->to.toString(Qt::ISODate) << ")" << Qt::endl;
    return kOk;
}

} // namespace

QList<Command> reportCommands()
{
    const QCommandLineOption from(
        QStringLiteral("from"),
        QStringLiteral("report, claims: the first day (YYYY-MM-DD; default: four weeks "
                       "back, from a Monday)."),
        QStringLiteral("DATE"));
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("report, claims: the last day, included (default: today)."),
                                QStringLiteral("DATE"));
    const QCommandLineOption by(QStringLiteral("by"), QStringLiteral("report: bars of a day, week or month."),
                                QStringLiteral("week|day|month"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    // Flags, so that `report --csv` prints and `claims --csv FILE` names its file as the one argument.
    const QCommandLineOption csv(QStringLiteral("csv"),
                                 QStringLiteral("report: print CSV; claims: write the list as CSV to FILE."));
    const QCommandLineOption pdf(QStringLiteral("pdf"),
                                 QStringLiteral("claims: write the list as a PDF to FILE."));
    const QCommandLineOption force(
        QStringLiteral("force"),
        QStringLiteral("export, claims: replace a file already there (never a special "
                       "file, never in the database's folder)."));
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QStringLiteral("export, claims: the language, ko or en (default: the system's, "
                       "else en)."),
        QStringLiteral("ko|en"));
    return {
        {QStringLiteral("report"),
         QStringLiteral("report [--from DATE] [--to DATE] [--by week|day|month] [--json|--csv]   inquiries, "
                        "answer times, backlog and claims of a period"),
         {from, to, by, json, csv},
         reportCommand},
        {QStringLiteral("claims"),
         QStringLiteral(
             "claims [--from DATE] [--to DATE] (--csv FILE | --pdf FILE) [--force] [--lang ko|en]   "
             "the period's claims for a marketplace or the police"),
         {from, to, csv, pdf, force, lang},
         claimsCommand},
    };
}

} // namespace casebook::cli
