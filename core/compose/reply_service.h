#pragma once

#include "compose/answer_board.h"
#include "compose/reply_route.h"
#include "compose/reply_template.h"
#include "compose/template_renderer.h"
#include "compose/tone_checker.h"
#include "connectors/connector.h"
#include "store/database.h"

#include <functional>
#include <memory>
#include <optional>

namespace casebook {

class SecretStore;

// "send", "confirm", "blocked": the verdict's name in the ticket's history and the CLI's output.
QString toString(SendVerdict v);

// What the seller asks to send.
struct ReplyRequest {
    qint64 ticketId = 0;
    QString text;                       // the reply as written; unused when templateId is set
    QString templateId;                 // else: this template, filled from the ticket and `values`
    PlaceholderValues values;           // the seller's own values; they win over the ticket's
    QList<ReplyAttachment> attachments; // mail only
    bool editAnswer = false;            // a new text for the answer the marketplace already holds
    // The seller's reason to send despite the tone findings (the window's confirmation, the CLI's
    // --override-tone); empty: findings stop the reply. Recorded in the ticket's history when used.
    QString toneOverride;
};

// Why a text cannot go out as it is, whatever its tone.
struct ReplyProblem {
    enum class Kind { None, Empty, Unfilled, TooLong, TooShort };
    Kind kind = Kind::None;
    QStringList unfilled; // placeholder names, for Unfilled
    int length = 0;       // for TooLong / TooShort, in the board's unit
    int limit = 0;
    explicit operator bool() const { return kind != Kind::None; }
    QString message(const QString& channelName) const; // English, for the CLI; the window words its own
};

// The check of one reply, without sending: what it would say, where, and whether it may go.
struct ReplyCheck {
    ReplyRoute route;
    QString text; // placeholders filled
    std::optional<AnswerBoard> board;
    int length = 0; // in the board's unit; 0 off a board
    ReplyProblem problem;
    QList<ToneFinding> findings;
    SendVerdict verdict = SendVerdict::Send; // what the findings take, by sendVerdict()
};

// What queue() did.
struct ReplyOutcome {
    ReplyCheck check;
    qint64 outboxId = 0;          // 0: nothing queued (a problem, or findings and no override)
    QString subject;              // of the queued item
    bool overridden = false;      // queued despite findings, the reason recorded
    std::optional<Error> waiting; // queued as text: no account can send it yet, and why
    bool queued() const { return outboxId != 0; }
};

// The one path every reply takes, from the window and from the CLI: fill the placeholders, check the
// board's length and the tone, decide send / confirm / block, pick the answering account, queue in the
// outbox and wake the sender. The faces only present what it returns.
class ReplyService {
public:
    // Makes the connector that drafts the reply for a route (its account); an error when there is none.
    using ConnectorFinder = std::function<Result<std::unique_ptr<Connector>>(const ReplyRoute&)>;

    ReplyService(Database& db, ConnectorFinder findConnector);
    // Connectors made for the route's account with its secret from `secrets`, which must outlive the
    // service.
    static ConnectorFinder connectorsFrom(Database& db, SecretStore& secrets);

    void setConnectorFinder(ConnectorFinder finder) { m_findConnector = std::move(finder); }
    // Called after a reply is queued (the GUI's outbox worker wakes; the CLI sends on --send itself).
    void setWakeHook(std::function<void()> wake) { m_wake = std::move(wake); }

    // The built-in tone checker this service judges with (shared: it is costly to load).
    const ToneChecker* toneChecker() const { return m_checker.get(); }

    Result<ReplyRoute> route(qint64 ticketId) const { return replyRouteFor(*m_db, ticketId); }
    // What is wrong with the text itself on this channel: unfilled placeholders, the board's length.
    static ReplyProblem problemOf(const QString& text, Channel channel);
    // The text of a template for this ticket and channel (a board takes the plain variant), with what is
    // still unfilled left as {{name}}.
    Result<RenderedText> fillTemplate(const ReplyRoute& route, const QString& templateId,
                                      const PlaceholderValues& values) const;
    RenderedText fillTemplate(const ReplyRoute& route, const ReplyTemplate& t,
                              const PlaceholderValues& values) const;

    // Everything but queueing. Fails only when the ticket or the template does not exist, or the store
    // cannot be read.
    Result<ReplyCheck> check(const ReplyRequest& request) const;
    // check(), then queue when there is no problem and the verdict is Send (or the request carries a tone
    // override). Fails when the connector refuses the reply or the store cannot take it.
    Result<ReplyOutcome> queue(const ReplyRequest& request);

private:
    Database* m_db;
    ConnectorFinder m_findConnector;
    std::function<void()> m_wake;
    std::shared_ptr<const ToneChecker> m_checker;
};

} // namespace casebook
