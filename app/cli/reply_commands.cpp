// sync, reply and outbox: bring an account's messages in, answer a ticket on its channel, and send what
// waits in the outbox. Work for every account kind through the connectors.
#include "accounts/account_store.h"
#include "cli/cli.h"
#include "cli/reply_check.h"
#include "cli/send_now.h"
#include "cli/ticket_arg.h"
#include "compose/outbox.h"
#include "connectors/connection_health.h"
#include "connectors/connector_factory.h"
#include "connectors/outbox_sender.h"
#include "store/ticket_queries.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMimeDatabase>

namespace casebook::cli {
namespace {

int usage(const QString& message)
{
    return fail(message + QStringLiteral(" (see casebook-cli --help)"), kUsage);
}

QTextStream& err()
{
    static QTextStream s(stderr);
    return s;
}

int sync(Context& c)
{
    if (c.args.size() != 1)
        return usage(QStringLiteral("sync takes an account name"));
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    auto account = AccountStore(*db).byName(c.args.first());
    if (!account)
        return fail(account.error());
    // Said before the sync, which an expired key fails.
    if (const auto key = keyExpiryOf(*account, db->clock().now()))
        if (const QString warning = keyExpiryWarning(*account, *key); !warning.isEmpty())
            err() << "casebook-cli: " << warning << Qt::endl;
    auto connector = connectorFor(*account, *db, c.secrets());
    if (!connector)
        return fail(connector.error());
    SyncControl control;
    int lastShown = 0;
    control.progress = [&](int fetched, const QString&) {
        if (fetched - lastShown >= 100) {
            lastShown = fetched;
            err() << "fetched " << fetched << Qt::endl;
        }
    };
    auto report = (*connector)->sync(control);
    if (!report)
        return fail(report.error());
    for (const QString& w : report->warnings)
        err() << "casebook-cli: " << w << Qt::endl;
    if (c.isSet(QStringLiteral("json")))
        // Written by hand to keep the documented key order.
        out() << QStringLiteral("{\"fetched\":%1,\"imported\":%2,\"duplicates\":%3,\"quarantined\":%4}")
                     .arg(report->fetched)
                     .arg(report->imported)
                     .arg(report->duplicates)
                     .arg(report->quarantined)
              << Qt::endl;
    else
        out() << account->name << ": fetched " << report->fetched << ", imported " << report->imported
              << ", duplicates " << report->duplicates << ", quarantined " << report->quarantined << Qt::endl;
    return kOk;
}

// What `reply` asks the reply service for: the text of --text-file, or --template ID with --set values.
Result<ReplyRequest> replyRequest(Context& c, qint64 ticketId)
{
    if (c.isSet(QStringLiteral("text-file")) == c.isSet(QStringLiteral("template")))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("reply takes either --text-file FILE or --template ID"));
    ReplyRequest request;
    request.ticketId = ticketId;
    if (c.isSet(QStringLiteral("text-file"))) {
        QFile f(c.value(QStringLiteral("text-file")));
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io,
                             QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString()));
        request.text = QString::fromUtf8(f.readAll());
        return request;
    }
    request.templateId = c.value(QStringLiteral("template"));
    for (const QString& pair : c.parser.values(QStringLiteral("set"))) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("--set takes key=value, not '%1'").arg(pair));
        request.values.insert(pair.left(eq).trimmed(), pair.mid(eq + 1));
    }
    return request;
}

// The files of --attach, read now: the outbox keeps the composed message, so a file changed or removed
// after queueing does not change what is sent.
Result<QList<ReplyAttachment>> attachmentsOf(Context& c)
{
    QList<ReplyAttachment> out;
    const QMimeDatabase types;
    for (const QString& path : c.parser.values(QStringLiteral("attach"))) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(QStringLiteral("cannot attach %1: %2").arg(path, f.errorString()));
        ReplyAttachment a;
        a.fileName = QFileInfo(path).fileName();
        a.data = f.readAll();
        a.mediaType = types.mimeTypeForFileNameAndData(path, a.data).name();
        out << a;
    }
    return out;
}

void printFlush(const Outbox::FlushReport& r)
{
    out() << "sent " << r.sent << ", retrying " << r.retrying << ", failed " << r.failed << Qt::endl;
    for (const QString& e : r.errors)
        err() << "casebook-cli: " << e << Qt::endl;
}

Result<Outbox::FlushReport> flushAll(Database& db, SecretStore& secrets)
{
    // A `sending` item left by a killed run may have reached the server: it is never sent again blindly. A
    // marketplace is asked whether it holds the answer; what no one can tell waits for the seller.
    OutboxSender sender(db, secrets);
    auto settled = sender.settleInterrupted();
    if (!settled)
        return settled.error();
    if (settled->foundSent + settled->requeued > 0)
        err() << "casebook-cli: of the replies a stopped run was sending, " << settled->foundSent
              << " reached the marketplace (now recorded as sent) and " << settled->requeued
              << " did not (sent now)" << Qt::endl;
    if (settled->unknown > 0)
        err() << "casebook-cli: " << settled->unknown
              << " repl(ies) were interrupted while sending: check the Sent folder, then `outbox resolve ID "
                 "sent|unsent`"
              << Qt::endl;
    return sender.flush();
}

int reply(Context& c)
{
    const auto numberArg = ticketNumberArg(c.args.value(0));
    if (c.args.size() != 1 || !numberArg)
        return usage(QStringLiteral("reply takes a ticket number, e.g. reply 1042 --text-file answer.txt"));
    const int number = *numberArg;
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    const auto ticket = ticketArg(*db, c.args.value(0));
    if (!ticket)
        return fail(ticket.error());
    auto request = replyRequest(c, ticket->id);
    if (!request)
        return usage(request.error().message);
    auto attachments = attachmentsOf(c);
    if (!attachments)
        return fail(attachments.error());
    request->attachments = *attachments;
    // The tone check, the board's length and the account are the reply service's, as in the window.
    return answerThroughService(c, *db, *request, QStringLiteral("reply"), [&](const ReplyOutcome& o) {
        return QStringLiteral("queued reply %1 to #%2 via %3: %4")
            .arg(o.outboxId)
            .arg(number)
            .arg(o.check.route.account ? o.check.route.account->name : QStringLiteral("(no account yet)"),
                 o.subject);
    });
}

QString stateLine(const OutboxItem& it)
{
    switch (it.state) {
    case OutboxState::Unknown:
        return QStringLiteral("unknown: check the Sent folder");
    case OutboxState::Queued:
        return it.attempts > 0
                   ? QStringLiteral("queued, retry at %1").arg(it.nextAttemptAt.toString(Qt::ISODate))
                   : QStringLiteral("queued");
    default:
        return toString(it.state);
    }
}

int outboxCommand(Context& c)
{
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    Outbox outbox(*db);
    const QString sub = c.args.value(0);
    if (sub == QLatin1String("flush")) {
        auto flushed = flushAll(*db, c.secrets());
        if (!flushed)
            return fail(flushed.error());
        printFlush(*flushed);
        return flushed->retrying + flushed->failed == 0 ? kOk : kFailed;
    }
    if (sub == QLatin1String("resolve") || sub == QLatin1String("retry") || sub == QLatin1String("discard")) {
        bool ok = false;
        const qint64 id = c.args.value(1).toLongLong(&ok);
        if (!ok || (sub == QLatin1String("resolve") && c.args.value(2) != QLatin1String("sent") &&
                    c.args.value(2) != QLatin1String("unsent")))
            return usage(QStringLiteral("outbox resolve ID sent|unsent, outbox retry ID, outbox discard ID"));
        const Result<void> done = sub == QLatin1String("resolve")
                                      ? outbox.resolveUnknown(id, c.args.value(2) == QLatin1String("sent"))
                                  : sub == QLatin1String("retry") ? outbox.retryNow(id)
                                                                  : outbox.discard(id);
        if (!done)
            return fail(done.error());
        out() << "outbox " << id << ": done" << Qt::endl;
        return kOk;
    }
    if (!sub.isEmpty())
        return usage(QStringLiteral("outbox takes flush, resolve, retry or discard"));
    auto items = outbox.list();
    if (!items)
        return fail(items.error());
    QList<qint64> ids;
    for (const OutboxItem& it : *items)
        ids << it.ticketId;
    QHash<qint64, int> numbers;
    for (const TicketSummary& t : ticket_queries::ticketsByIds(db->reader(), ids))
        numbers.insert(t.id, t.number);
    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray arr;
        for (const OutboxItem& it : *items)
            arr.append(QJsonObject{{QStringLiteral("id"), it.id},
                                   {QStringLiteral("ticket"), numbers.value(it.ticketId)},
                                   {QStringLiteral("channel"), toString(it.channel)},
                                   {QStringLiteral("state"), toString(it.state)},
                                   {QStringLiteral("status"), stateLine(it)},
                                   {QStringLiteral("attempts"), it.attempts},
                                   {QStringLiteral("subject"), it.subject},
                                   // recipients of a mail (empty for a marketplace answer)
                                   {QStringLiteral("to"), it.target.value(QStringLiteral("to"))},
                                   {QStringLiteral("last_error"), it.lastError},
                                   {QStringLiteral("external_id"), it.externalId}});
        printJson(QJsonDocument(arr));
        return kOk;
    }
    for (const OutboxItem& it : *items) {
        out() << it.id << "\t#" << numbers.value(it.ticketId) << "\t" << stateLine(it) << "\t" << it.subject;
        if (!it.lastError.isEmpty() && it.state != OutboxState::Sent)
            out() << "\t(" << it.lastError << ")";
        out() << Qt::endl;
    }
    if (items->isEmpty())
        out() << "the outbox is empty" << Qt::endl;
    return kOk;
}

} // namespace

int sendIfAsked(Context& c, Database& db, qint64 id, const QString& what, const QString& queuedLine)
{
    out() << queuedLine << Qt::endl;
    if (!c.isSet(QStringLiteral("send")))
        return kOk;
    auto flushed = flushAll(db, c.secrets());
    if (!flushed)
        return fail(flushed.error());
    printFlush(*flushed);
    auto item = Outbox(db).item(id);
    if (!item)
        return fail(item.error());
    if (item->state == OutboxState::Sent)
        return kOk;
    return fail(QStringLiteral("%1 %2 was not sent (%3): %4")
                    .arg(what)
                    .arg(id)
                    .arg(toString(item->state), item->lastError));
}

QList<Command> replyCommands()
{
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption textFile(QStringLiteral("text-file"),
                                      QStringLiteral("The reply's text (UTF-8)."), QStringLiteral("FILE"));
    const QCommandLineOption templ(QStringLiteral("template"), QStringLiteral("A reply template to render."),
                                   QStringLiteral("ID"));
    const QCommandLineOption set(QStringLiteral("set"),
                                 QStringLiteral("A placeholder value; may be repeated."),
                                 QStringLiteral("KEY=VALUE"));
    const QCommandLineOption send(QStringLiteral("send"), QStringLiteral("Send the outbox now."));
    const QCommandLineOption attach(QStringLiteral("attach"),
                                    QStringLiteral("A file to attach (email only); may be repeated."),
                                    QStringLiteral("FILE"));
    return {
        {QStringLiteral("sync"),
         QStringLiteral("sync NAME [--json]   bring an account's new messages in"),
         {json},
         sync},
        {QStringLiteral("reply"),
         QStringLiteral(
             "reply NUMBER (--text-file F | --template ID [--set k=v]...) [--attach FILE]... [--send] "
             "[--override-tone REASON] [--dry-run [--json]]   answer a ticket (tone-checked as in the "
             "window)"),
         QList<QCommandLineOption>{textFile, templ, set, send, attach} + replyCheckOptions(), reply},
        {QStringLiteral("outbox"),
         QStringLiteral(
             "outbox [--json] | flush | resolve ID sent|unsent | retry ID | discard ID   replies waiting"),
         {json},
         outboxCommand},
    };
}

} // namespace casebook::cli
