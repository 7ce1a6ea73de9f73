// core/sources/ owns where raw items come from: mail files and folders, marketplace API answers and CSV
// exports. Each source yields items with their provenance; parsing marketplace JSON into messages lives here.
#pragma once

#include "model/values.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace casebook {

// What one page of a marketplace answer held: the messages it yields (a question and the answers already
// given) and, for each item that could not be read, why. One bad item never loses the good ones.
struct MarketplaceBatch {
    QList<InboundMessage> messages;
    QStringList problems;
    int totalPages = 1;
};

// What every marketplace parser shares. The answer's top object (a leading byte-order mark tolerated);
// sets `problem` when it is no JSON.
QJsonObject readMarketplaceRoot(const QByteArray& json, QString& problem);
// One listed item as a message of `channel`: its raw JSON (compact, hashed), ids and source; the parser
// fills in the rest.
InboundMessage listItemMessage(Channel channel, const QJsonObject& raw, const QString& externalId,
                               const QString& threadKey, const QString& source);
// A message that follows `question` in its thread (the seller's answer, the market's note or request): a raw
// item and an id of its own; the channel, thread, source, subject, customer and order numbers of the
// question. The parser sets its direction, text, date and sender.
InboundMessage followUpOf(const InboundMessage& question, const QJsonObject& raw, const QString& externalId);
// The first line of an item's text, white space simplified, cut to `max` characters with an ellipsis: the
// subject of an item that has no title of its own.
QString firstLineOf(const QString& text, int max = 60);

// Parsers for the documented JSON answers (see docs/marketplaces.md). `source` names the account.
MarketplaceBatch parseCoupangOnlineInquiries(const QByteArray& json, const QString& source);
MarketplaceBatch parseCoupangCallCenterInquiries(const QByteArray& json, const QString& source);
MarketplaceBatch parseNaverQnas(const QByteArray& json, const QString& source);
MarketplaceBatch parseNaverInquiries(const QByteArray& json, const QString& source);

} // namespace casebook
