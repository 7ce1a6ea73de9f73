#include "compose/reply_service.h"

#include "accounts/secret_store.h"
#include "compose/outbox.h"
#include "compose/template_store.h"
#include "compose/ticket_placeholders.h"
#include "connectors/connector_factory.h"

#include <QJsonArray>

namespace casebook {

QString toString(SendVerdict v)
{
    switch (v) {
    case SendVerdict::Send:
        return QStringLiteral("send");
    case SendVerdict::Confirm:
        return QStringLiteral("confirm");
    case SendVerdict::Blocked:
        return QStringLiteral("blocked");
    }
    return {};
}

namespace {

// The history entry of a reply sent despite its findings: who would look later sees what was flagged and
// why the seller sent it anyway.
Outbox::HistoryEntry overrideEntry(const ReplyCheck& c, const QString& reason)
{
    QJsonArray findings;
    for (const ToneFinding& f : c.findings)
        findings.append(QJsonObject{{QStringLiteral("category"), f.category},
                                    {QStringLiteral("start"), f.start},
                                    {QStringLiteral("end"), f.end},
                                    {QStringLiteral("text"), f.text}});
    return {QStringLiteral("tone_override"), QJsonObject{{QStringLiteral("reason"), reason.trimmed()},
                                                         {QStringLiteral("verdict"), toString(c.verdict)},
                                                         {QStringLiteral("findings"), findings}}};
}

std::shared_ptr<const ToneChecker> builtinChecker()
{
    // Loaded once per process: the window and every service share it.
    static const std::shared_ptr<const ToneChecker> checker = [] {
        auto loaded = ToneChecker::builtin();
        return loaded ? std::make_shared<const ToneChecker>(std::move(loaded.value()))
                      : std::shared_ptr<const ToneChecker>();
    }();
    return checker;
}

} // namespace

QString ReplyProblem::message(const QString& channelName) const
{
    switch (kind) {
    case Kind::None:
        break;
    case Kind::Empty:
        return QStringLiteral("The reply is empty.");
    case Kind::Unfilled: {
        QStringList names;
        for (const QString& n : unfilled)
            names << QStringLiteral("{{%1}}").arg(n);
        return QStringLiteral("Fill in %1 before sending.").arg(names.join(QStringLiteral(", ")));
    }
    case Kind::TooLong:
        return QStringLiteral("%1 takes at most %2 characters; this reply has %3.")
            .arg(channelName)
            .arg(limit)
            .arg(length);
    case Kind::TooShort:
        return QStringLiteral("%1 needs at least %2 characters.").arg(channelName).arg(limit);
    }
    return {};
}

ReplyService::ReplyService(Database& db, ConnectorFinder findConnector)
    : m_db(&db), m_findConnector(std::move(findConnector)), m_checker(builtinChecker())
{
}

ReplyService::ConnectorFinder ReplyService::connectorsFrom(Database& db, SecretStore& secrets)
{
    return [&db, &secrets](const ReplyRoute& route) -> Result<std::unique_ptr<Connector>> {
        auto account = route.answeringAccount();
        if (!account)
            return account.error();
        return connectorFor(account.value(), db, secrets);
    };
}

ReplyProblem ReplyService::problemOf(const QString& text, Channel channel)
{
    ReplyProblem p;
    if (text.trimmed().isEmpty()) {
        p.kind = ReplyProblem::Kind::Empty;
        return p;
    }
    p.unfilled = TemplateRenderer::placeholders(text);
    if (!p.unfilled.isEmpty()) {
        p.kind = ReplyProblem::Kind::Unfilled;
        return p;
    }
    if (const auto board = answerBoardOf(channel)) {
        p.length = board->lengthOf(text);
        if (p.length > board->maxLength) {
            p.kind = ReplyProblem::Kind::TooLong;
            p.limit = board->maxLength;
        } else if (p.length < board->minLength) {
            p.kind = ReplyProblem::Kind::TooShort;
            p.limit = board->minLength;
        }
    }
    return p;
}

Result<RenderedText> ReplyService::fillTemplate(const ReplyRoute& route, const QString& templateId,
                                                const PlaceholderValues& given) const
{
    auto store = TemplateStore::open(*m_db);
    if (!store)
        return store.error();
    const auto t = store->find(templateId);
    if (!t)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no template '%1' (see templates list).").arg(templateId));
    return fillTemplate(route, *t, given);
}

RenderedText ReplyService::fillTemplate(const ReplyRoute& route, const ReplyTemplate& t,
                                        const PlaceholderValues& given) const
{
    PlaceholderValues values = TicketPlaceholders::forTicket(m_db->reader(), route.ticketNumber, t.language)
                                   .value_or(PlaceholderValues{});
    for (auto it = given.begin(); it != given.end(); ++it)
        values.insert(it.key(), it.value());
    // Boards take plain text within their limit; templates carry a variant for them.
    const bool board = isAnswerBoard(route.channel);
    return TemplateRenderer::renderPartial(board && !t.plainBody.isEmpty() ? t.plainBody : t.body, values);
}

Result<ReplyCheck> ReplyService::check(const ReplyRequest& request) const
{
    auto route = replyRouteFor(*m_db, request.ticketId);
    if (!route)
        return route.error();
    ReplyCheck c;
    c.route = std::move(route.value());
    if (!request.templateId.isEmpty()) {
        auto rendered = fillTemplate(c.route, request.templateId, request.values);
        if (!rendered)
            return rendered.error();
        c.text = rendered->text;
    } else {
        c.text = request.text;
    }
    c.board = answerBoardOf(c.route.channel);
    c.length = c.board ? c.board->lengthOf(c.text) : 0;
    c.problem = problemOf(c.text, c.route.channel);
    if (!m_checker)
        return makeError(ErrorCode::Damaged, QStringLiteral("The built-in tone rules could not be loaded."));
    if (c.problem.kind != ReplyProblem::Kind::Empty)
        c.findings = m_checker->check(c.text);
    c.verdict = sendVerdict(c.findings, c.route.channel);
    return c;
}

Result<ReplyOutcome> ReplyService::queue(const ReplyRequest& request)
{
    auto checked = check(request);
    if (!checked)
        return checked.error();
    ReplyOutcome outcome;
    outcome.check = std::move(checked.value());
    const ReplyCheck& c = outcome.check;
    const bool overriding = !request.toneOverride.trimmed().isEmpty();
    if (c.problem || (c.verdict != SendVerdict::Send && !overriding))
        return outcome;

    OutboxDraft draft;
    auto connector =
        m_findConnector ? m_findConnector(c.route)
        : c.route.account
            ? Result<std::unique_ptr<Connector>>(makeError(
                  ErrorCode::NotFound, QStringLiteral("Nothing here can draft replies for an account.")))
            : Result<std::unique_ptr<Connector>>(c.route.noAccount);
    if (connector) {
        // The connector knows the channel: its refusal (already answered, no inquiry to edit) is final.
        auto drafted = request.editAnswer ? connector.value()->draftEdit(request.ticketId, c.text)
                                          : connector.value()->draftReplyWithFiles(request.ticketId, c.text,
                                                                                   request.attachments);
        if (!drafted)
            return drafted.error();
        draft = std::move(drafted.value());
    } else if (request.editAnswer || !request.attachments.isEmpty()) {
        // An edit names the answer the marketplace holds and files become MIME parts: both need the account.
        return connector.error();
    } else {
        // No account can send on this channel yet. The reply is stored all the same, as text: the outbox
        // keeps it queued with the reason, and the connector builds the bytes once an account exists.
        draft.ticketId = request.ticketId;
        draft.channel = c.route.channel;
        draft.subject = QStringLiteral("Re: %1 [#%2]").arg(c.route.subject).arg(c.route.ticketNumber);
        outcome.waiting = connector.error();
    }
    if (draft.body.isEmpty())
        draft.body = c.text;
    outcome.overridden = !c.findings.isEmpty() && overriding;
    auto id = Outbox(*m_db).enqueue(
        draft, outcome.overridden ? std::optional(overrideEntry(c, request.toneOverride)) : std::nullopt);
    if (!id)
        return id.error();
    outcome.outboxId = *id;
    outcome.subject = draft.subject;
    if (m_wake)
        m_wake();
    return outcome;
}

} // namespace casebook
