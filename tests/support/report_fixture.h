#pragma once

#include "model/clock.h"
#include "model/enums.h"
#include "store/database.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace casebook::test {

// One ticket of the reports' fixture, as the test plans it: the figures are computed from these plans by
// the tests themselves, never read back with the report's SQL.
struct ReportFixtureTicket {
    QString customer; // an address (email) or a buyer id (marketplaces, CSV)
    Channel channel = Channel::Email;
    Category category = Category::Other;
    QDateTime askedAt;            // UTC: the customer's question (or the seller's first mail)
    qint64 answerAfterSecs = -1;  // the seller's answer; -1: none
    qint64 resolveAfterSecs = -1; // set resolved this long after the question; -1: never
    TicketStatus finalStatus = TicketStatus::Open;
    QString order;
    bool abusive = false;     // the customer is flagged
    int evidence = 0;         // evidence files on the ticket
    bool sellerFirst = false; // the seller wrote first: a ticket but no inquiry
    QString claimText;        // what the customer wrote
    QString subject;          // default "Inquiry N"
};

// The fixture: about a hundred tickets from late October to early December 2026 on every channel, with
// answers early and late (an email question on a Friday evening answered on Monday morning is in time on
// business hours), claims on shared order numbers, abusive customers, spam and a seller-first ticket.
// The email clock counts business hours (09:00–18:00 Mon–Fri, Korean holidays); the others 24 calendar
// hours.
namespace report_fixture {

QList<ReportFixtureTicket> plan();
// The products the fixture's order cache holds, by order number (what `write` stores with
// order_cache::store): ORD-1 and ORD-2 share a product, some single orders name the same product, one order
// has a product on two lines, one was fetched without its lines (counted by its number), ORD-3 was never
// fetched.
QMap<QString, QStringList> cachedProducts();
// The seller's answer to fixture ticket `index` as the seller wrote it; email answers quote the question
// below it (the stored text has the quote, the claims list must not).
QString answerText(int index);
// The clock's time after writing, and the moment the tests compute "now" figures at.
QDateTime now();
// Writes the plan through the real ingest and triage paths (the clock moves to each event's time);
// returns each planned ticket's id, in plan order.
QList<qint64> write(Database& db, FixedClock& clock, const QList<ReportFixtureTicket>& plan,
                    const QString& scratchDir);
// The plan's tickets left new, open or waiting, counted by their age at now(): under a day, 1–3 days, 3–7,
// 7–14, 14–30, older (what the backlog must show, counted from the plan).
QList<int> openByAge(const QList<ReportFixtureTicket>& plan);

} // namespace report_fixture
} // namespace casebook::test
