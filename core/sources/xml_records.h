// Reading the XML answers of marketplaces that speak XML (11st): a flat list of records, each a JSON object
// of its fields, so the parsers and the stored raw items look the same as for the JSON marketplaces.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace casebook {

struct XmlRecords {
    QList<QJsonObject> records; // one per <recordName> element under the root, in order
    QJsonObject top;            // the root's other text children (result_code, result_text, resultCode, …)
    QString root;               // the root element's local name
    QString problem;            // not well-formed XML; empty when it was read
};

// Reads `body`, decoded from the charset its XML declaration names (else `contentType`'s charset, else
// UTF-8; Korean names read as CP949, as 11st sends EUC-KR). Namespace prefixes are dropped (`ns2:alimi` is
// `alimi`): the services declare them inconsistently. In a record, an element with text is a string field;
// an element holding elements (a list such as <emerReplyList><emerReplyCtnt>…) becomes an array of their
// texts under the inner elements' name.
XmlRecords readXmlRecords(const QByteArray& body, const QByteArray& contentType, const QString& recordName);

// Text for an XML element: &, < and > escaped (answers are sent as element text).
QString xmlEscaped(const QString& text);

} // namespace casebook
