#include "connectors/ebay_connector.h"

#include "compose/answer_board.h"
#include "connectors/shared_call_pacer.h"
#include "model/channel_keys.h"
#include "sources/ebay_items.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

namespace casebook {
namespace {

const QString kMessageApi = QStringLiteral("/commerce/message/v1");
const QString kPostOrder = QStringLiteral("/post-order/v2");
// The thread kinds (the list names of syncLists and the middle of the ids): a Message API conversation and
// the two post-order cases, which take messages through the same path shape.
const QString kConversation = QStringLiteral("msg");
const QString kInquiry = QStringLiteral("inquiry");
const QString kReturn = QStringLiteral("return");

bool isCase(const QString& kind)
{
    return kind == kInquiry || kind == kReturn;
}

// eBay's own words: the first error's message ({"errors": [{"errorId", "message", "longMessage"}]}).
QString ebayWords(const HttpReply& reply)
{
    if (!reply.answered())
        return reply.error;
    const QJsonArray errors =
        QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("errors")).toArray();
    const QJsonObject first = errors.isEmpty() ? QJsonObject() : errors.at(0).toObject();
    QString words = first.value(QStringLiteral("message")).toString();
    if (const QJsonValue id = first.value(QStringLiteral("errorId")); !id.isUndefined())
        words = QString::number(id.toInt()) + QStringLiteral(" ") + words;
    if (words.isEmpty())
        words = QString::fromUtf8(reply.body.left(160)).simplified();
    return QStringLiteral("HTTP %1: %2").arg(reply.status).arg(words);
}

// A Korea day's bounds as eBay's ISO times in UTC: the windows are Korea days, like the other markets'.
QString isoUtc(QDate d, QTime t)
{
    return QDateTime(d, t, QTimeZone(9 * 3600)).toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}
QString startOf(QDate d)
{
    return isoUtc(d, QTime(0, 0));
}
QString endOf(QDate d)
{
    return isoUtc(d, QTime(23, 59, 59, 999));
}

int totalOf(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("total")).toInt();
}

} // namespace

EbayConnector::EbayConnector(Account account, Database& db, EbayCredentials credentials, HttpPacing pacing,
                             std::shared_ptr<HttpTransport> transport)
    : m_account(std::move(account)), m_db(db),
      m_tokens(marketplaceBaseUrl(m_account, QStringLiteral("https://api.ebay.com")), std::move(credentials),
               transport),
      // eBay counts calls per application and user: this seller's processes take turns.
      m_http(pacing, {429},
             std::make_unique<SharedCallPacer>(
                 db, gatewayKeyFor(Channel::Ebay, m_account.setting(QStringLiteral("username")))),
             std::move(transport))
{
}

Result<HttpReply> EbayConnector::call(const QByteArray& method, const QString& path, const Query& query,
                                      const QByteArray& body)
{
    const QString q = encodeQuery(query);
    const QString url = marketplaceBaseUrl(m_account, QStringLiteral("https://api.ebay.com")) + path +
                        (q.isEmpty() ? QString() : QLatin1Char('?') + q);
    const bool postOrder = path.startsWith(kPostOrder);
    QString marketplace = m_account.setting(QStringLiteral("marketplace_id"));
    if (marketplace.isEmpty())
        marketplace = QStringLiteral("EBAY_US");
    // A user token lives about two hours and may be revoked sooner: callWithToken renews it once on a 401.
    return callWithToken(m_tokens, [&](const QString& token) {
        return m_http.exchange([&] {
            HttpRequest req;
            req.method = method;
            req.url = QUrl(url, QUrl::StrictMode);
            req.headers << qMakePair(
                QByteArray("Authorization"),
                ((postOrder ? QStringLiteral("IAF ") : QStringLiteral("Bearer ")) + token).toUtf8());
            req.headers << qMakePair(QByteArray("X-EBAY-C-MARKETPLACE-ID"), marketplace.toUtf8());
            if (!body.isEmpty())
                req.headers << qMakePair(QByteArray("Content-Type"), QByteArray("application/json"));
            req.body = body;
            return req;
        });
    });
}

Result<MarketplaceBatch> EbayConnector::fetchConversation(const QString& conversationId)
{
    MarketplaceBatch all;
    const QString source = sourceFor(Channel::Ebay, m_account.name);
    for (int offset = 0;; offset += kPageSize) {
        auto reply = call("GET", kMessageApi + QStringLiteral("/conversation/") + conversationId,
                          {{QStringLiteral("conversation_type"), QStringLiteral("FROM_MEMBERS")},
                           {QStringLiteral("limit"), QString::number(kPageSize)},
                           {QStringLiteral("offset"), QString::number(offset)}});
        if (!reply)
            return reply.error();
        if (reply->status != 200)
            return makeError(m_http.errorCodeOf(*reply),
                             QStringLiteral("eBay did not give conversation %1 (%2).")
                                 .arg(conversationId, ebayWords(*reply)));
        const MarketplaceBatch page =
            parseEbayConversation(reply->body, m_account.setting(QStringLiteral("username")), source);
        all.messages += page.messages;
        all.problems += page.problems;
        if (offset + kPageSize >= totalOf(reply->body))
            return all;
    }
}

Result<MarketplaceBatch> EbayConnector::fetchConversations(QDate from, QDate to, int page)
{
    auto reply = call("GET", kMessageApi + QStringLiteral("/conversation"),
                      {{QStringLiteral("conversation_type"), QStringLiteral("FROM_MEMBERS")},
                       {QStringLiteral("start_time"), startOf(from)},
                       {QStringLiteral("end_time"), endOf(to)},
                       {QStringLiteral("limit"), QString::number(kPageSize)},
                       {QStringLiteral("offset"), QString::number((page - 1) * kPageSize)}});
    if (!reply)
        return reply.error();
    if (reply->status != 200)
        return makeError(m_http.errorCodeOf(*reply),
                         QStringLiteral("eBay did not list the conversations of %1 to %2 (%3).")
                             .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate), ebayWords(*reply)));
    const QJsonObject root = QJsonDocument::fromJson(reply->body).object();
    MarketplaceBatch batch;
    batch.totalPages = std::max(1, (totalOf(reply->body) + kPageSize - 1) / kPageSize);
    // A conversation listed in the window has new messages: all of them are read, the known ones skipped.
    for (const QJsonValue& c : root.value(QStringLiteral("conversations")).toArray()) {
        const QString id = c.toObject().value(QStringLiteral("conversationId")).toString();
        if (id.isEmpty())
            continue;
        auto messages = fetchConversation(id);
        if (!messages)
            return messages.error();
        batch.messages += messages->messages;
        batch.problems += messages->problems;
    }
    return batch;
}

Result<MarketplaceBatch> EbayConnector::fetchCases(const QString& list, QDate from, QDate to, int page)
{
    const bool inquiry = list == kInquiry;
    const QString prefix =
        inquiry ? QStringLiteral("inquiry_creation_date_range_") : QStringLiteral("creation_date_range_");
    auto reply = call("GET", kPostOrder + QLatin1Char('/') + list + QStringLiteral("/search"),
                      {{prefix + QStringLiteral("from"), startOf(from)},
                       {prefix + QStringLiteral("to"), endOf(to)},
                       {QStringLiteral("limit"), QString::number(kPageSize)},
                       {QStringLiteral("offset"), QString::number((page - 1) * kPageSize)}});
    if (!reply)
        return reply.error();
    const QString what = inquiry ? QStringLiteral("item-not-received inquiries") : QStringLiteral("returns");
    if (reply->status != 200)
        return makeError(
            m_http.errorCodeOf(*reply),
            QStringLiteral("eBay did not list the %1 of %2 to %3 (%4).")
                .arg(what, from.toString(Qt::ISODate), to.toString(Qt::ISODate), ebayWords(*reply)));
    MarketplaceBatch batch = parseEbayCases(list, reply->body, sourceFor(Channel::Ebay, m_account.name));
    if (batch.messages.isEmpty() && !batch.problems.isEmpty())
        return makeError(
            ErrorCode::Damaged,
            QStringLiteral("eBay's list of %1 could not be read: %2").arg(what, batch.problems.first()));
    return batch;
}

Result<SyncReport> EbayConnector::sync(const SyncControl& control)
{
    return syncLists(
        m_db, m_account, sourceFor(Channel::Ebay, m_account.name),
        {{kConversation,
          [this](QDate from, QDate to, int page) { return fetchConversations(from, to, page); }},
         {kInquiry, [this](QDate from, QDate to, int page) { return fetchCases(kInquiry, from, to, page); }},
         {kReturn, [this](QDate from, QDate to, int page) { return fetchCases(kReturn, from, to, page); }}},
        control);
}

Result<OutboxDraft> EbayConnector::draftReply(qint64 ticketId, const QString& text)
{
    const QString body = text.trimmed();
    // Counted as the row says, in the one place that knows.
    const AnswerBoard board = answerBoardOf(Channel::Ebay).value_or(AnswerBoard{});
    if (const int length = board.lengthOf(body); length < board.minLength || length > board.maxLength)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("eBay takes messages of %1 to %2 characters; this one has %3.")
                             .arg(board.minLength)
                             .arg(board.maxLength)
                             .arg(length));
    return draftForNewest(m_db, ticketId, m_account, sourceFor(Channel::Ebay, m_account.name),
                          QStringLiteral("eBay conversation or case"),
                          [&](const StoredInquiry& inq) { return draftFor(ticketId, inq, body); });
}

Result<OutboxDraft> EbayConnector::draftFor(qint64 ticketId, const StoredInquiry& inq, const QString& text)
{
    auto live = liveAnswers(m_db, ticketId, inq.threadKey);
    if (!live)
        return live.error();
    OutboxDraft d;
    d.channel = Channel::Ebay;
    d.subject = inq.subject;
    d.body = text;
    if (inq.kind == kConversation) {
        // A conversation takes any number of messages, as mail does.
        d.raw = QJsonDocument(QJsonObject{{QStringLiteral("conversationId"), inq.id},
                                          {QStringLiteral("messageText"), text}})
                    .toJson(QJsonDocument::Compact);
    } else if (isCase(inq.kind)) {
        // eBay refuses a message on a closed case: so does Casebook, once a sync has seen it closed.
        // (inquiriesOfTicket reads a note back as incoming: the marker in its raw item tells it.)
        for (const StoredInquiry::Message& m : inq.messages)
            if (ebayCaseClosed(
                    m.raw.value(QStringLiteral("casebookEvent")).toString().section(QLatin1Char(':'), 1)))
                return makeError(
                    ErrorCode::Conflict,
                    QStringLiteral("eBay closed %1 %2; it takes no more messages.").arg(inq.kind, inq.id));
        d.raw = QJsonDocument(
                    QJsonObject{{QStringLiteral("message"), QJsonObject{{QStringLiteral("content"), text}}}})
                    .toJson(QJsonDocument::Compact);
    } else {
        return makeError(ErrorCode::Damaged,
                         QStringLiteral("Unknown eBay thread kind \"%1\".").arg(inq.kind));
    }
    d.externalId = inq.threadKey + QStringLiteral(":sent:%1").arg(live->size() + inq.messages.size());
    d.target = {{QStringLiteral("inquiry"), inq.id},
                {QStringLiteral("kind"), inq.kind},
                {QStringLiteral("thread_key"), inq.threadKey}};
    return d;
}

SendOutcome EbayConnector::send(const OutboxItem& item)
{
    const QString kind = item.target.value(QStringLiteral("kind")).toString();
    const QString id = item.target.value(QStringLiteral("inquiry")).toString();
    if (id.isEmpty() || !(kind == kConversation || isCase(kind)))
        return SendOutcome::failed(QStringLiteral("The outbox item names no eBay conversation or case."));
    const QString path = kind == kConversation ? kMessageApi + QStringLiteral("/send_message")
                                               : kPostOrder + QLatin1Char('/') + kind + QLatin1Char('/') +
                                                     id + QStringLiteral("/send_message");
    auto reply = call("POST", path, {}, item.raw);
    if (!reply)
        // The token could not be renewed: eBay's identity service down waits; a refused refresh token
        // needs the seller.
        return reply.error().code == ErrorCode::Refused || reply.error().code == ErrorCode::InvalidInput
                   ? SendOutcome::failed(reply.error().message)
                   : SendOutcome::retry(reply.error().message);
    if (!reply->answered())
        return SendOutcome::retry(QStringLiteral("eBay did not answer: %1").arg(reply->error));
    if (m_http.slowDown(*reply))
        return SendOutcome::retry(
            QStringLiteral("eBay is limiting requests (%1); the message waits in the outbox.")
                .arg(ebayWords(*reply)));
    if (reply->status >= 500)
        return SendOutcome::retry(ebayWords(*reply));
    if (reply->status < 200 || reply->status >= 300)
        return SendOutcome::failed(ebayWords(*reply));
    SendOutcome sent = SendOutcome::sent(ebayWords(*reply));
    // The Message API answers with the message it made: stored under eBay's own id, as the next sync lists
    // it (a case's message is not listed back, and keeps the draft's id).
    if (kind == kConversation)
        if (const QString messageId =
                QJsonDocument::fromJson(reply->body).object().value(QStringLiteral("messageId")).toString();
            !messageId.isEmpty())
            sent.externalId =
                item.target.value(QStringLiteral("thread_key")).toString() + QLatin1Char(':') + messageId;
    return sent;
}

Result<std::unique_ptr<Connector>> makeEbayConnector(const Account& account, Database& db, QString secret)
{
    if (account.setting(QStringLiteral("username")).isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("The eBay account \"%1\" has no username: set it with `account add`.")
                             .arg(account.name));
    auto credentials = ebayCredentials(account.setting(QStringLiteral("client_id")), secret);
    if (!credentials)
        return credentials.error();
    return std::unique_ptr<Connector>(
        std::make_unique<EbayConnector>(account, db, std::move(credentials.value())));
}

} // namespace casebook
