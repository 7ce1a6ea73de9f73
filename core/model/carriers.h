// Delivery companies by the codes the markets give them, as one table of data: a market's code (Naver's
// CJGLS, 11st's 00034) and the names a seller and a buyer know, in Korean and English.
#pragma once

#include "model/channel_table.h"

#include <QString>
#include <span>
#include <string_view>

namespace casebook {

struct Carrier {
    Channel channel;      // the market whose code this is
    std::string_view code;
    const char* korean;   // UTF-8
    const char* english;
};

// Every code Casebook knows (core/model/carriers.cpp), by market.
std::span<const Carrier> carrierTable();

// The carrier's name for the market's code, Korean unless `english`; the code itself when the table does not
// know it (a seller still recognises a code).
QString carrierName(Channel channel, const QString& code, bool english = false);

} // namespace casebook
