// core/sources/ owns where raw items come from: mail files and folders, marketplace API answers and CSV
// exports. Each source yields items with their provenance; parsing marketplace JSON into messages lives here.
#pragma once

#include "model/values.h"

#include <QByteArray>
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

// Parsers for the documented JSON answers (see docs/marketplaces.md). `source` names the account.
MarketplaceBatch parseCoupangOnlineInquiries(const QByteArray& json, const QString& source);
MarketplaceBatch parseCoupangCallCenterInquiries(const QByteArray& json, const QString& source);
MarketplaceBatch parseNaverQnas(const QByteArray& json, const QString& source);
MarketplaceBatch parseNaverInquiries(const QByteArray& json, const QString& source);

} // namespace casebook
