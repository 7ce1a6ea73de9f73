#include "sources/esm_items.h"

#include "mail/html_text.h"
#include "mail/order_numbers.h"
#include "model/channel_keys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

namespace casebook {

// ESM's 판매자문의 조회 (POST /item/v1/communications/customer/bulletin-board). The guide names token,
// contractType, InformStatus, ReAsking, MessageNo and a receipt date; title, details, siteGoodsNo, orderNo
// and inquirerName are read from public client code (uncertain), the answer's own fields are not published.
const EsmItemMapping kEsmQna = {
    .list = "qna",
    .id = "messageNo",
    .text = "details|comments|question",
    .title = "title",
    .date = "receiveDate|recieveDate",
    .product = "goodsName|siteGoodsNo",
    .order = "orderNo",
    .buyerId = "buyerId|inquirerId",
    .buyerName = "inquirerName|buyerName",
    .category = "contractType|contactType",
    .state = "informStatus",
    .answeredState = "처리완료",
    .answer = "answerComments|answer",
    .answerDate = "answerDate",
    .replyBy = "",
    .subjectLabel = "[%1 고객문의]",
};

// ESM's 긴급알리미 조회 (POST /assist/v1/Selling/GetEmergencyInformList): G마켓's or 옥션's customer centre
// asking the seller. The reply-by field is named as in Auction's older API (ReplyLimitDate; uncertain).
const EsmItemMapping kEsmNotice = {
    .list = "notice",
    .id = "emerMessageNo",
    .text = "details|comments",
    .title = "title",
    .date = "receiveDate|recieveDate",
    .product = "goodsName|siteGoodsNo",
    .order = "orderNo",
    .buyerId = "buyerId",
    .buyerName = "inquirerName|buyerName",
    .category = "contactType|contractType",
    .state = "informStatus",
    .answeredState = "처리완료",
    .answer = "answerComments|answer",
    .answerDate = "answerDate",
    .replyBy = "replyLimitDate|replyDueDate",
    .subjectLabel = "[%1 긴급알리미]",
};

namespace {

const QTimeZone kKorea(9 * 3600);

QJsonValue valueOf(const QJsonObject& record, QStringView name)
{
    const auto exact = record.constFind(name);
    if (exact != record.constEnd())
        return *exact;
    for (auto it = record.constBegin(); it != record.constEnd(); ++it)
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return *it;
    return {};
}

QString textOf(const QJsonValue& v)
{
    if (v.isString())
        return v.toString().trimmed();
    if (v.isDouble()) // ids as numbers: whole numbers within 2^53 in what ESM lists
        return QString::number(static_cast<qint64>(v.toDouble()));
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

// "2019-04-15T10:00:00+09:00", "2019-04-15T10:00:00.123", "2019-04-15 10:00:00", "2019-04-15": Korea time
// unless the text names a zone.
QDateTime esmTime(const QString& text)
{
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        QString s = text;
        s.replace(QLatin1Char(' '), QLatin1Char('T'));
        t = QDateTime::fromString(s, Qt::ISODateWithMs);
    }
    if (!t.isValid()) {
        const QDate day = QDate::fromString(text.left(10), Qt::ISODate);
        if (!day.isValid())
            return {};
        t = QDateTime(day, QTime(0, 0));
    }
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeZone(kKorea);
    return t.toUTC();
}

} // namespace

QString esmSiteLetter(EsmSite site)
{
    return site == EsmSite::Gmarket ? QStringLiteral("G") : QStringLiteral("A");
}

QString esmSiteName(EsmSite site)
{
    return site == EsmSite::Gmarket ? QStringLiteral("G마켓") : QStringLiteral("옥션");
}

QString esmField(const QJsonObject& record, const char* names)
{
    for (const QString& name : QString::fromLatin1(names).split(QLatin1Char('|'), Qt::SkipEmptyParts))
        if (const QString v = textOf(valueOf(record, name)); !v.isEmpty())
            return v;
    return {};
}

QList<QJsonObject> esmRecords(const QByteArray& body, QString* problem)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    QJsonArray items;
    if (doc.isArray()) {
        items = doc.array();
    } else if (doc.isObject()) {
        const QJsonValue data = valueOf(doc.object(), u"data");
        if (data.isArray())
            items = data.toArray();
        else if (!data.isNull() && !data.isUndefined())
            *problem = QStringLiteral("its data is not a list");
    } else {
        *problem = QStringLiteral("not JSON (%1)").arg(error.errorString());
    }
    QList<QJsonObject> out;
    for (const QJsonValue& v : items)
        if (v.isObject())
            out << v.toObject();
    return out;
}

bool esmAnswered(const EsmItemMapping& map, const QJsonObject& record)
{
    return esmField(record, map.state) == QString::fromUtf8(map.answeredState);
}

MarketplaceBatch parseEsmItems(const EsmItemMapping& map, EsmSite site, const QList<QJsonObject>& records,
                               const QString& source)
{
    MarketplaceBatch batch;
    const QString list = QLatin1String(map.list);
    for (QJsonObject item : records) {
        const QString number = esmField(item, map.id);
        if (number.isEmpty()) {
            batch.problems << QStringLiteral("an ESM %1 item without its %2 was skipped")
                                  .arg(list, QLatin1String(map.id));
            continue;
        }
        item.insert(QStringLiteral("casebookSite"), esmSiteLetter(site));
        // The two sites number their boards apart: the site's letter keeps their ids apart.
        const QString key =
            externalIdFor(Channel::Esm, list, esmSiteLetter(site) + QLatin1Char('-') + number);
        InboundMessage q = listItemMessage(Channel::Esm, item, key, key, source);
        q.text = decodeHtmlEntities(esmField(item, map.text));
        q.date = esmTime(esmField(item, map.date));
        const QString title = esmField(item, map.title);
        const QString category = esmField(item, map.category);
        const QString product = esmField(item, map.product);
        q.subject =
            QStringLiteral("%1%2 %3").arg(QString::fromUtf8(map.subjectLabel).arg(esmSiteName(site)),
                                          category.isEmpty() ? QString() : QStringLiteral(" ") + category,
                                          title.isEmpty() ? firstLineOf(q.text) : title);
        if (!product.isEmpty())
            q.subject += QStringLiteral(" · ") + product;
        if (const QString order = esmField(item, map.order); !order.isEmpty() && order != QLatin1String("-"))
            q.orderNumbers << order;
        q.orderNumbers += findOrderNumbers(q.text);
        q.orderNumbers.removeDuplicates();
        const QString buyer = esmField(item, map.buyerId);
        // A masked or missing id names nobody: the buyer of this item only.
        q.customer = {identityKindOf(Channel::Esm),
                      buyer.isEmpty() || buyer.contains(QLatin1Char('*')) ? key : buyer};
        const QString name = esmField(item, map.buyerName);
        q.customerName = name.isEmpty() ? esmSiteName(site) + QStringLiteral(" 구매자") : name;
        q.fromName = q.customerName;
        if (const QDateTime due = esmTime(esmField(item, map.replyBy)); due.isValid()) {
            // A date alone means the end of that Korea day; a time is taken as given.
            const QString text = esmField(item, map.replyBy);
            q.replyBy = text.size() <= 10 ? due.addSecs(24 * 3600 - 1) : due;
        }
        batch.messages << q;

        // The seller's answer, when the list gives its text: an outgoing message of the same thread.
        const QString answer = esmField(item, map.answer);
        if (!answer.isEmpty() && esmAnswered(map, item)) {
            InboundMessage a = followUpOf(q,
                                          QJsonObject{{QLatin1String(map.id), number},
                                                      {QStringLiteral("answer"), answer},
                                                      {QStringLiteral("casebookSite"), esmSiteLetter(site)}},
                                          key + QStringLiteral(":answer:1"));
            a.direction = Direction::Out;
            a.text = decodeHtmlEntities(answer);
            const QDateTime answeredAt = esmTime(esmField(item, map.answerDate));
            a.date = answeredAt.isValid() && answeredAt > q.date ? answeredAt : q.date.addSecs(1);
            batch.messages << a;
        }
    }
    return batch;
}

} // namespace casebook
