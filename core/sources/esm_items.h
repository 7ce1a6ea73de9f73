// G마켓/옥션's seller Q&A (고객문의 게시판) and urgent notices (긴급알리미) as messages, from the ESM Trading
// API's JSON lists. ESM documents the lists' fields loosely (names change case between the sites, some are
// not documented at all), so which field means what is a table (kEsmQna, kEsmNotice), not code: see
// docs/marketplaces.md, where each guess is marked "(uncertain)".
#pragma once

#include "sources/marketplace_items.h"

#include <QJsonObject>

namespace casebook {

// The two sites one ESM account answers on; a record's site is the request's (ESM lists each site apart).
enum class EsmSite { Gmarket, Auction };
QString esmSiteLetter(EsmSite site); // "G", "A": the letter ESM's ssi claim uses
QString esmSiteName(EsmSite site);   // "G마켓", "옥션"

// Where one ESM list keeps each thing a message needs. A name may list spellings separated by '|'
// ("details|comments"): the first present wins, and names match whatever their case (ESM writes
// `MessageNo` on one site and `messageNo` on the other). Empty: the list has no such field.
struct EsmItemMapping {
    const char* list;        // the external id's list: "qna", "notice"
    const char* id;          // the item's number; the answer call names it
    const char* text;        // the customer's (or ESM's) words
    const char* title;
    const char* date;        // receipt time, Korea time: "2019-04-15T10:00:00+09:00" or "2019-04-15 10:00:00"
    const char* product;     // the site's product number or name
    const char* order;       // the order number; "-" when there is none
    const char* buyerId;
    const char* buyerName;
    const char* category;    // 문의유형
    const char* state;       // 처리상태
    const char* answeredState; // the state's value once answered ("처리완료")
    const char* answer;      // the seller's answer text, when the list gives it
    const char* answerDate;
    const char* replyBy;     // the date by which ESM wants the answer (end of that Korea day)
    const char* subjectLabel; // "[%1 고객문의]", %1 the site's name
};

extern const EsmItemMapping kEsmQna;
extern const EsmItemMapping kEsmNotice;

// The value of `names` (see EsmItemMapping) in the record, as text (numbers as their digits).
QString esmField(const QJsonObject& record, const char* names);

// The records of one list answer: a JSON array, or an object whose Data/data holds the array (ESM answers
// both ways). `problem` says why the body could not be read; empty when it was.
QList<QJsonObject> esmRecords(const QByteArray& body, QString* problem);

// One list's records (of one site) as messages of `source` ("esm:shop"). Each record is kept as its raw
// item with the site added (`casebookSite`), which the answer needs.
MarketplaceBatch parseEsmItems(const EsmItemMapping& mapping, EsmSite site, const QList<QJsonObject>& records,
                               const QString& source);

// Whether ESM lists the item as answered already (its state is the answered one).
bool esmAnswered(const EsmItemMapping& mapping, const QJsonObject& record);

} // namespace casebook
