#include "connectors/naver_connector.h"

#include "connectors/connection_health.h"
#include "connectors/shared_call_pacer.h"
#include "model/channel_keys.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace casebook {
namespace {

QString baseUrlOf(const Account& account)
{
    return marketplaceBaseUrl(account, QStringLiteral("https://api.commerce.naver.com/external"));
}

} // namespace

QString naverWords(const HttpReply& reply)
{
    if (!reply.answered())
        return reply.error;
    const QJsonObject o = QJsonDocument::fromJson(reply.body).object();
    const QString code = o.value(QStringLiteral("code")).toString();
    QString words = o.value(QStringLiteral("message")).toString();
    if (words.isEmpty())
        words = QString::fromUtf8(reply.body.left(160)).simplified();
    return QStringLiteral("HTTP %1: %2")
        .arg(reply.status)
        .arg(code.isEmpty() ? words : code + QStringLiteral(" ") + words);
}

namespace {

QString errorCode(const HttpReply& reply)
{
    return QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("code")).toString();
}

const QString kAlreadyAnswered = QStringLiteral("ERR-NC-101010");

} // namespace

NaverConnector::NaverConnector(Account account, Database& db, QString clientSecret, HttpPacing pacing,
                               std::shared_ptr<HttpTransport> transport)
    : m_account(std::move(account)), m_db(db), m_baseUrl(baseUrlOf(m_account)),
      m_tokens(m_baseUrl, m_account.setting(QStringLiteral("client_id")), std::move(clientSecret), transport),
      // The gateway counts calls per application (client id): every process of it takes turns.
      m_http(pacing, {429},
             std::make_unique<SharedCallPacer>(
                 db, gatewayKeyFor(Channel::Naver, m_account.setting(QStringLiteral("client_id")))),
             std::move(transport))
{
}

Result<HttpReply> NaverConnector::call(const QByteArray& method, const QString& pathAndQuery,
                                       const QByteArray& body)
{
    // The gateway may expire or revoke the token before we thought: callWithToken renews it once.
    return callWithToken(m_tokens, [&](const QString& token) {
        return m_http.exchange([&] {
            HttpRequest req;
            req.method = method;
            req.url = QUrl(m_baseUrl + pathAndQuery, QUrl::StrictMode);
            req.headers << qMakePair(QByteArray("Authorization"), ("Bearer " + token).toUtf8());
            if (!body.isEmpty())
                req.headers << qMakePair(QByteArray("Content-Type"),
                                         QByteArray("application/json;charset=UTF-8"));
            req.body = body;
            return req;
        });
    });
}

Result<MarketplaceBatch> NaverConnector::fetchPage(bool inquiries, QDate from, QDate to, int page)
{
    QList<QPair<QString, QString>> query;
    if (inquiries) {
        query = {{QStringLiteral("startSearchDate"), from.toString(Qt::ISODate)},
                 {QStringLiteral("endSearchDate"), to.toString(Qt::ISODate)},
                 {QStringLiteral("page"), QString::number(page)},
                 {QStringLiteral("size"), QString::number(kInquiryPageSize)}};
    } else {
        // Whole Korea days, as ISO date-times with their offset.
        query = {
            {QStringLiteral("fromDate"), from.toString(Qt::ISODate) + QStringLiteral("T00:00:00.000+09:00")},
            {QStringLiteral("toDate"), to.toString(Qt::ISODate) + QStringLiteral("T23:59:59.999+09:00")},
            {QStringLiteral("page"), QString::number(page)},
            {QStringLiteral("size"), QString::number(kQnaPageSize)}};
    }
    const QString path =
        (inquiries ? QStringLiteral("/v1/pay-user/inquiries?") : QStringLiteral("/v1/contents/qnas?")) +
        encodeQuery(query);
    auto reply = call("GET", path);
    if (!reply)
        return reply.error();
    const QString what = inquiries ? QStringLiteral("customer inquiries") : QStringLiteral("product Q&A");
    if (reply->status != 200)
        return makeError(
            m_http.errorCodeOf(*reply),
            QStringLiteral("Naver did not list the %1 of %2 to %3 (%4).")
                .arg(what, from.toString(Qt::ISODate), to.toString(Qt::ISODate), naverWords(*reply)));
    const QString source = sourceFor(Channel::Naver, m_account.name);
    MarketplaceBatch batch =
        inquiries ? parseNaverInquiries(reply->body, source) : parseNaverQnas(reply->body, source);
    if (batch.messages.isEmpty() && !batch.problems.isEmpty())
        return makeError(
            ErrorCode::Damaged,
            QStringLiteral("Naver's list of %1 could not be read: %2").arg(what, batch.problems.first()));
    return batch;
}

Result<SyncReport> NaverConnector::sync(const SyncControl& control)
{
    const QString source = sourceFor(Channel::Naver, m_account.name);
    auto report = syncLists(m_db, m_account, source,
                            {{QStringLiteral("qna"),
                              [this](QDate from, QDate to, int page) { return fetchPage(false, from, to, page); }},
                             {QStringLiteral("inquiry"),
                              [this](QDate from, QDate to, int page) { return fetchPage(true, from, to, page); }}},
                            control);
    // The token's state for the accounts dialog and `account list`, whatever became of the lists.
    if (const auto issued = m_tokens.issued())
        if (auto kept = saveTokenState(m_db, source, {issued->at, issued->validUntil}); !kept && report)
            report->warnings << kept.error().message;
    return report;
}

Result<OutboxDraft> NaverConnector::draftReply(qint64 ticketId, const QString& text)
{
    return draft(ticketId, text, false);
}

Result<OutboxDraft> NaverConnector::draftEdit(qint64 ticketId, const QString& text)
{
    return draft(ticketId, text, true);
}

Result<OutboxDraft> NaverConnector::draft(qint64 ticketId, const QString& text, bool edit)
{
    const QString body = text.trimmed();
    if (body.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("The answer is empty."));
    auto inquiries = inquiriesOfTicket(m_db, ticketId, sourceFor(Channel::Naver, m_account.name));
    if (!inquiries)
        return inquiries.error();
    if (inquiries->isEmpty())
        return makeError(
            ErrorCode::NotFound,
            QStringLiteral("This ticket holds no Naver inquiry of the account \"%1\".").arg(m_account.name));
    std::optional<Error> firstRefusal;
    for (const StoredInquiry& inq : inquiries.value()) {
        auto live = liveAnswers(m_db, ticketId, inq.threadKey);
        if (!live)
            return live.error();
        const bool answered = inq.hasOutgoing() || !live->isEmpty();
        const QString what = inq.kind == QLatin1String("qna") ? QStringLiteral("product question")
                                                              : QStringLiteral("customer inquiry");
        OutboxDraft d;
        d.ticketId = ticketId;
        d.accountId = m_account.id;
        d.channel = Channel::Naver;
        d.subject = inq.subject;
        d.body = body;
        d.target = {{QStringLiteral("inquiry"), inq.id},
                    {QStringLiteral("kind"), inq.kind},
                    {QStringLiteral("thread_key"), inq.threadKey}};
        if (edit) {
            if (inq.kind != QLatin1String("inquiry"))
                continue;
            // The answer's id: the suffix of the stored answer's external id (…:answer:<answerContentId>).
            QString answerId;
            for (const StoredInquiry::Message& m : inq.messages)
                if (m.direction == Direction::Out && answerId.isEmpty())
                    answerId = m.raw.value(QStringLiteral("answerContentId")).toVariant().toString();
            if (answerId.isEmpty()) {
                if (!firstRefusal)
                    firstRefusal = makeError(
                        ErrorCode::Conflict,
                        QStringLiteral("Naver customer inquiry %1 has no answer Casebook knows the id "
                                       "of yet: sync the account first.")
                            .arg(inq.id));
                continue;
            }
            d.target.insert(QStringLiteral("answer_content_id"), answerId);
            d.externalId = inq.threadKey + QStringLiteral(":answer:") + answerId + QStringLiteral(":edit");
        } else {
            if (answered) {
                if (!firstRefusal)
                    firstRefusal =
                        makeError(ErrorCode::Conflict,
                                  QStringLiteral("Naver %1 %2 is already answered; Naver takes one answer "
                                                 "(edit it instead).")
                                      .arg(what, inq.id));
                continue;
            }
            d.externalId = inq.threadKey + QStringLiteral(":answer:sent");
        }
        const QString field = inq.kind == QLatin1String("qna") ? QStringLiteral("commentContent")
                                                               : QStringLiteral("answerComment");
        d.raw = QJsonDocument(QJsonObject{{field, body}}).toJson(QJsonDocument::Compact);
        return d;
    }
    if (firstRefusal)
        return *firstRefusal;
    // A product question's answer has no edit in Naver's API: refused, not missing.
    return makeError(ErrorCode::Refused,
                     QStringLiteral("This ticket holds no Naver customer inquiry to edit the answer of."));
}

Result<std::optional<bool>> NaverConnector::answerDelivered(const OutboxItem& item)
{
    const bool second = item.target.value(QStringLiteral("kind")).toString() == QLatin1String("inquiry");
    return answerListed(m_db, item, sourceFor(Channel::Naver, m_account.name),
                        [this, second](QDate from, QDate to, int page) { return fetchPage(second, from, to, page); });
}

SendOutcome NaverConnector::send(const OutboxItem& item)
{
    const QString kind = item.target.value(QStringLiteral("kind")).toString();
    const QString inquiry = item.target.value(QStringLiteral("inquiry")).toString();
    const QString answerId = item.target.value(QStringLiteral("answer_content_id")).toString();
    QByteArray method;
    QString path;
    if (kind == QLatin1String("qna")) {
        method = "PUT";
        path = QStringLiteral("/v1/contents/qnas/") + inquiry;
    } else if (kind == QLatin1String("inquiry")) {
        method = answerId.isEmpty() ? "POST" : "PUT";
        path = QStringLiteral("/v1/pay-merchant/inquiries/") + inquiry + QStringLiteral("/answer") +
               (answerId.isEmpty() ? QString() : QLatin1Char('/') + answerId);
    } else {
        return SendOutcome::failed(QStringLiteral("The outbox item names no Naver inquiry."));
    }
    auto reply = call(method, path, item.raw);
    if (!reply)
        return SendOutcome::retry(reply.error().message);
    if (!reply->answered())
        return SendOutcome::retry(QStringLiteral("Naver did not answer: %1").arg(reply->error));
    if (m_http.slowDown(*reply) || reply->status >= 500)
        return SendOutcome::retry(naverWords(*reply));
    if (reply->status == 200 || reply->status == 204)
        return SendOutcome::sent(naverWords(*reply));
    if (errorCode(*reply) == kAlreadyAnswered)
        return SendOutcome::failed(
            QStringLiteral("Naver says inquiry %1 is already answered (%2); the next sync brings "
                           "that answer into the ticket, and it can be edited from there.")
                .arg(inquiry, kAlreadyAnswered));
    return SendOutcome::failed(naverWords(*reply));
}

Result<std::unique_ptr<Connector>> makeNaverConnector(const Account& account, Database& db, QString secret)
{
    if (account.setting(QStringLiteral("client_id")).isEmpty())
        return makeError(
            QStringLiteral("The Naver account \"%1\" has no client_id: set it with `account add`.")
                .arg(account.name));
    return std::unique_ptr<Connector>(std::make_unique<NaverConnector>(account, db, std::move(secret)));
}

} // namespace casebook
