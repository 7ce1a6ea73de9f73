#pragma once

#include "model/enums.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QStringList>
#include <SQLiteCpp/Database.h>
#include <optional>

namespace casebook::report {

// One inquiry as the figures read it: a ticket opened in the period (not merged away, not spam) with at
// least one message from the customer.
struct InquiryFacts {
    qint64 ticketId = 0;
    int number = 0;
    QDateTime createdAt; // UTC
    Category category = Category::Other;
    TicketStatus status = TicketStatus::New;
    Channel channel = Channel::Email; // where the customer first wrote
    QDateTime firstInAt;              // the customer's first message
    QDateTime firstOutAt;             // the seller's first answer after it; null: not answered
    QDateTime resolvedAt;             // when it was last set resolved (its history); null: not resolved
    std::optional<qint64> customerId;
    QString customerName;
    bool customerAbusive = false;
    QStringList orderNumbers;
    // For a claim: the products of each of its orders the order cache holds (store/order_cache.h), by
    // order number; an order never fetched, or fetched without its lines, is absent.
    QMap<QString, QStringList> productsByOrder;
};

// A ticket that still waits for an end (new, open or waiting on the customer), whenever it came in.
struct OpenTicket {
    qint64 ticketId = 0;
    QDateTime createdAt;
};

// The store's side of the figures: a few statements, each walking tickets_created over the period (or
// tickets_live for what is open) and looking up each ticket's rows by its key. Run on any connection.
namespace report_queries {

QList<InquiryFacts> inquiries(SQLite::Database& db, const QDateTime& start, const QDateTime& end);
QList<OpenTicket> openTickets(SQLite::Database& db);

} // namespace report_queries
} // namespace casebook::report
