// confirm-transfer and edit-answer: what only a marketplace takes besides answers (Coupang's transferred
// call-center inquiries, a new text for a Naver customer inquiry's answer). Answers go through `reply`.
#include "accounts/account_store.h"
#include "cli/cli.h"
#include "cli/reply_check.h"
#include "cli/ticket_arg.h"
#include "connectors/connector_factory.h"
#include "connectors/coupang_connector.h"

#include <QFile>
#include <variant>

namespace casebook::cli {
namespace {

// The ticket NUMBER names (the command's one argument), or the exit code of the refusal.
std::variant<TicketSummary, int> ticketOf(Context& c, const QString& example)
{
    if (c.args.size() != 1 || !ticketNumberArg(c.args.value(0)))
        return fail(QStringLiteral("%1 takes a ticket number, e.g. %2 (see casebook-cli --help)")
                        .arg(example.section(QLatin1Char(' '), 0, 0), example),
                    kUsage);
    Database* db = c.db();
    if (!db)
        return fail(c.dbError());
    auto ticket = ticketArg(*db, c.args.value(0));
    if (!ticket)
        return fail(ticket.error());
    return *ticket;
}

int confirmTransfer(Context& c)
{
    auto arg = ticketOf(c, QStringLiteral("confirm-transfer 1042"));
    if (const int* code = std::get_if<int>(&arg))
        return *code;
    const TicketSummary& ticket = std::get<TicketSummary>(arg);
    const int number = ticket.number;
    Database* db = c.db();
    auto inquiry = confirmCoupangTransfer(*db, c.secrets(), ticket.id);
    if (!inquiry)
        return fail(inquiry.error());
    out() << "confirmed Coupang call-center inquiry " << *inquiry << " of #" << number << Qt::endl;
    return kOk;
}

// A new text for the answer Naver already holds for the ticket's customer inquiry (PUT …/answer/{id}),
// through the outbox like any answer.
int editAnswer(Context& c)
{
    auto arg = ticketOf(c, QStringLiteral("edit-answer 1042 --text-file answer.txt"));
    if (const int* code = std::get_if<int>(&arg))
        return *code;
    const TicketSummary& ticket = std::get<TicketSummary>(arg);
    Database* db = c.db();
    QFile f(c.value(QStringLiteral("text-file")));
    if (!c.isSet(QStringLiteral("text-file")) || !f.open(QIODevice::ReadOnly))
        return fail(
            QStringLiteral("edit-answer needs --text-file FILE it can read (%1)").arg(f.errorString()),
            kUsage);
    // The same checks as any answer (tone, board length, account); Connector::draftEdit refuses every
    // channel but a Naver customer inquiry.
    ReplyRequest request;
    request.ticketId = ticket.id;
    request.text = QString::fromUtf8(f.readAll());
    request.editAnswer = true;
    return answerThroughService(c, *db, request, QStringLiteral("edit"), [&](const ReplyOutcome& o) {
        return QStringLiteral("queued edit %1 of #%2's answer via %3")
            .arg(o.outboxId)
            .arg(ticket.number)
            .arg(o.check.route.account ? o.check.route.account->name : QString());
    });
}

} // namespace

QList<Command> marketplaceCommands()
{
    const QCommandLineOption textFile(QStringLiteral("text-file"),
                                      QStringLiteral("The answer's new text (UTF-8)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption send(QStringLiteral("send"), QStringLiteral("Send the outbox now."));
    return {
        {QStringLiteral("confirm-transfer"),
         QStringLiteral(
             "confirm-transfer NUMBER   confirm the Coupang call-center inquiry transferred to the "
             "seller (within 24 hours)"),
         {},
         confirmTransfer},
        {QStringLiteral("edit-answer"),
         QStringLiteral(
             "edit-answer NUMBER --text-file F [--send] [--override-tone REASON] [--dry-run [--json]]   "
             "a new text for a Naver customer inquiry's answer"),
         QList<QCommandLineOption>{textFile, send} + replyCheckOptions(), editAnswer},
    };
}

} // namespace casebook::cli
