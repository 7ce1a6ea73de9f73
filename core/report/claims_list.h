#pragma once

#include "model/enums.h"
#include "report/report_period.h"

#include <QDateTime>
#include <QList>
#include <QStringList>
#include <SQLiteCpp/Database.h>

namespace casebook::report {

// One claim of the period (a ticket of a claim category: return, refund, defect, missing item) as the
// claims list shows it to a marketplace or the police.
struct ClaimRow {
    qint64 ticketId = 0;
    int number = 0;
    QDateTime createdAt; // UTC
    Channel channel = Channel::Email;
    QStringList orderNumbers;
    Category category = Category::Other;
    TicketStatus status = TicketStatus::Open;
    QString claimed;      // the customer's first message: subject and text
    QString sellerAnswer; // the seller's last answer, empty when none
    int evidence = 0;     // files in the evidence locker
};

// The period's claims, oldest first (not merged away, not spam).
QList<ClaimRow> claimRows(SQLite::Database& db, const Period& period);

} // namespace casebook::report
