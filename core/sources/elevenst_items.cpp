#include "sources/elevenst_items.h"

#include "mail/html_text.h"
#include "mail/order_numbers.h"
#include "model/channel_keys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

namespace casebook {

// 11st's product Q&A list (GET /rest/prodqnaservices/prodqnalist/…) as 11st's Open API guide describes it.
const XmlItemMapping kElevenstQna = {
    .list = "qna",
    .record = "productQna",
    .id = "brdInfoNo",
    .text = "brdInfoCont",
    .title = "brdInfoSbjct",
    .product = "prdNm",
    .date = "createDt",
    .time = "",
    .order = "ordNoDe",
    .buyerId = "memID",
    .buyerName = "memNM",
    .category = "qnaDtlsCdNm",
    .subjectLabel = "[11번가 상품Q&A]",
    .answered = "answerYn",
    .answer = "answerCont",
    .answerDate = "answerDt",
    .replyBy = "",
    .state = "",
    .againState = "",
};

// 11st's urgent notices (GET /rest/alimi/getalimilist/…): 11st's own questions to the seller (often for a
// buyer), with a reply-by date; state 04 (재답변요청) asks for another answer.
const XmlItemMapping kElevenstNotice = {
    .list = "notice",
    .record = "alimListInfo",
    .id = "emerNtceSeq",
    .text = "emerCtnt",
    .title = "emerNtceSubject",
    .product = "prdNm",
    .date = "createDt",
    .time = "createTm",
    .order = "ordNo",
    .buyerId = "memId",
    .buyerName = "memNm",
    .category = "emerNtceClfNm2",
    .subjectLabel = "[11번가 긴급알리미]",
    .answered = "",
    .answer = "emerReplyCtnt",
    .answerDate = "",
    .replyBy = "emerReplyDt",
    .state = "emerNtceCrntCd",
    .againState = "04",
};

namespace {

const QTimeZone kKorea(9 * 3600);

QString field(const QJsonObject& item, const char* name)
{
    return *name ? item.value(QLatin1String(name)).toString().trimmed() : QString();
}

// 11st writes Korea times in several shapes: "2010-01-19 12:47:02.0", "20140929" + "12:30:30",
// "2010/01/19".
QDateTime elevenstTime(const QString& date, const QString& time = {})
{
    QString d = date;
    if (d.size() == 8 && !d.contains(QLatin1Char('-')) && !d.contains(QLatin1Char('/')))
        d = d.left(4) + QLatin1Char('-') + d.mid(4, 2) + QLatin1Char('-') + d.mid(6, 2);
    d.replace(QLatin1Char('/'), QLatin1Char('-'));
    if (!time.isEmpty())
        d += QLatin1Char(' ') + time;
    const qsizetype dot = d.indexOf(QLatin1Char('.'));
    if (dot > 0)
        d.truncate(dot);
    QDateTime t = QDateTime::fromString(d, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!t.isValid()) {
        const QDate day = QDate::fromString(d.left(10), QStringLiteral("yyyy-MM-dd"));
        if (!day.isValid())
            return {};
        t = QDateTime(day, QTime(0, 0));
    }
    t.setTimeZone(kKorea);
    return t.toUTC();
}

} // namespace

MarketplaceBatch parseElevenstItems(const XmlItemMapping& map, const QList<QJsonObject>& records,
                                    const QString& source)
{
    MarketplaceBatch batch;
    const QString list = QLatin1String(map.list);
    for (const QJsonObject& item : records) {
        const QString id = field(item, map.id);
        if (id.isEmpty()) {
            batch.problems << QStringLiteral("an 11st %1 item without its %2 was skipped")
                                  .arg(list, QLatin1String(map.id));
            continue;
        }
        const QString key = externalIdFor(Channel::Elevenst, list, id);
        InboundMessage q = listItemMessage(Channel::Elevenst, item, key, key, source);
        q.text = decodeHtmlEntities(field(item, map.text));
        q.date = elevenstTime(field(item, map.date), field(item, map.time));
        const QString title = field(item, map.title);
        const QString product = field(item, map.product);
        const QString category = field(item, map.category);
        q.subject = QStringLiteral("%1%2 %3")
                        .arg(QString::fromUtf8(map.subjectLabel),
                             category.isEmpty() ? QString() : QStringLiteral(" ") + category,
                             title.isEmpty() ? firstLineOf(q.text) : title);
        if (!product.isEmpty())
            q.subject += QStringLiteral(" · ") + product;
        if (const QString order = field(item, map.order); !order.isEmpty())
            q.orderNumbers << order;
        q.orderNumbers += findOrderNumbers(q.text);
        q.orderNumbers.removeDuplicates();
        const QString buyer = field(item, map.buyerId);
        // A masked or missing id names nobody: the buyer of this item only.
        q.customer = {identityKindOf(Channel::Elevenst),
                      buyer.isEmpty() || buyer.contains(QLatin1Char('*')) ? key : buyer};
        const QString name = field(item, map.buyerName);
        q.customerName = name.isEmpty() ? QStringLiteral("11번가 구매자") : name;
        q.fromName = q.customerName;
        if (const QString due = field(item, map.replyBy); !due.isEmpty()) {
            const QDateTime day = elevenstTime(due);
            if (day.isValid())
                q.replyBy = day.addSecs(24 * 3600 - 1); // the end of that Korea day
        }
        batch.messages << q;

        // The seller's answers 11st lists with the item: outgoing messages of the same thread.
        QStringList answers;
        const QJsonValue answer = item.value(QLatin1String(map.answer));
        if (answer.isArray()) {
            for (const QJsonValue& a : answer.toArray())
                if (!a.toString().trimmed().isEmpty())
                    answers << a.toString().trimmed();
        } else if (!answer.toString().trimmed().isEmpty() &&
                   (!*map.answered || field(item, map.answered) == QLatin1String("Y"))) {
            answers << answer.toString().trimmed();
        }
        const QDateTime answeredAt = elevenstTime(field(item, map.answerDate));
        for (int i = 0; i < answers.size(); ++i) {
            InboundMessage a = followUpOf(
                q, QJsonObject{{QLatin1String(map.id), id}, {QLatin1String(map.answer), answers[i]}},
                key + QStringLiteral(":answer:%1").arg(i + 1));
            a.direction = Direction::Out;
            a.text = decodeHtmlEntities(answers[i]);
            // 11st gives an answer's day at most: never before the question.
            a.date = answeredAt.isValid() && answeredAt > q.date ? answeredAt : q.date.addSecs(i + 1);
            batch.messages << a;
        }
        // 11st asks for another answer: a question of its own in the thread, once per answer given.
        if (*map.againState && field(item, map.state) == QLatin1String(map.againState)) {
            // The item as listed now, marked: ingest knows raw items by their hash, and the question was
            // stored from the same item.
            QJsonObject raw = item;
            raw.insert(QStringLiteral("casebookEvent"), QStringLiteral("again:%1").arg(answers.size()));
            InboundMessage again = followUpOf(q, raw, key + QStringLiteral(":again:%1").arg(answers.size()));
            again.text = QStringLiteral("11번가가 재답변을 요청했습니다.\n\n") + q.text;
            again.date = q.date.addSecs(answers.size() + 1);
            again.fromName = QStringLiteral("11번가");
            again.replyBy = q.replyBy;
            batch.messages << again;
        }
    }
    return batch;
}

} // namespace casebook
