#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace casebook::report {

// A table as CSV that Excel opens as it is: UTF-8 (with a byte-order mark when `bom`, which is how Excel
// knows Korean is UTF-8), CRLF line ends, cells quoted when they hold a comma, quote or line break. A cell
// that begins with =, +, -, @, a tab or a carriage return is neutralised with a leading apostrophe:
// spreadsheets run such a cell as a formula, and a customer wrote it (CSV injection).
QByteArray csvTable(const QList<QStringList>& rows, bool bom);
QString csvCell(const QString& cell);

} // namespace casebook::report
