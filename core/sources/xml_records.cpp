#include "sources/xml_records.h"

#include "mail/charset.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace casebook {
namespace {

QByteArray declaredCharset(const QByteArray& body, const QByteArray& contentType)
{
    static const QRegularExpression decl(QStringLiteral(R"(^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["'])"));
    const auto m = decl.match(QString::fromLatin1(body.left(200)));
    if (m.hasMatch())
        return m.captured(1).toLatin1().toLower();
    const qsizetype at = contentType.toLower().indexOf("charset=");
    if (at >= 0)
        return contentType.mid(at + 8).trimmed().toLower();
    return "utf-8";
}

QString localName(QStringView qualified)
{
    const qsizetype colon = qualified.indexOf(QLatin1Char(':'));
    return (colon < 0 ? qualified : qualified.mid(colon + 1)).toString();
}

} // namespace

XmlRecords readXmlRecords(const QByteArray& body, const QByteArray& contentType, const QString& recordName)
{
    XmlRecords out;
    const QByteArray charset = declaredCharset(body, contentType);
    QString text = charset == "utf-8" || charset == "utf8" ? QString::fromUtf8(body)
                                                            : decodeCharset(body, charset);
    // Already decoded: a declaration naming another charset would mislead the reader.
    static const QRegularExpression declaration(QStringLiteral(R"(^\s*<\?xml[^>]*\?>)"));
    text.remove(declaration);
    QXmlStreamReader xml(text);
    // Prefixes such as ns2: are sometimes used without being declared.
    xml.setNamespaceProcessing(false);
    int depth = 0;
    QJsonObject record;
    QString field;        // the record's field being read (depth 3)
    QString fieldText;
    QJsonObject listField; // inner elements of a list field, by name
    bool fieldIsList = false;
    QString topField;
    QString topText;
    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::StartElement: {
            ++depth;
            const QString name = localName(xml.qualifiedName());
            if (depth == 1) {
                out.root = name;
            } else if (depth == 2) {
                if (name == recordName) {
                    record = {};
                } else {
                    topField = name;
                    topText.clear();
                }
            } else if (depth == 3 && topField.isEmpty()) {
                field = name;
                fieldText.clear();
                fieldIsList = false;
                listField = {};
            } else if (depth == 4 && topField.isEmpty()) {
                fieldIsList = true;
                fieldText.clear();
            }
            break;
        }
        case QXmlStreamReader::Characters:
            if (depth == 2 && !topField.isEmpty())
                topText += xml.text();
            else if (depth >= 3 && topField.isEmpty())
                fieldText += xml.text();
            break;
        case QXmlStreamReader::EndElement: {
            const QString name = localName(xml.qualifiedName());
            if (depth == 4 && topField.isEmpty()) {
                QJsonArray items = listField.value(name).toArray();
                items.append(fieldText.trimmed());
                listField.insert(name, items);
                fieldText.clear();
            } else if (depth == 3 && topField.isEmpty()) {
                if (fieldIsList) {
                    for (auto it = listField.begin(); it != listField.end(); ++it) {
                        QJsonArray merged = record.value(it.key()).toArray();
                        for (const QJsonValue& v : it.value().toArray())
                            merged.append(v);
                        record.insert(it.key(), merged);
                    }
                } else {
                    record.insert(field, fieldText.trimmed());
                }
            } else if (depth == 2) {
                if (topField.isEmpty())
                    out.records << record;
                else
                    out.top.insert(topField, topText.trimmed());
                topField.clear();
            }
            --depth;
            break;
        }
        default:
            break;
        }
    }
    if (xml.hasError())
        out.problem = QStringLiteral("not well-formed XML: %1 at line %2")
                          .arg(xml.errorString())
                          .arg(xml.lineNumber());
    return out;
}

QString xmlEscaped(const QString& text)
{
    QString out = text;
    out.replace(QLatin1Char('&'), QStringLiteral("&amp;"))
        .replace(QLatin1Char('<'), QStringLiteral("&lt;"))
        .replace(QLatin1Char('>'), QStringLiteral("&gt;"));
    return out;
}

} // namespace casebook
