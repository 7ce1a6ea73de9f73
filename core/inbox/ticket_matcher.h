#pragma once

#include "model/values.h"

#include <SQLiteCpp/Database.h>
#include <optional>

namespace casebook {

// Which existing ticket a new message belongs to, by the rules of docs/architecture.md, in order:
// reply chain, [#1042] tag, marketplace inquiry key, order number, customer + subject within 14 days.
// No match means the message opens a new ticket.
class TicketMatcher {
public:
    enum class Rule { ReplyChain, Tag, ThreadKey, OrderNumber, Subject, None };

    struct Match {
        std::optional<qint64> ticketId;
        Rule rule = Rule::None;
    };

    static constexpr qint64 kSubjectWindowSecs = 14 * 24 * 3600;

    Match match(SQLite::Database& db, const InboundMessage& m, std::optional<qint64> customerId) const;

    // The ticket number in a "[#1042]" tag, or 0.
    static int tagNumber(const QString& subject);

private:
    std::optional<qint64> byReplyChain(SQLite::Database& db, const InboundMessage& m,
                                       std::optional<qint64> customerId) const;
};

} // namespace casebook
