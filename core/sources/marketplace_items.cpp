#include "sources/marketplace_items.h"

#include "mail/html_text.h"
#include "mail/order_numbers.h"
#include "model/channel_keys.h"
#include "model/sha256.h"
#include "sources/marketplace_json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace casebook {
namespace {

using marketplace_json::idText;
using marketplace_json::isoTime;
using marketplace_json::koreaTime;

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// A marketplace answer already given by the seller, as an outgoing message of the same thread.
InboundMessage answerOf(const InboundMessage& question, const QJsonObject& raw, const QString& answerId,
                        const QString& text, const QDateTime& at, const QString& by)
{
    InboundMessage a;
    a.channel = question.channel;
    a.direction = Direction::Out;
    a.raw = compact(raw);
    a.rawSha256 = sha256Hex(a.raw);
    a.externalId = question.externalId + QStringLiteral(":answer:") + answerId;
    a.threadKey = question.threadKey;
    a.subject = question.subject;
    a.text = text;
    a.date = at.isValid() ? at : question.date;
    a.fromName = by;
    a.customer = question.customer;
    a.orderNumbers = question.orderNumbers;
    a.source = question.source;
    a.sourceRef = a.externalId;
    return a;
}

// Marketplaces mask buyer ids ("kim****"): a masked id names nobody, so such a buyer is only this inquiry.
Identity buyerIdentity(const QString& kind, const QString& id, const QString& fallbackKey)
{
    if (id.isEmpty() || id.contains(QLatin1Char('*')))
        return {kind, fallbackKey};
    return {kind, id};
}

struct Envelope {
    QJsonArray items;
    int totalPages = 1;
    QString problem;
};

Envelope coupangEnvelope(const QByteArray& json)
{
    QString problem;
    const QJsonObject root = readMarketplaceRoot(json, problem);
    if (!problem.isEmpty())
        return {{}, 1, problem};
    const QString code = idText(root.value(QStringLiteral("code")));
    if (code != QLatin1String("200"))
        return {{},
                1,
                QStringLiteral("the answer's code is %1: %2")
                    .arg(code, root.value(QStringLiteral("message")).toString())};
    const QJsonObject data = root.value(QStringLiteral("data")).toObject();
    const int pages =
        data.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("totalPages")).toInt(1);
    return {data.value(QStringLiteral("content")).toArray(), pages, {}};
}

} // namespace

QJsonObject readMarketplaceRoot(const QByteArray& json, QString& problem)
{
    QJsonParseError err{};
    const QByteArray text = json.startsWith("\xEF\xBB\xBF") ? json.mid(3) : json;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &err);
    if (err.error != QJsonParseError::NoError)
        problem = QStringLiteral("not valid JSON: %1 at byte %2").arg(err.errorString()).arg(err.offset);
    return doc.object();
}

InboundMessage followUpOf(const InboundMessage& question, const QJsonObject& raw, const QString& externalId)
{
    InboundMessage m =
        listItemMessage(question.channel, raw, externalId, question.threadKey, question.source);
    m.subject = question.subject;
    m.customer = question.customer;
    m.customerName = question.customerName;
    m.orderNumbers = question.orderNumbers;
    return m;
}

QString firstLineOf(const QString& text, int max)
{
    QString line = text.section(QLatin1Char('\n'), 0, 0).simplified();
    if (line.size() > max)
        line = line.left(max - 1) + QChar(0x2026);
    return line;
}

InboundMessage listItemMessage(Channel channel, const QJsonObject& raw, const QString& externalId,
                               const QString& threadKey, const QString& source)
{
    InboundMessage m;
    m.channel = channel;
    m.raw = compact(raw);
    m.rawSha256 = sha256Hex(m.raw);
    m.externalId = externalId;
    m.threadKey = threadKey;
    m.source = source;
    m.sourceRef = externalId;
    return m;
}

MarketplaceBatch parseCoupangOnlineInquiries(const QByteArray& json, const QString& source)
{
    MarketplaceBatch batch;
    const Envelope env = coupangEnvelope(json);
    if (!env.problem.isEmpty()) {
        batch.problems << env.problem;
        return batch;
    }
    batch.totalPages = env.totalPages;
    for (const QJsonValue& v : env.items) {
        const QJsonObject item = v.toObject();
        const QString id = idText(item.value(QStringLiteral("inquiryId")));
        if (id.isEmpty()) {
            batch.problems << QStringLiteral("a product inquiry without an inquiryId was skipped");
            continue;
        }
        const QString key = externalIdFor(Channel::Coupang, QStringLiteral("online"), id);
        InboundMessage q = listItemMessage(Channel::Coupang, item, key, key, source);
        q.text = decodeHtmlEntities(item.value(QStringLiteral("content")).toString());
        q.date = koreaTime(item.value(QStringLiteral("inquiryAt")).toString());
        q.subject = QStringLiteral("[쿠팡 상품문의] ") + firstLineOf(q.text);
        for (const QJsonValue& o : item.value(QStringLiteral("orderIds")).toArray())
            if (const QString order = idText(o); !order.isEmpty())
                q.orderNumbers << order;
        q.orderNumbers += findOrderNumbers(q.text);
        q.orderNumbers.removeDuplicates();
        const QString email = item.value(QStringLiteral("buyerEmail")).toString();
        q.customer = buyerIdentity(identityKindOf(Channel::Coupang), email, key);
        q.customerName = email.isEmpty() ? QStringLiteral("쿠팡 구매자") : email;
        q.fromName = q.customerName;
        batch.messages << q;
        for (const QJsonValue& c : item.value(QStringLiteral("commentDtoList")).toArray()) {
            const QJsonObject comment = c.toObject();
            batch.messages << answerOf(
                q, comment, idText(comment.value(QStringLiteral("inquiryCommentId"))),
                decodeHtmlEntities(comment.value(QStringLiteral("content")).toString()),
                koreaTime(comment.value(QStringLiteral("inquiryCommentAt")).toString()),
                comment.value(QStringLiteral("replyBy")).toString());
        }
    }
    return batch;
}

MarketplaceBatch parseCoupangCallCenterInquiries(const QByteArray& json, const QString& source)
{
    MarketplaceBatch batch;
    const Envelope env = coupangEnvelope(json);
    if (!env.problem.isEmpty()) {
        batch.problems << env.problem;
        return batch;
    }
    batch.totalPages = env.totalPages;
    for (const QJsonValue& v : env.items) {
        const QJsonObject item = v.toObject();
        const QString id = idText(item.value(QStringLiteral("inquiryId")));
        if (id.isEmpty()) {
            batch.problems << QStringLiteral("a call-center inquiry without an inquiryId was skipped");
            continue;
        }
        const QString key = externalIdFor(Channel::Coupang, QStringLiteral("call"), id);
        InboundMessage q = listItemMessage(Channel::Coupang, item, key, key, source);
        q.text = decodeHtmlEntities(item.value(QStringLiteral("content")).toString());
        q.date = koreaTime(item.value(QStringLiteral("inquiryAt")).toString());
        const QString category = item.value(QStringLiteral("receiptCategory")).toString();
        q.subject =
            QStringLiteral("[쿠팡 콜센터%1] %2")
                .arg(category.isEmpty() ? QString() : QStringLiteral(" · ") + category, firstLineOf(q.text));
        if (const QString order = idText(item.value(QStringLiteral("orderId"))); !order.isEmpty())
            q.orderNumbers << order;
        q.orderNumbers += findOrderNumbers(q.text);
        q.orderNumbers.removeDuplicates();
        const QString phone = item.value(QStringLiteral("buyerPhone")).toString();
        q.customer =
            buyerIdentity(identityKindOf(Channel::Coupang), QString(),
                          q.orderNumbers.isEmpty() ? key : QStringLiteral("order:") + q.orderNumbers.first());
        q.customerName =
            phone.isEmpty() ? QStringLiteral("쿠팡 구매자") : QStringLiteral("쿠팡 구매자 ") + phone;
        q.fromName = q.customerName;
        batch.messages << q;
        for (const QJsonValue& r : item.value(QStringLiteral("replies")).toArray()) {
            const QJsonObject reply = r.toObject();
            const bool vendor =
                reply.value(QStringLiteral("answerType")).toString() == QLatin1String("vendor");
            InboundMessage a = answerOf(q, reply, idText(reply.value(QStringLiteral("answerId"))),
                                        decodeHtmlEntities(reply.value(QStringLiteral("content")).toString()),
                                        koreaTime(reply.value(QStringLiteral("replyAt")).toString()),
                                        reply.value(QStringLiteral("receptionistName")).toString());
            // A Coupang agent's note passed to the seller is incoming: it asks for an answer.
            if (!vendor) {
                a.direction = Direction::In;
                a.fromName = QStringLiteral("쿠팡 상담사 ") + a.fromName;
            }
            batch.messages << a;
        }
    }
    return batch;
}

namespace {

QJsonObject naverRoot(const QByteArray& json, MarketplaceBatch& batch)
{
    QString problem;
    const QJsonObject root = readMarketplaceRoot(json, problem);
    if (!problem.isEmpty()) {
        batch.problems << problem;
        return {};
    }
    batch.totalPages = root.value(QStringLiteral("totalPages")).toInt(1);
    return root;
}

} // namespace

MarketplaceBatch parseNaverQnas(const QByteArray& json, const QString& source)
{
    MarketplaceBatch batch;
    const QJsonObject root = naverRoot(json, batch);
    for (const QJsonValue& v : root.value(QStringLiteral("contents")).toArray()) {
        const QJsonObject item = v.toObject();
        const QString id = idText(item.value(QStringLiteral("questionId")));
        if (id.isEmpty()) {
            batch.problems << QStringLiteral("a product question without a questionId was skipped");
            continue;
        }
        const QString key = externalIdFor(Channel::Naver, QStringLiteral("qna"), id);
        InboundMessage q = listItemMessage(Channel::Naver, item, key, key, source);
        q.text = decodeHtmlEntities(item.value(QStringLiteral("question")).toString());
        q.date = isoTime(item.value(QStringLiteral("createDate")).toString());
        const QString product = item.value(QStringLiteral("productName")).toString();
        q.subject =
            QStringLiteral("[네이버 상품문의] %1").arg(product.isEmpty() ? firstLineOf(q.text) : product);
        q.orderNumbers = findOrderNumbers(q.text);
        const QString writer = item.value(QStringLiteral("maskedWriterId")).toString();
        q.customer = buyerIdentity(identityKindOf(Channel::Naver), writer, key);
        q.customerName = writer.isEmpty() ? QStringLiteral("네이버 구매자") : writer;
        q.fromName = q.customerName;
        batch.messages << q;
        const QString answer = item.value(QStringLiteral("answer")).toString();
        if (item.value(QStringLiteral("answered")).toBool() && !answer.isEmpty())
            batch.messages << answerOf(
                q, QJsonObject{{QStringLiteral("questionId"), id}, {QStringLiteral("answer"), answer}},
                QStringLiteral("1"), decodeHtmlEntities(answer), q.date.addSecs(1), {});
    }
    return batch;
}

MarketplaceBatch parseNaverInquiries(const QByteArray& json, const QString& source)
{
    MarketplaceBatch batch;
    const QJsonObject root = naverRoot(json, batch);
    for (const QJsonValue& v : root.value(QStringLiteral("content")).toArray()) {
        const QJsonObject item = v.toObject();
        const QString id = idText(item.value(QStringLiteral("inquiryNo")));
        if (id.isEmpty()) {
            batch.problems << QStringLiteral("a customer inquiry without an inquiryNo was skipped");
            continue;
        }
        const QString key = externalIdFor(Channel::Naver, QStringLiteral("inquiry"), id);
        InboundMessage q = listItemMessage(Channel::Naver, item, key, key, source);
        q.text = decodeHtmlEntities(item.value(QStringLiteral("inquiryContent")).toString());
        q.date = isoTime(item.value(QStringLiteral("inquiryRegistrationDateTime")).toString());
        const QString category = item.value(QStringLiteral("category")).toString();
        q.subject = QStringLiteral("[네이버 %1문의] %2")
                        .arg(category, item.value(QStringLiteral("title")).toString().simplified());
        if (const QString order = idText(item.value(QStringLiteral("orderId"))); !order.isEmpty())
            q.orderNumbers << order;
        for (const QString& po : item.value(QStringLiteral("productOrderIdList"))
                                     .toString()
                                     .split(QLatin1Char(','), Qt::SkipEmptyParts))
            q.orderNumbers << po.trimmed();
        q.orderNumbers += findOrderNumbers(q.text);
        q.orderNumbers.removeDuplicates();
        const QString customerId = item.value(QStringLiteral("customerId")).toString();
        const QString name = item.value(QStringLiteral("customerName")).toString();
        q.customer = buyerIdentity(identityKindOf(Channel::Naver), customerId, key);
        q.customerName = name.isEmpty() ? QStringLiteral("네이버 구매자") : name;
        q.fromName = q.customerName;
        batch.messages << q;
        const QString answer = item.value(QStringLiteral("answerContent")).toString();
        if (item.value(QStringLiteral("answered")).toBool() && !answer.isEmpty())
            batch.messages << answerOf(q,
                                       QJsonObject{{QStringLiteral("inquiryNo"), id},
                                                   {QStringLiteral("answerContentId"),
                                                    item.value(QStringLiteral("answerContentId"))},
                                                   {QStringLiteral("answerContent"), answer}},
                                       idText(item.value(QStringLiteral("answerContentId"))),
                                       decodeHtmlEntities(answer), q.date.addSecs(1), {});
    }
    return batch;
}

} // namespace casebook
