#include "connectors/elevenst_connector.h"

#include "compose/answer_board.h"
#include "connectors/shared_call_pacer.h"
#include "model/channel_keys.h"
#include "sources/elevenst_items.h"

namespace casebook {
namespace {

QString yyyymmdd(QDate d)
{
    return d.toString(QStringLiteral("yyyyMMdd"));
}

// 11st's result code and words, wherever the answer keeps them (result_code/result_text in lists and
// notices, resultCode/message in a Q&A answer).
struct ElevenstResult {
    QString code;
    QString words;
};

ElevenstResult resultOf(const XmlRecords& xml)
{
    ElevenstResult r;
    for (const char* key : {"result_code", "resultCode"})
        if (r.code.isEmpty())
            r.code = xml.top.value(QLatin1String(key)).toString();
    for (const char* key : {"result_text", "message"})
        if (r.words.isEmpty())
            r.words = xml.top.value(QLatin1String(key)).toString();
    return r;
}

QString serverWords(const HttpReply& reply, const ElevenstResult& result)
{
    if (!reply.answered())
        return reply.error;
    QString words = result.code.isEmpty() ? QString() : result.code + QStringLiteral(" ") + result.words;
    if (words.isEmpty())
        words = QString::fromUtf8(reply.body.left(160)).simplified();
    return QStringLiteral("HTTP %1: %2").arg(reply.status).arg(words);
}

// 11st's "server under maintenance" (every Friday before dawn): try later.
const QString kMaintenance = QStringLiteral("-1000");
// A list that found nothing says so with result code 0: not an error.
const QString kNothingFound = QStringLiteral("0");

} // namespace

ElevenstConnector::ElevenstConnector(Account account, Database& db, QString apiKey, HttpPacing pacing,
                                     std::shared_ptr<HttpTransport> transport)
    : m_account(std::move(account)), m_db(db), m_apiKey(std::move(apiKey)),
      // 11st publishes no rate; its gateway counts by key, which is the account's own: its processes take turns.
      m_http(pacing, {429},
             std::make_unique<SharedCallPacer>(db, gatewayKeyFor(Channel::Elevenst, m_account.name)),
             std::move(transport))
{
}

HttpReply ElevenstConnector::call(const QByteArray& method, const QString& path, const QByteArray& body)
{
    const QString base = marketplaceBaseUrl(m_account, QStringLiteral("https://api.11st.co.kr"));
    return m_http.exchange([&] {
        HttpRequest req;
        req.method = method;
        req.url = QUrl(base + path, QUrl::StrictMode);
        req.headers << qMakePair(QByteArray("openapikey"), m_apiKey.toUtf8());
        if (!body.isEmpty())
            req.headers << qMakePair(QByteArray("Content-Type"), QByteArray("text/xml;charset=UTF-8"));
        req.body = body;
        return req;
    });
}

Result<MarketplaceBatch> ElevenstConnector::fetchWindow(bool notices, QDate from, QDate to)
{
    const XmlItemMapping& map = notices ? kElevenstNotice : kElevenstQna;
    // Q&A: answerStatus 00 (all); notices: every state (the optional state and order are left out).
    const QString path = notices ? QStringLiteral("/rest/alimi/getalimilist/%1/%2").arg(yyyymmdd(from), yyyymmdd(to))
                                 : QStringLiteral("/rest/prodqnaservices/prodqnalist/%1/%2/00")
                                       .arg(yyyymmdd(from), yyyymmdd(to));
    const HttpReply reply = call("GET", path);
    const XmlRecords xml = readXmlRecords(reply.body, reply.header("Content-Type"), QLatin1String(map.record));
    const ElevenstResult result = resultOf(xml);
    const QString what = notices ? QStringLiteral("urgent notices") : QStringLiteral("product Q&A");
    const bool empty = result.code == kNothingFound && xml.records.isEmpty();
    if (reply.status != 200 || (!result.code.isEmpty() && !empty) || !xml.problem.isEmpty()) {
        // An answer 11st sends with 200 but a result code is a refusal of the request (500: a business
        // error such as a window over 7 days), except for maintenance, which passes.
        const ErrorCode code = reply.status != 200              ? m_http.errorCodeOf(reply)
                               : result.code == kMaintenance    ? ErrorCode::Io
                               : !xml.problem.isEmpty()         ? ErrorCode::Damaged
                                                                : ErrorCode::Refused;
        return makeError(code, QStringLiteral("11st did not list the %1 of %2 to %3 (%4).")
                                   .arg(what, from.toString(Qt::ISODate), to.toString(Qt::ISODate),
                                        xml.problem.isEmpty() ? serverWords(reply, result) : xml.problem));
    }
    return parseElevenstItems(map, xml.records, sourceFor(Channel::Elevenst, m_account.name));
}

Result<SyncReport> ElevenstConnector::sync(const SyncControl& control)
{
    // Neither list pages: a window's items come in one answer (totalPages stays 1).
    return syncLists(m_db, m_account, sourceFor(Channel::Elevenst, m_account.name),
                     {{QStringLiteral("qna"),
                       [this](QDate from, QDate to, int) { return fetchWindow(false, from, to); }},
                      {QStringLiteral("notice"),
                       [this](QDate from, QDate to, int) { return fetchWindow(true, from, to); }}},
                     control);
}

Result<OutboxDraft> ElevenstConnector::draftReply(qint64 ticketId, const QString& text)
{
    const QString body = text.trimmed();
    if (body.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("The answer is empty."));
    // Counted as the board counts, in the one place that knows.
    const AnswerBoard board = answerBoardOf(Channel::Elevenst).value_or(AnswerBoard{});
    if (const int length = board.lengthOf(body); length < board.minLength || length > board.maxLength)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("11st takes answers of %1 to %2 characters; this one has %3.")
                             .arg(board.minLength)
                             .arg(board.maxLength)
                             .arg(length));
    return draftForNewest(m_db, ticketId, m_account, sourceFor(Channel::Elevenst, m_account.name),
                          QStringLiteral("11st item"),
                          [&](const StoredInquiry& inq) { return draftFor(ticketId, inq, body); });
}

Result<OutboxDraft> ElevenstConnector::draftFor(qint64 ticketId, const StoredInquiry& inq, const QString& text)
{
    const QJsonObject question = inq.question();
    const bool notice = inq.kind == QLatin1String("notice");
    if (notice && question.value(QStringLiteral("emerTypeCd")).toString() == QLatin1String("02"))
        return makeError(ErrorCode::Refused,
                         QStringLiteral("11st urgent notice %1 is an announcement (공지); it takes no answer.")
                             .arg(inq.id));
    // One answer per request: the item itself, and for a notice each time 11st asked again (재답변요청).
    auto live = liveAnswers(m_db, ticketId, inq.threadKey);
    if (!live)
        return live.error();
    int asked = 0;
    int answered = 0;
    for (const StoredInquiry::Message& m : inq.messages)
        (m.direction == Direction::In ? asked : answered) += 1;
    // Outbox items not yet stored as messages (queued, sending): a sent one is among the messages already.
    for (const OutboxItem& it : live.value())
        if (it.state != OutboxState::Sent)
            ++answered;
    if (answered >= asked)
        return makeError(
            ErrorCode::Conflict,
            notice ? QStringLiteral("11st urgent notice %1 is already answered; 11st takes another answer "
                                    "only when it asks again (재답변요청).")
                         .arg(inq.id)
                   : QStringLiteral("11st product question %1 is already answered (or its answer waits in "
                                    "the outbox); 11st would replace the answer the customer already has.")
                         .arg(inq.id));
    OutboxDraft d;
    d.channel = Channel::Elevenst;
    d.subject = inq.subject;
    d.body = text;
    if (notice) {
        d.raw = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><request><confirmYn>Y</confirmYn>"
                               "<emerNtceSeq>%1</emerNtceSeq><answerCtnt>%2</answerCtnt></request>")
                    .arg(xmlEscaped(inq.id), xmlEscaped(text))
                    .toUtf8();
    } else {
        const QString product = question.value(QStringLiteral("brdInfoClfNo")).toString();
        if (product.isEmpty())
            return makeError(ErrorCode::Damaged,
                             QStringLiteral("11st product question %1 names no product number (brdInfoClfNo).")
                                 .arg(inq.id));
        d.target.insert(QStringLiteral("product"), product);
        d.raw = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ProductQna><answerCont>%1"
                               "</answerCont></ProductQna>")
                    .arg(xmlEscaped(text))
                    .toUtf8();
    }
    d.externalId = inq.threadKey + QStringLiteral(":answer:sent-%1").arg(answered + 1);
    d.target.insert(QStringLiteral("inquiry"), inq.id);
    d.target.insert(QStringLiteral("kind"), inq.kind);
    d.target.insert(QStringLiteral("thread_key"), inq.threadKey);
    return d;
}

SendOutcome ElevenstConnector::send(const OutboxItem& item)
{
    const QString kind = item.target.value(QStringLiteral("kind")).toString();
    const QString inquiry = item.target.value(QStringLiteral("inquiry")).toString();
    const bool notice = kind == QLatin1String("notice");
    if (inquiry.isEmpty() || (!notice && kind != QLatin1String("qna")))
        return SendOutcome::failed(QStringLiteral("The outbox item names no 11st item."));
    const QString path = notice ? QStringLiteral("/rest/alimi/alimianswer")
                                : QStringLiteral("/rest/prodqnaservices/prodqnaanswer/%1/%2")
                                      .arg(inquiry, item.target.value(QStringLiteral("product")).toString());
    const HttpReply reply = call("PUT", path, item.raw);
    const XmlRecords xml = readXmlRecords(reply.body, reply.header("Content-Type"), QString());
    const ElevenstResult result = resultOf(xml);
    if (!reply.answered())
        return SendOutcome::retry(QStringLiteral("11st did not answer: %1").arg(reply.error));
    if (m_http.slowDown(reply))
        return SendOutcome::retry(QStringLiteral("11st is limiting requests (%1); the answer waits in the "
                                                 "outbox.")
                                      .arg(serverWords(reply, result)));
    if (reply.status >= 500 || result.code == kMaintenance)
        return SendOutcome::retry(serverWords(reply, result));
    // 200 takes an answer (a Q&A answer, a notice's answer); 100 confirms a notice without one.
    if (reply.status == 200 && result.code == QLatin1String("200"))
        return SendOutcome::sent(serverWords(reply, result));
    return SendOutcome::failed(serverWords(reply, result));
}

Result<std::unique_ptr<Connector>> makeElevenstConnector(const Account& account, Database& db, QString secret)
{
    if (secret.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("The 11st account \"%1\" has no API key (openapikey): add it with "
                                        "`account add` (keychain or --secret-command).")
                             .arg(account.name));
    return std::unique_ptr<Connector>(std::make_unique<ElevenstConnector>(account, db, std::move(secret)));
}

} // namespace casebook
