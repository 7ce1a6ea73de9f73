// confirm-transfer, edit-answer and order: what only a marketplace takes or tells besides answers
// (Coupang's transferred call-center inquiries, a new text for a Naver customer inquiry's answer, the order
// beside a ticket). Answers go through `reply`.
#include "accounts/account_store.h"
#include "cli/cli.h"
#include "cli/reply_check.h"
#include "cli/ticket_arg.h"
#include "connectors/connector_factory.h"
#include "connectors/coupang_connector.h"
#include "connectors/order_lookup.h"
#include "model/display_time.h"

#include <QJsonDocument>
#include <QLocale>

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

void printOrder(const Order& o)
{
    const QLocale numbers(QLocale::English); // 14,000: digits grouped as both languages write money
    out() << "Order " << printable(o.orderId) << " (" << toString(o.channel) << ")";
    if (!o.status.isEmpty())
        out() << "  " << printable(o.status);
    out() << "\n";
    for (const OrderItem& i : o.items) {
        out() << "  " << printable(i.product);
        if (!i.option.isEmpty())
            out() << " / " << printable(i.option);
        out() << "  x" << i.quantity << "  " << numbers.toString(i.amount) << "\n";
    }
    out() << "Amount: " << numbers.toString(o.amount()) << "\n";
    const auto line = [](const char* label, const QString& value) {
        if (!value.isEmpty())
            out() << label << value << "\n";
    };
    line("Ordered: ", displayTime(o.orderedAt));
    line("Shipped: ", displayTime(o.shippedAt));
    line("Delivered: ", displayTime(o.deliveredAt));
    line("Carrier: ", printable(o.carrier));
    line("Tracking number: ", printable(o.trackingNumber));
    for (const OrderClaim& c : o.claims) {
        out() << (c.kind == OrderClaim::Kind::Exchange ? "Exchange " : "Return ") << printable(c.id) << ": "
              << printable(c.state);
        if (!c.stateText.isEmpty())
            out() << " (" << printable(c.stateText) << ")";
        if (c.requestedAt.isValid())
            out() << ", " << displayTime(c.requestedAt);
        if (!c.reason.isEmpty())
            out() << " - " << printable(c.reason);
        out() << "\n";
    }
    out() << "Fetched: " << displayTime(o.fetchedAt) << Qt::endl;
}

// The order beside a ticket, asked of its market now and kept; with --cached, only what was kept.
int orderCommand(Context& c)
{
    auto arg = ticketOf(c, QStringLiteral("order 1042"));
    if (const int* code = std::get_if<int>(&arg))
        return *code;
    const TicketSummary& ticket = std::get<TicketSummary>(arg);
    Database* db = c.db();
    std::optional<Order> order;
    if (c.isSet(QStringLiteral("cached"))) {
        order = OrderLookup::cachedForTicket(db->reader(), ticket.number);
        if (!order)
            return fail(QStringLiteral("no order of #%1 was fetched yet (casebook-cli order %1)").arg(ticket.number),
                        kNotFound);
    } else {
        OrderLookup lookup(*db, OrderLookup::connectorsFrom(*db, c.secrets()));
        auto fetched = lookup.fetch(ticket.number);
        if (!fetched)
            return fail(fetched.error());
        order = std::move(fetched.value());
    }
    if (c.isSet(QStringLiteral("json")))
        printJson(QJsonDocument(toJson(*order)));
    else
        printOrder(*order);
    return kOk;
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
        {QStringLiteral("order"),
         QStringLiteral("order NUMBER [--cached] [--json]   the order beside a Coupang or Naver ticket: product, "
                        "shipping, returns"),
         {QCommandLineOption(QStringLiteral("cached"),
                             QStringLiteral("Show the order as last fetched; do not ask the market.")),
          QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print JSON."))},
         orderCommand},
    };
}

} // namespace casebook::cli
