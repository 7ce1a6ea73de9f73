#include "report/csv_table.h"

namespace casebook::report {

QString csvCell(const QString& cell)
{
    QString c = cell;
    static const QString kFormulaStarts = QStringLiteral("=+-@\t\r");
    if (!c.isEmpty() && kFormulaStarts.contains(c.front()))
        c.prepend(QLatin1Char('\''));
    if (c.contains(QLatin1Char(',')) || c.contains(QLatin1Char('"')) || c.contains(QLatin1Char('\n')) ||
        c.contains(QLatin1Char('\r')))
        c = QLatin1Char('"') + c.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return c;
}

QByteArray csvTable(const QList<QStringList>& rows, bool bom)
{
    QString text;
    for (const QStringList& row : rows) {
        QStringList cells;
        for (const QString& cell : row)
            cells << csvCell(cell);
        text += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    QByteArray out = bom ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    return out + text.toUtf8();
}

} // namespace casebook::report
