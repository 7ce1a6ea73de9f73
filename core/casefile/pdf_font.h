#pragma once

#include <QFont>

namespace casebook {

// The font of Casebook's PDFs (the case file's report, the claims list): Latin and digits from DejaVu Sans,
// a TrueType family (Qt's PDF text map loses the digits and ligatures it shapes with Noto CJK's OpenType
// features, so a reader could not copy a hash or an order number), Hangul from Noto Sans CJK, embedded.
// Needs a QGuiApplication.
QFont pdfFont(qreal pointSize);

} // namespace casebook
