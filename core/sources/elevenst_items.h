// 11st's Q&A and urgent notices (긴급알리미) as messages. 11st answers in XML; each record's fields become
// a JSON object (sources/xml_records.h), which is what a message keeps as its raw item. Which field means
// what is a table (kElevenstQna, kElevenstNotice), not code: see docs/marketplaces.md.
#pragma once

#include "sources/marketplace_items.h"

#include <QJsonObject>

namespace casebook {

// Where one 11st list keeps each thing a message needs; an empty name: the list has no such field.
struct XmlItemMapping {
    const char* list;          // the external id's list: "qna", "notice"
    const char* record;        // the element of one item: "productQna", "alimListInfo"
    const char* id;            // the item's number
    const char* text;          // the customer's words
    const char* title;
    const char* product;
    const char* date;          // "2010-01-19 12:47:02.0", or a date "20140929" with `time` "12:30:30"
    const char* time;
    const char* order;
    const char* buyerId;
    const char* buyerName;
    const char* category;
    const char* subjectLabel;  // what the subject starts with: "[11번가 상품Q&A]"
    const char* answered;      // "Y" in this field: `answer` holds the seller's answer
    const char* answer;        // the seller's answer (text), or a list of answers (array)
    const char* answerDate;
    const char* replyBy;       // the date by which 11st wants the answer (end of that Korea day)
    const char* state;         // the item's state code
    const char* againState;    // the state in which 11st asks the seller to answer again
};

extern const XmlItemMapping kElevenstQna;
extern const XmlItemMapping kElevenstNotice;

// One list's records (already read from the XML) as messages of `source` ("11st:shop").
MarketplaceBatch parseElevenstItems(const XmlItemMapping& mapping, const QList<QJsonObject>& records,
                                    const QString& source);

} // namespace casebook
