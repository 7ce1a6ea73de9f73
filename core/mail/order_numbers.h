#pragma once

#include <QStringList>

namespace casebook {

// Order numbers named in a text: Amazon ids (123-1234567-1234567) anywhere, and Coupang or Naver numeric
// ids (8 to 20 digits) when a word like 주문번호, 주문, order or 오더 stands just before them.
QStringList findOrderNumbers(const QString& text);

// The first Amazon order number (123-1234567-1234567) in a text; empty when there is none.
QString firstAmazonOrderNumber(const QString& text);

} // namespace casebook
