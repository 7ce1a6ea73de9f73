// How the CLI shows a reply's check (findings, length, verdict) and refuses what the window would stop.
#include "cli/reply_check.h"

#include "accounts/secret_store.h"
#include "cli/cli.h"
#include "cli/send_now.h"

#include <QJsonArray>
#include <QJsonObject>

namespace casebook::cli {
namespace {

QTextStream& err()
{
    static QTextStream s(stderr);
    return s;
}

bool mayQueue(const ReplyCheck& c, bool overriding)
{
    return !c.problem && (c.verdict == SendVerdict::Send || overriding);
}

QJsonObject checkJson(const ReplyCheck& c, bool overriding)
{
    QJsonArray findings;
    for (const ToneFinding& f : c.findings)
        findings.append(toJson(f));
    QJsonObject o{
        {QStringLiteral("ticket"), c.route.ticketNumber},
        {QStringLiteral("channel"), toString(c.route.channel)},
        {QStringLiteral("account"), c.route.account ? QJsonValue(c.route.account->name) : QJsonValue()},
        {QStringLiteral("text"), c.text},
        {QStringLiteral("verdict"), toString(c.verdict)},
        {QStringLiteral("findings"), findings},
        {QStringLiteral("problem"),
         c.problem ? QJsonValue(c.problem.message(toString(c.route.channel))) : QJsonValue()},
        {QStringLiteral("would_queue"), mayQueue(c, overriding)}};
    if (!c.route.account)
        o.insert(QStringLiteral("account_problem"), c.route.noAccount.message);
    if (c.board) {
        o.insert(QStringLiteral("length"), c.length);
        o.insert(QStringLiteral("min_length"), c.board->minLength);
        o.insert(QStringLiteral("max_length"), c.board->maxLength);
        o.insert(QStringLiteral("length_unit"), c.board->unit == LengthUnit::CodePoints
                                                    ? QStringLiteral("code_points")
                                                    : QStringLiteral("utf16_units"));
    }
    return o;
}

// One finding per entry: category, span (code points, end exclusive), the passage, why, and what instead.
void printFindings(QTextStream& s, const QList<ToneFinding>& findings)
{
    for (const ToneFinding& f : findings) {
        s << "  " << f.category << " [" << f.start << "-" << f.end << "] \"" << f.text << "\": " << f.reason;
        if (!f.suggestion.isEmpty())
            s << " Instead: " << f.suggestion;
        s << Qt::endl;
    }
}

void printCheck(const ReplyCheck& c, bool overriding)
{
    out() << "ticket #" << c.route.ticketNumber << " on " << toString(c.route.channel) << ", ";
    if (c.route.account)
        out() << "answered by account " << c.route.account->name << Qt::endl;
    else
        out() << "no account to send it yet: " << c.route.noAccount.message << Qt::endl;
    if (c.board)
        out() << "length " << c.length << " of " << c.board->minLength << "-" << c.board->maxLength
              << (c.board->unit == LengthUnit::CodePoints ? " characters" : " UTF-16 units") << Qt::endl;
    if (c.problem)
        out() << "problem: " << c.problem.message(toString(c.route.channel)) << Qt::endl;
    out() << "verdict: " << toString(c.verdict) << Qt::endl;
    if (!c.findings.isEmpty()) {
        out() << "findings:" << Qt::endl;
        printFindings(out(), c.findings);
    }
    out() << (mayQueue(c, overriding) ? "would queue" : "would not queue") << Qt::endl;
    out() << "--- text ---" << Qt::endl << c.text << Qt::endl;
}

} // namespace

QList<QCommandLineOption> replyCheckOptions()
{
    return {QCommandLineOption(QStringLiteral("override-tone"),
                               QStringLiteral("Send despite the tone findings; the reason is kept in the "
                                              "ticket's history."),
                               QStringLiteral("REASON")),
            QCommandLineOption(QStringLiteral("dry-run"),
                               QStringLiteral("Print the check (findings, length, verdict); queue nothing.")),
            QCommandLineOption(QStringLiteral("json"), QStringLiteral("With --dry-run: print JSON."))};
}

int answerThroughService(Context& c, Database& db, const ReplyRequest& given, const QString& what,
                         const std::function<QString(const ReplyOutcome&)>& queuedLine)
{
    ReplyRequest request = given;
    request.toneOverride = c.value(QStringLiteral("override-tone"));
    const bool overriding = !request.toneOverride.trimmed().isEmpty();
    if (c.isSet(QStringLiteral("override-tone")) && !overriding)
        return fail(
            QStringLiteral("--override-tone needs the reason to send anyway (see casebook-cli --help)"),
            kUsage);
    ReplyService service(db, ReplyService::connectorsFrom(db, c.secrets()));
    if (c.isSet(QStringLiteral("dry-run"))) {
        auto checked = service.check(request);
        if (!checked)
            return fail(checked.error());
        if (c.isSet(QStringLiteral("json")))
            printJson(QJsonDocument(checkJson(*checked, overriding)));
        else
            printCheck(*checked, overriding);
        return mayQueue(*checked, overriding) ? kOk : kFailed;
    }
    auto outcome = service.queue(request);
    if (!outcome)
        return fail(outcome.error());
    const ReplyCheck& check = outcome->check;
    if (check.problem) {
        QString message = check.problem.message(toString(check.route.channel));
        if (check.problem.kind == ReplyProblem::Kind::Unfilled && !request.templateId.isEmpty())
            message += QStringLiteral(" Give them with --set key=value.");
        return fail(QStringLiteral("%1 not queued: %2").arg(what, message),
                    check.problem.kind == ReplyProblem::Kind::Unfilled ? kUsage : kFailed);
    }
    if (!outcome->queued()) {
        err() << "casebook-cli: " << what << " not queued: "
              << (check.verdict == SendVerdict::Blocked
                      ? QStringLiteral("%1 forbids what it says (the window blocks it too):")
                            .arg(toString(check.route.channel))
                      : QStringLiteral("the wording needs the seller's confirmation (the window asks too):"))
              << Qt::endl;
        printFindings(err(), check.findings);
        err() << "Reword it, or send it anyway with --override-tone \"REASON\"." << Qt::endl;
        return kFailed;
    }
    if (outcome->waiting)
        err() << "casebook-cli: kept in the outbox, not sent yet: " << outcome->waiting->message << Qt::endl;
    if (outcome->overridden)
        err() << "casebook-cli: sent despite " << check.findings.size()
              << " tone finding(s); the reason is kept in the ticket's history" << Qt::endl;
    return sendIfAsked(c, db, outcome->outboxId, what, queuedLine(*outcome));
}

} // namespace casebook::cli
