#include "sources/ebay_items.h"

#include "mail/order_numbers.h"
#include "model/channel_keys.h"
#include "sources/marketplace_json.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace casebook {
namespace {

using marketplace_json::isoTime;

// Which field of a post-order case means what: the two lists name them differently. Data, not code: where
// eBay's pages are unclear (the return's reason text), docs/marketplaces.md says so.
struct EbayCaseMapping {
    const char* list;
    const char* subjectLabel;
    QStringList id; // a path of object keys
    QStringList status;
    QStringList created; // {"value": ISO time}
    QStringList respondBy;
    QStringList modified;
    QStringList buyer;
    QStringList item;
    QStringList order;
    QStringList text; // the buyer's words, when the list carries them
};

const EbayCaseMapping kInquiry{
    "inquiry",
    "[eBay INR inquiry]",
    {QStringLiteral("inquiryId")},
    {QStringLiteral("inquiryStatusEnum")},
    {QStringLiteral("creationDate"), QStringLiteral("value")},
    {QStringLiteral("respondByDate"), QStringLiteral("value")},
    {QStringLiteral("lastModifiedDate"), QStringLiteral("value")},
    {QStringLiteral("buyer")},
    {QStringLiteral("itemId")},
    {QStringLiteral("transactionId")},
    {},
};

const EbayCaseMapping kReturn{
    "return",
    "[eBay return]",
    {QStringLiteral("returnId")},
    {QStringLiteral("state")},
    {QStringLiteral("creationInfo"), QStringLiteral("creationDate"), QStringLiteral("value")},
    {QStringLiteral("sellerResponseDue"), QStringLiteral("respondByDate"), QStringLiteral("value")},
    {QStringLiteral("creationInfo"), QStringLiteral("creationDate"), QStringLiteral("value")},
    {QStringLiteral("buyerLoginName")},
    {QStringLiteral("creationInfo"), QStringLiteral("item"), QStringLiteral("itemId")},
    {QStringLiteral("orderId")},
    {QStringLiteral("creationInfo"), QStringLiteral("comments"), QStringLiteral("content")},
};

QJsonValue at(const QJsonObject& o, const QStringList& path)
{
    if (path.isEmpty())
        return {};
    QJsonValue v = o.value(path.first());
    for (qsizetype i = 1; i < path.size(); ++i)
        v = v.toObject().value(path[i]);
    return v;
}

QString textAt(const QJsonObject& o, const QStringList& path)
{
    return marketplace_json::idText(at(o, path));
}

// The answer's top object, or false with the problem noted in the batch.
bool rootOf(const QByteArray& json, MarketplaceBatch& batch, QJsonObject& root)
{
    QString problem;
    root = readMarketplaceRoot(json, problem);
    if (problem.isEmpty())
        return true;
    batch.problems << problem;
    return false;
}

} // namespace

bool ebayCaseClosed(const QString& status)
{
    return status.contains(QLatin1String("CLOSED"));
}

MarketplaceBatch parseEbayConversation(const QByteArray& json, const QString& sellerUsername,
                                       const QString& source)
{
    MarketplaceBatch batch;
    QJsonObject root;
    if (!rootOf(json, batch, root))
        return batch;
    const QString conversation = textAt(root, {QStringLiteral("conversationId")});
    if (conversation.isEmpty()) {
        batch.problems << QStringLiteral("a conversation without its conversationId was skipped");
        return batch;
    }
    const QString key = externalIdFor(Channel::Ebay, QStringLiteral("msg"), conversation);
    const QString title = root.value(QStringLiteral("conversationTitle")).toString().simplified();
    // The buyer: whoever of the two is not the seller.
    QString buyer;
    for (const QJsonValue& v : root.value(QStringLiteral("messages")).toArray()) {
        const QJsonObject o = v.toObject();
        for (const char* who : {"senderUsername", "recipientUsername"})
            if (const QString name = o.value(QLatin1String(who)).toString();
                buyer.isEmpty() && !name.isEmpty() && name != sellerUsername)
                buyer = name;
    }
    for (const QJsonValue& v : root.value(QStringLiteral("messages")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString id = textAt(o, {QStringLiteral("messageId")});
        if (id.isEmpty()) {
            batch.problems << QStringLiteral("a message without its messageId was skipped");
            continue;
        }
        InboundMessage m = listItemMessage(Channel::Ebay, o, key + QLatin1Char(':') + id, key, source);
        m.direction = o.value(QStringLiteral("senderUsername")).toString() == sellerUsername ? Direction::Out
                                                                                             : Direction::In;
        m.text = o.value(QStringLiteral("messageBody")).toString();
        m.date = isoTime(o.value(QStringLiteral("createdDate")).toString());
        const QString subject = o.value(QStringLiteral("subject")).toString().simplified();
        m.subject = QStringLiteral("[eBay] ") + (title.isEmpty() ? subject : title);
        m.fromName = o.value(QStringLiteral("senderUsername")).toString();
        m.customer = {identityKindOf(Channel::Ebay), buyer.isEmpty() ? key : buyer};
        m.customerName = buyer.isEmpty() ? QStringLiteral("eBay buyer") : buyer;
        m.orderNumbers = findOrderNumbers(m.text);
        batch.messages << m;
    }
    return batch;
}

MarketplaceBatch parseEbayCases(const QString& list, const QByteArray& json, const QString& source)
{
    const EbayCaseMapping& map = list == QLatin1String("return") ? kReturn : kInquiry;
    MarketplaceBatch batch;
    QJsonObject root;
    if (!rootOf(json, batch, root))
        return batch;
    batch.totalPages = std::max(1, root.value(QStringLiteral("paginationOutput"))
                                       .toObject()
                                       .value(QStringLiteral("totalPages"))
                                       .toInt(1));
    for (const QJsonValue& v : root.value(QStringLiteral("members")).toArray()) {
        const QJsonObject item = v.toObject();
        const QString id = textAt(item, map.id);
        if (id.isEmpty()) {
            batch.problems << QStringLiteral("an eBay %1 without its id was skipped").arg(list);
            continue;
        }
        const QString key = externalIdFor(Channel::Ebay, list, id);
        InboundMessage q = listItemMessage(Channel::Ebay, item, key, key, source);
        const QString status = textAt(item, map.status);
        const QString itemId = textAt(item, map.item);
        const QString words = textAt(item, map.text);
        q.date = isoTime(textAt(item, map.created));
        q.replyBy = isoTime(textAt(item, map.respondBy));
        q.subject = QStringLiteral("%1 %2 (item %3)").arg(QString::fromUtf8(map.subjectLabel), id, itemId);
        // A list item carries no words of the buyer for an inquiry: say what eBay tells.
        q.text = words.isEmpty() ? QStringLiteral("eBay %1 %2 for item %3 is %4. Respond by %5.")
                                       .arg(list, id, itemId, status,
                                            q.replyBy.isValid() ? q.replyBy.toString(Qt::ISODate)
                                                                : QStringLiteral("eBay's deadline"))
                                 : words;
        const QString buyer = textAt(item, map.buyer);
        q.customer = {identityKindOf(Channel::Ebay), buyer.isEmpty() ? key : buyer};
        q.customerName = buyer.isEmpty() ? QStringLiteral("eBay buyer") : buyer;
        q.fromName = q.customerName;
        if (const QString order = textAt(item, map.order); !order.isEmpty())
            q.orderNumbers << order;
        batch.messages << q;
        if (ebayCaseClosed(status)) {
            // The case closed at eBay: a note in its thread, which refuses further answers.
            // Marked: ingest knows raw items by their hash, and the question may come from the same item.
            QJsonObject raw = item;
            raw.insert(QStringLiteral("casebookEvent"), QStringLiteral("state:") + status);
            InboundMessage note = followUpOf(q, raw, key + QStringLiteral(":state:") + status);
            note.direction = Direction::Note;
            note.text = QStringLiteral("eBay closed %1 %2 (%3).").arg(list, id, status);
            const QDateTime modified = isoTime(textAt(item, map.modified));
            note.date = modified.isValid() && modified > q.date ? modified : q.date.addSecs(1);
            batch.messages << note;
        }
    }
    return batch;
}

} // namespace casebook
