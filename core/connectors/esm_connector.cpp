#include "connectors/esm_connector.h"

#include "compose/answer_board.h"
#include "connectors/shared_call_pacer.h"
#include "model/channel_keys.h"

#include <QJsonDocument>

namespace casebook {
namespace {

// The paths of ESM's CS API (etapi.gmarket.com, CS API).
const QString kQnaList = QStringLiteral("/item/v1/communications/customer/bulletin-board");
const QString kQnaAnswer = QStringLiteral("/item/v1/communications/customer/bulletin-board/qna");
const QString kNoticeList = QStringLiteral("/assist/v1/Selling/GetEmergencyInformList");
const QString kNoticeAnswer = QStringLiteral("/assist/v1/Selling/AddEmergencyInformReply");

// 판매자문의 조회's qnaType: which board of which site (G마켓's one board; 옥션's board and its 쪽지).
QList<int> qnaTypesOf(EsmSite site)
{
    return site == EsmSite::Gmarket ? QList<int>{3} : QList<int>{1, 2};
}

// ESM's result code and words, wherever the answer keeps them (resultCode/message on the Q&A board,
// ResultCode/Message on urgent notices, status.status_code/message from the gateway). Empty code: none.
struct EsmResult {
    QString code;
    QString words;
};

EsmResult resultOf(const QByteArray& body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    EsmResult r;
    if (!doc.isObject())
        return r;
    QJsonObject o = doc.object();
    if (o.value(QStringLiteral("status")).isObject())
        o = o.value(QStringLiteral("status")).toObject();
    r.code = esmField(o, "resultCode|status_code");
    r.words = esmField(o, "message");
    return r;
}

bool succeeded(const EsmResult& r)
{
    return r.code.isEmpty() || r.code == QLatin1String("0");
}

QString serverWords(const HttpReply& reply, const EsmResult& result)
{
    if (!reply.answered())
        return reply.error;
    QString words = result.code.isEmpty() ? result.words : result.code + QStringLiteral(" ") + result.words;
    if (words.trimmed().isEmpty())
        words = QString::fromUtf8(reply.body.left(160)).simplified();
    return QStringLiteral("HTTP %1: %2").arg(reply.status).arg(words);
}

// 긴급알리미 답변's "이미 처리 완료된 건" (vendor docs): the notice took its answer already.
const QString kNoticeAlreadyAnswered = QStringLiteral("100");

QString isoDay(QDate d)
{
    return d.toString(Qt::ISODate);
}

} // namespace

EsmConnector::EsmConnector(Account account, Database& db, QString secretKey, HttpPacing pacing,
                           std::shared_ptr<HttpTransport> transport)
    : m_account(std::move(account)), m_db(db), m_secretKey(std::move(secretKey)),
      // ESM limits calls per seller account (order queries once every 5 s; the CS lists publish no limit):
      // every process of this master id takes turns.
      m_http(pacing, {429},
             std::make_unique<SharedCallPacer>(
                 db, gatewayKeyFor(Channel::Esm, m_account.setting(QStringLiteral("master_id")))),
             std::move(transport))
{
}

QList<EsmSite> EsmConnector::sites() const
{
    QList<EsmSite> out;
    if (!m_account.setting(QStringLiteral("gmarket_id")).isEmpty())
        out << EsmSite::Gmarket;
    if (!m_account.setting(QStringLiteral("auction_id")).isEmpty())
        out << EsmSite::Auction;
    return out;
}

HttpReply EsmConnector::call(EsmSite site, const QString& path, const QJsonObject& body)
{
    const QString base = marketplaceBaseUrl(m_account, QStringLiteral("https://sa2.esmplus.com"));
    // Each call speaks for one site: its token names that site's seller id alone, so ESM's answer is that
    // site's.
    EsmSigner signer{m_account.setting(QStringLiteral("master_id")), {}, {}};
    (site == EsmSite::Gmarket ? signer.gmarketId : signer.auctionId) =
        m_account.setting(site == EsmSite::Gmarket ? QStringLiteral("gmarket_id") : QStringLiteral("auction_id"));
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return m_http.exchange([&] {
        HttpRequest req;
        req.method = "POST";
        req.url = QUrl(base + path, QUrl::StrictMode);
        // Signed afresh for each try, in real time: the gateway compares iat with its own clock.
        req.headers << qMakePair(QByteArray("Authorization"),
                                 "Bearer " + esmJwt(signer, m_secretKey, QDateTime::currentDateTimeUtc()));
        req.headers << qMakePair(QByteArray("Content-Type"), QByteArray("application/json"));
        req.body = json;
        return req;
    });
}

Result<MarketplaceBatch> EsmConnector::fetchWindow(bool notices, QDate from, QDate to)
{
    const EsmItemMapping& map = notices ? kEsmNotice : kEsmQna;
    const QString what = notices ? QStringLiteral("urgent notices") : QStringLiteral("customer questions");
    MarketplaceBatch all;
    for (const EsmSite site : sites()) {
        // The window's days, both included, as ESM reads them: endDate is the midnight that ends the window
        // ("당일 조회시 시작일 +1일로 조회"), so a 7-day window spans 7 days from startDate.
        QJsonObject body{{QStringLiteral("status"), 1}, // every state
                         {QStringLiteral("type"), 1},   // by the day it was received
                         {QStringLiteral("startDate"), isoDay(from)},
                         {QStringLiteral("endDate"), isoDay(to.addDays(1))}};
        const QList<int> types = notices ? QList<int>{0} : qnaTypesOf(site);
        for (const int qnaType : types) {
            if (!notices)
                body.insert(QStringLiteral("qnaType"), qnaType);
            const HttpReply reply = call(site, notices ? kNoticeList : kQnaList, body);
            const EsmResult result = resultOf(reply.body);
            QString problem;
            const QList<QJsonObject> records = esmRecords(reply.body, &problem);
            if (reply.status != 200 || !succeeded(result) || !problem.isEmpty()) {
                const ErrorCode code = reply.status != 200   ? m_http.errorCodeOf(reply)
                                       : !problem.isEmpty() ? ErrorCode::Damaged
                                                            : ErrorCode::Refused;
                return makeError(code, QStringLiteral("%1 did not list the %2 of %3 to %4 (%5).")
                                           .arg(esmSiteName(site), what, isoDay(from), isoDay(to),
                                                problem.isEmpty() ? serverWords(reply, result) : problem));
            }
            MarketplaceBatch batch =
                parseEsmItems(map, site, records, sourceFor(Channel::Esm, m_account.name));
            all.messages += batch.messages;
            all.problems += batch.problems;
        }
    }
    return all;
}

Result<SyncReport> EsmConnector::sync(const SyncControl& control)
{
    if (sites().isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("The ESM account \"%1\" names no Gmarket or Auction seller id: add one "
                                        "(--gmarket-id, --auction-id).")
                             .arg(m_account.name));
    // Neither list pages: a window's items come in one answer (totalPages stays 1).
    return syncLists(m_db, m_account, sourceFor(Channel::Esm, m_account.name),
                     {{QStringLiteral("qna"), [this](QDate from, QDate to, int) { return fetchWindow(false, from, to); }},
                      {QStringLiteral("notice"),
                       [this](QDate from, QDate to, int) { return fetchWindow(true, from, to); }}},
                     control);
}

Result<OutboxDraft> EsmConnector::draftReply(qint64 ticketId, const QString& text)
{
    const QString body = text.trimmed();
    if (body.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("The answer is empty."));
    // Counted as ESM counts, in the one place that knows (bytes).
    const AnswerBoard board = answerBoardOf(Channel::Esm).value_or(AnswerBoard{});
    if (const int length = board.lengthOf(body); length < board.minLength || length > board.maxLength)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("Gmarket/Auction take answers of %1 to %2 bytes (UTF-8); this one has %3.")
                             .arg(board.minLength)
                             .arg(board.maxLength)
                             .arg(length));
    return draftForNewest(m_db, ticketId, m_account, sourceFor(Channel::Esm, m_account.name),
                          QStringLiteral("Gmarket/Auction item"),
                          [&](const StoredInquiry& inq) { return draftFor(ticketId, inq, body); });
}

Result<OutboxDraft> EsmConnector::draftFor(qint64 ticketId, const StoredInquiry& inq, const QString& text)
{
    const bool notice = inq.kind == QLatin1String("notice");
    const EsmItemMapping& map = notice ? kEsmNotice : kEsmQna;
    const QJsonObject question = inq.question();
    const QString number = esmField(question, map.id);
    const QString site = question.value(QStringLiteral("casebookSite")).toString();
    if (number.isEmpty() || (site != QLatin1String("G") && site != QLatin1String("A")))
        return makeError(ErrorCode::Damaged,
                         QStringLiteral("The stored ESM item %1 lacks its number or site.").arg(inq.threadKey));
    // One answer per item: ESM lists a re-question (재질문) as an item of its own. Answered at ESM (its state),
    // by Casebook, or waiting in the outbox: refused before anything is sent.
    auto live = liveAnswers(m_db, ticketId, inq.threadKey);
    if (!live)
        return live.error();
    if (esmAnswered(map, question) || inq.hasOutgoing() || !live->isEmpty())
        return makeError(ErrorCode::Conflict,
                         notice ? QStringLiteral("Urgent notice %1 is already answered (or its answer waits in the "
                                                 "outbox); ESM takes one answer.")
                                      .arg(number)
                                : QStringLiteral("Question %1 is already answered (or its answer waits in the "
                                                 "outbox); ESM takes one answer per question.")
                                      .arg(number));
    // G마켓 answers need the item's token from the list; 옥션's urgent notices have none.
    const QString token = esmField(question, "token");
    if (site == QLatin1String("G") && token.isEmpty())
        return makeError(ErrorCode::Damaged,
                         QStringLiteral("Gmarket item %1 came without the token its answer needs.").arg(number));
    QJsonObject payload;
    if (notice) {
        payload = {{QStringLiteral("emerMessageNo"), number},
                   {QStringLiteral("answerStatus"), 2}, // 처리완료
                   {QStringLiteral("comments"), text}};
    } else {
        // The board wants a title too; the question's, answered.
        const QString title = esmField(question, map.title);
        payload = {{QStringLiteral("messageNo"), number},
                   {QStringLiteral("answerStatus"), 2},
                   {QStringLiteral("title"), QStringLiteral("Re: ") + (title.isEmpty() ? QStringLiteral("문의") : title)},
                   {QStringLiteral("comments"), text}};
    }
    if (!token.isEmpty())
        payload.insert(QStringLiteral("token"), token);
    OutboxDraft d;
    d.channel = Channel::Esm;
    d.subject = inq.subject;
    d.body = text;
    d.raw = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    d.externalId = inq.threadKey + QStringLiteral(":answer:sent-1");
    d.target.insert(QStringLiteral("inquiry"), number);
    d.target.insert(QStringLiteral("kind"), inq.kind);
    d.target.insert(QStringLiteral("site"), site);
    d.target.insert(QStringLiteral("thread_key"), inq.threadKey);
    return d;
}

SendOutcome EsmConnector::send(const OutboxItem& item)
{
    const QString kind = item.target.value(QStringLiteral("kind")).toString();
    const QString site = item.target.value(QStringLiteral("site")).toString();
    const bool notice = kind == QLatin1String("notice");
    if ((!notice && kind != QLatin1String("qna")) || (site != QLatin1String("G") && site != QLatin1String("A")))
        return SendOutcome::failed(QStringLiteral("The outbox item names no Gmarket/Auction item."));
    const HttpReply reply = call(site == QLatin1String("G") ? EsmSite::Gmarket : EsmSite::Auction,
                                 notice ? kNoticeAnswer : kQnaAnswer,
                                 QJsonDocument::fromJson(item.raw).object());
    const EsmResult result = resultOf(reply.body);
    if (!reply.answered())
        return SendOutcome::retry(QStringLiteral("ESM did not answer: %1").arg(reply.error));
    if (m_http.slowDown(reply))
        return SendOutcome::retry(
            QStringLiteral("ESM is limiting requests (%1); the answer waits in the outbox.").arg(serverWords(reply, result)));
    if (reply.status >= 500)
        return SendOutcome::retry(serverWords(reply, result));
    if (reply.status == 200 && succeeded(result))
        return SendOutcome::sent(serverWords(reply, result));
    if (notice && result.code == kNoticeAlreadyAnswered)
        return SendOutcome::failed(QStringLiteral("Already answered at ESM: %1").arg(serverWords(reply, result)));
    return SendOutcome::failed(serverWords(reply, result));
}

Result<std::unique_ptr<Connector>> makeEsmConnector(const Account& account, Database& db, QString secret)
{
    if (secret.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("The ESM account \"%1\" has no secret key: add it with `account add` "
                                        "(keychain or --secret-command).")
                             .arg(account.name));
    if (account.setting(QStringLiteral("master_id")).isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("The ESM account \"%1\" has no master id (--master-id).").arg(account.name));
    return std::unique_ptr<Connector>(std::make_unique<EsmConnector>(account, db, std::move(secret)));
}

} // namespace casebook
