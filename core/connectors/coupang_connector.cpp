#include "connectors/coupang_connector.h"

#include "compose/answer_board.h"
#include "connectors/connector_factory.h"
#include "connectors/shared_call_pacer.h"
#include "model/channel_keys.h"
#include "net/coupang_signer.h"
#include "store/ticket_writes.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace casebook {
namespace {

const QString kApi = QStringLiteral("/v2/providers/openapi/apis/api");

} // namespace

QString coupangServerWords(const HttpReply& reply)
{
    if (!reply.answered())
        return reply.error;
    const QJsonObject o = QJsonDocument::fromJson(reply.body).object();
    QString words = o.value(QStringLiteral("message")).toString();
    if (words.isEmpty())
        words = QString::fromUtf8(reply.body.left(160)).simplified();
    return QStringLiteral("HTTP %1: %2").arg(reply.status).arg(words);
}

namespace {

// A JSON number when the id is one (Coupang's ids are numbers), else the text.
QJsonValue idValue(const QString& id)
{
    bool ok = false;
    const qint64 n = id.toLongLong(&ok);
    return ok ? QJsonValue(n) : QJsonValue(id);
}

QString idOf(const QJsonValue& v)
{
    return v.isDouble() ? QString::number(static_cast<qint64>(v.toDouble())) : v.toString();
}

// Coupang's number for what went wrong. The gateway's `code` is only the HTTP status; the API's own number
// ends its message: "상담이 종료된 문의입니다 - 522". -1 when the message carries none.
int resultNumber(const HttpReply& reply)
{
    const QString message =
        QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("message")).toString();
    const qsizetype dash = message.lastIndexOf(QStringLiteral(" - "));
    bool ok = false;
    const int n = dash < 0 ? -1 : message.mid(dash + 3).trimmed().toInt(&ok);
    return ok ? n : -1;
}

// Coupang closed the consultation (24 hours after the transfer): no confirmation or answer is taken.
constexpr int kConsultationClosed = 522;

bool codeOk(const QByteArray& body)
{
    const QJsonValue code = QJsonDocument::fromJson(body).object().value(QStringLiteral("code"));
    return idOf(code) == QLatin1String("200");
}

// Where a call-center inquiry stands, from the replies Coupang listed: in the inquiry itself and as messages
// of their own, later ones winning.
struct CallCenterReplies {
    QSet<QString> answered; // answerIds of agent replies the seller has answered
    QString awaiting;       // the newest agent reply that asks the seller (requestAnswer) and has no answer
    QString awaitingAt;     // its replyAt, Korea time
};

CallCenterReplies callCenterReplies(const StoredInquiry& inq)
{
    QHash<QString, QJsonObject> replies;
    for (auto it = inq.messages.crbegin(); it != inq.messages.crend(); ++it) {
        for (const QJsonValue& r : it->raw.value(QStringLiteral("replies")).toArray())
            replies.insert(idOf(r.toObject().value(QStringLiteral("answerId"))), r.toObject());
        if (it->raw.contains(QStringLiteral("answerId")))
            replies.insert(idOf(it->raw.value(QStringLiteral("answerId"))), it->raw);
    }
    CallCenterReplies out;
    for (const QJsonObject& r : replies)
        if (r.value(QStringLiteral("answerType")).toString() == QLatin1String("vendor"))
            out.answered << idOf(r.value(QStringLiteral("parentAnswerId")));
    for (const QJsonObject& r : replies) {
        const QString id = idOf(r.value(QStringLiteral("answerId")));
        const QString at = r.value(QStringLiteral("replyAt")).toString();
        if (r.value(QStringLiteral("partnerTransferStatus")).toString() == QLatin1String("requestAnswer") &&
            !out.answered.contains(id) && at >= out.awaitingAt) {
            out.awaiting = id;
            out.awaitingAt = at;
        }
    }
    return out;
}

} // namespace

CoupangConnector::CoupangConnector(Account account, Database& db, QString secretKey, HttpPacing pacing,
                                   std::shared_ptr<HttpTransport> transport)
    : m_account(std::move(account)), m_db(db), m_secretKey(std::move(secretKey)),
      // Coupang counts calls per vendor: every process and account of this vendor takes turns.
      m_http(pacing, {429, 403},
             std::make_unique<SharedCallPacer>(
                 db, gatewayKeyFor(Channel::Coupang, m_account.setting(QStringLiteral("vendor_id")))),
             std::move(transport))
{
    // Retrying a refused address only adds to the errors Coupang counts before it blocks the caller.
    m_http.setFinalRefusal([](const HttpReply& reply) { return coupangAddressRefusal(reply).has_value(); });
}

QString CoupangConnector::vendorPath(const QString& rest) const
{
    return kApi + QStringLiteral("/v4/vendors/") + m_account.setting(QStringLiteral("vendor_id")) + rest;
}

HttpReply CoupangConnector::call(const QByteArray& method, const QString& path, const Query& query,
                                 const QByteArray& body)
{
    const QString base = marketplaceBaseUrl(m_account, QStringLiteral("https://api-gateway.coupang.com"));
    const QString q = encodeQuery(query);
    return m_http.exchange([&] {
        // Signed with real time: the gateway compares signed-date with its own clock.
        const CoupangSignature sig = coupangSign(m_account.setting(QStringLiteral("access_key")), m_secretKey,
                                                 QDateTime::currentDateTimeUtc(), method, path, q);
        HttpRequest req;
        req.method = method;
        req.url = QUrl(base + path + (q.isEmpty() ? QString() : QLatin1Char('?') + q), QUrl::StrictMode);
        req.headers << qMakePair(QByteArray("Authorization"), sig.authorization)
                    << qMakePair(QByteArray("Content-Type"), QByteArray("application/json;charset=UTF-8"))
                    << qMakePair(QByteArray("X-Requested-By"),
                                 m_account.setting(QStringLiteral("vendor_id")).toUtf8());
        req.body = body;
        return req;
    });
}

Result<MarketplaceBatch> CoupangConnector::fetchPage(bool callCenter, QDate from, QDate to, int page)
{
    const QString vendor = m_account.setting(QStringLiteral("vendor_id"));
    const QString path =
        kApi + QStringLiteral("/v5/vendors/") + vendor +
        (callCenter ? QStringLiteral("/callCenterInquiries") : QStringLiteral("/onlineInquiries"));
    Query query{{QStringLiteral("vendorId"), vendor}};
    if (callCenter)
        query << qMakePair(QStringLiteral("partnerCounselingStatus"), QStringLiteral("NONE"));
    else
        query << qMakePair(QStringLiteral("answeredType"), QStringLiteral("ALL"));
    query << qMakePair(QStringLiteral("inquiryStartAt"), from.toString(Qt::ISODate))
          << qMakePair(QStringLiteral("inquiryEndAt"), to.toString(Qt::ISODate))
          << qMakePair(QStringLiteral("pageNum"), QString::number(page))
          << qMakePair(QStringLiteral("pageSize"),
                       QString::number(callCenter ? kCallCenterPageSize : kOnlinePageSize));
    const HttpReply reply = call("GET", path, query);
    const QString what =
        callCenter ? QStringLiteral("call-center inquiries") : QStringLiteral("product inquiries");
    if (reply.status != 200)
        return refusal(reply, QStringLiteral("Coupang did not list the %1 of %2 to %3")
                                  .arg(what, from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    const QString source = sourceFor(Channel::Coupang, m_account.name);
    MarketplaceBatch batch = callCenter ? parseCoupangCallCenterInquiries(reply.body, source)
                                        : parseCoupangOnlineInquiries(reply.body, source);
    // An envelope that could not be read at all is an error of the page, not of one item: retry it next time.
    if (batch.messages.isEmpty() && !batch.problems.isEmpty() && !codeOk(reply.body))
        return makeError(
            ErrorCode::Damaged,
            QStringLiteral("Coupang's list of %1 could not be read: %2").arg(what, batch.problems.first()));
    return batch;
}

Result<SyncReport> CoupangConnector::sync(const SyncControl& control)
{
    return syncLists(m_db, m_account, sourceFor(Channel::Coupang, m_account.name),
                     {{QStringLiteral("online"),
                       [this](QDate from, QDate to, int page) { return fetchPage(false, from, to, page); }},
                      {QStringLiteral("call"),
                       [this](QDate from, QDate to, int page) { return fetchPage(true, from, to, page); }}},
                     control);
}

Result<OutboxDraft> CoupangConnector::draftReply(qint64 ticketId, const QString& text)
{
    const QString body = text.trimmed();
    if (body.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("The answer is empty."));
    // The newest inquiry that still takes an answer; when none does, the newest one's reason.
    return draftForNewest(m_db, ticketId, m_account, sourceFor(Channel::Coupang, m_account.name),
                          QStringLiteral("Coupang inquiry"),
                          [&](const StoredInquiry& inq) { return draftFor(ticketId, inq, body); });
}

Result<OutboxDraft> CoupangConnector::draftFor(qint64 ticketId, const StoredInquiry& inq, const QString& text)
{
    auto live = liveAnswers(m_db, ticketId, inq.threadKey);
    if (!live)
        return live.error();
    OutboxDraft d;
    d.channel = Channel::Coupang;
    d.subject = inq.subject;
    d.body = text;
    const QString vendor = m_account.setting(QStringLiteral("vendor_id"));
    const QString wingUser = m_account.setting(QStringLiteral("wing_user"));
    if (vendor.isEmpty() || wingUser.isEmpty())
        return makeError(
            QStringLiteral("The Coupang account \"%1\" needs its vendor id and Wing user id to answer.")
                .arg(m_account.name));
    QJsonObject answer;
    if (inq.kind == QLatin1String("online")) {
        if (inq.hasOutgoing())
            return makeError(
                ErrorCode::Conflict,
                QStringLiteral("Coupang product inquiry %1 is already answered; Coupang takes one answer "
                               "per inquiry (change it in Wing if needed).")
                    .arg(inq.id));
        if (!live->isEmpty())
            return makeError(
                ErrorCode::Conflict,
                QStringLiteral("An answer to Coupang product inquiry %1 is already in the outbox.")
                    .arg(inq.id));
        answer = {{QStringLiteral("content"), text},
                  {QStringLiteral("vendorId"), vendor},
                  {QStringLiteral("replyBy"), wingUser}};
        d.externalId = inq.threadKey + QStringLiteral(":answer:sent");
    } else if (inq.kind == QLatin1String("call")) {
        // Counted as the board counts, in the one place that knows (not QString::size(), UTF-16 units).
        const AnswerBoard board = answerBoardOf(Channel::Coupang).value_or(AnswerBoard{});
        const int length = board.lengthOf(text);
        if (length < board.minLength || length > board.maxLength)
            return makeError(
                ErrorCode::InvalidInput,
                QStringLiteral("Coupang takes call-center answers of %1 to %2 characters; this one "
                               "has %3.")
                    .arg(board.minLength)
                    .arg(board.maxLength)
                    .arg(length));
        const CallCenterReplies replies = callCenterReplies(inq);
        const QSet<QString>& answered = replies.answered;
        QString parent = replies.awaiting;
        for (const OutboxItem& it : live.value())
            if (it.target.value(QStringLiteral("parent_answer_id")).toString() == parent)
                parent.clear();
        if (parent.isEmpty())
            return makeError(
                ErrorCode::Conflict,
                !answered.isEmpty() || !live->isEmpty()
                    ? QStringLiteral(
                          "Coupang call-center inquiry %1 is already answered and no new question of "
                          "Coupang's agent awaits the seller.")
                          .arg(inq.id)
                    : QStringLiteral(
                          "Coupang call-center inquiry %1 awaits no answer from the seller (no reply "
                          "of Coupang's agent asks for one).")
                          .arg(inq.id));
        if (inq.question().value(QStringLiteral("inquiryStatus")).toString() == QLatin1String("complete") &&
            answered.contains(parent))
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("Coupang closed call-center inquiry %1.").arg(inq.id));
        answer = {{QStringLiteral("vendorId"), vendor},
                  {QStringLiteral("inquiryId"), idValue(inq.id)},
                  {QStringLiteral("content"), text},
                  {QStringLiteral("replyBy"), wingUser},
                  {QStringLiteral("parentAnswerId"), idValue(parent)}};
        d.target.insert(QStringLiteral("parent_answer_id"), parent);
        d.externalId = inq.threadKey + QStringLiteral(":answer:to-") + parent;
    } else {
        return makeError(QStringLiteral("Unknown Coupang inquiry kind \"%1\".").arg(inq.kind));
    }
    d.raw = QJsonDocument(answer).toJson(QJsonDocument::Compact);
    d.target.insert(QStringLiteral("inquiry"), inq.id);
    d.target.insert(QStringLiteral("kind"), inq.kind);
    d.target.insert(QStringLiteral("thread_key"), inq.threadKey);
    d.target.insert(QStringLiteral("from_name"), wingUser);
    return d;
}

Result<std::optional<bool>> CoupangConnector::answerDelivered(const OutboxItem& item)
{
    const bool second = item.target.value(QStringLiteral("kind")).toString() == QLatin1String("call");
    return answerListed(m_db, item, sourceFor(Channel::Coupang, m_account.name),
                        [this, second](QDate from, QDate to, int page) { return fetchPage(second, from, to, page); });
}

SendOutcome CoupangConnector::send(const OutboxItem& item)
{
    const QString kind = item.target.value(QStringLiteral("kind")).toString();
    const QString inquiry = item.target.value(QStringLiteral("inquiry")).toString();
    if (inquiry.isEmpty() || (kind != QLatin1String("online") && kind != QLatin1String("call")))
        return SendOutcome::failed(QStringLiteral("The outbox item names no Coupang inquiry."));
    const QString path =
        vendorPath((kind == QLatin1String("online") ? QStringLiteral("/onlineInquiries/")
                                                    : QStringLiteral("/callCenterInquiries/")) +
                   inquiry + QStringLiteral("/replies"));
    const HttpReply reply = call("POST", path, {}, item.raw);
    if (!reply.answered())
        return SendOutcome::retry(QStringLiteral("Coupang did not answer: %1").arg(reply.error));
    if (m_http.slowDown(reply))
        return SendOutcome::retry(
            QStringLiteral("Coupang is limiting requests (%1); the answer waits in the outbox.")
                .arg(coupangServerWords(reply)));
    if (reply.status >= 500)
        return SendOutcome::retry(coupangServerWords(reply));
    if (const auto address = coupangAddressRefusal(reply))
        return SendOutcome::failed(coupangAddressAdvice(*address));
    if (reply.status == 200 && codeOk(reply.body))
        return SendOutcome::sent(coupangServerWords(reply));
    return SendOutcome::failed(coupangServerWords(reply));
}

Result<void> CoupangConnector::confirmTransferred(const QString& inquiryId)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("confirmBy"),
                                                       m_account.setting(QStringLiteral("wing_user"))}})
                                .toJson(QJsonDocument::Compact);
    const HttpReply reply = call(
        "POST", vendorPath(QStringLiteral("/callCenterInquiries/") + inquiryId + QStringLiteral("/confirms")),
        {}, body);
    if (reply.status == 200 && codeOk(reply.body))
        return {};
    const bool closed = resultNumber(reply) == kConsultationClosed;
    if (!closed)
        return refusal(reply, QStringLiteral("Coupang did not confirm call-center inquiry %1").arg(inquiryId));
    return makeError(ErrorCode::Refused,
                     QStringLiteral("Coupang did not confirm call-center inquiry %1 (%2).%3")
                         .arg(inquiryId, coupangServerWords(reply),
                              closed
                                  ? QStringLiteral(" Coupang closes a transferred inquiry 24 hours after the "
                                                   "transfer; answer the customer in Wing instead.")
                                  : QString()));
}

Result<QString> CoupangConnector::confirmTransferOf(qint64 ticketId)
{
    if (m_account.setting(QStringLiteral("wing_user")).isEmpty())
        return makeError(QStringLiteral("The Coupang account \"%1\" needs its Wing user id to confirm.")
                             .arg(m_account.name));
    auto inquiries = inquiriesOfTicket(m_db, ticketId, sourceFor(Channel::Coupang, m_account.name));
    if (!inquiries)
        return inquiries.error();
    // The newest call-center inquiry whose agent reply still awaits the seller: the transfer to confirm.
    const StoredInquiry* chosen = nullptr;
    for (const StoredInquiry& inq : inquiries.value()) {
        const QString awaiting = callCenterReplies(inq).awaiting;
        if (inq.kind != QLatin1String("call") || awaiting.isEmpty())
            continue;
        auto live = liveAnswers(m_db, ticketId, inq.threadKey);
        if (!live)
            return live.error();
        // Answered from the outbox since the last sync: nothing left to confirm.
        if (std::any_of(live->cbegin(), live->cend(), [&](const OutboxItem& it) {
                return it.target.value(QStringLiteral("parent_answer_id")).toString() == awaiting;
            }))
            continue;
        chosen = &inq;
        break;
    }
    if (!chosen)
        return makeError(
            ErrorCode::Conflict,
            QStringLiteral("This ticket holds no Coupang call-center inquiry of the account \"%1\" "
                           "that Coupang transferred to the seller (none awaits an answer).")
                .arg(m_account.name));
    if (auto confirmed = confirmTransferred(chosen->id); !confirmed)
        return confirmed.error();
    const QString detail =
        QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("inquiry"), chosen->id},
                                                    {QStringLiteral("account"), m_account.name}})
                              .toJson(QJsonDocument::Compact));
    auto recorded = m_db.write([&](SQLite::Database& w) -> Result<void> {
        ticket_writes::recordEvent(w, ticketId, m_db.clock().now(),
                                   QStringLiteral("coupang_transfer_confirmed"), detail);
        return {};
    });
    if (!recorded)
        return makeError(QStringLiteral("Coupang confirmed inquiry %1, but Casebook could not note it: %2")
                             .arg(chosen->id, recorded.error().message));
    return chosen->id;
}

Result<QString> confirmCoupangTransfer(Database& db, SecretStore& secrets, qint64 ticketId)
{
    auto account = accountForTicket(db, ticketId);
    if (!account)
        return account.error();
    if (account->kind != AccountKind::Coupang)
        return makeError(ErrorCode::Refused,
                         QStringLiteral("Only Coupang call-center inquiries are transferred and confirmed; "
                                        "this ticket is answered through the %1 account \"%2\".")
                             .arg(toString(account->kind), account->name));
    auto secret = secretFor(*account, secrets);
    if (!secret)
        return secret.error();
    return CoupangConnector(*account, db, *secret).confirmTransferOf(ticketId);
}

Result<std::unique_ptr<Connector>> makeCoupangConnector(const Account& account, Database& db, QString secret)
{
    for (const char* key : {"vendor_id", "access_key"})
        if (account.setting(QString::fromLatin1(key)).isEmpty())
            return makeError(
                QStringLiteral("The Coupang account \"%1\" has no %2: set it with `account add`.")
                    .arg(account.name, QString::fromLatin1(key)));
    return std::unique_ptr<Connector>(std::make_unique<CoupangConnector>(account, db, std::move(secret)));
}

} // namespace casebook
