#pragma once

#include "accounts/account.h"
#include "model/enums.h"
#include "model/result.h"
#include "store/database.h"

#include <optional>

namespace casebook {

// Where a ticket's answer goes: the channel and the account that answers on it. The one rule for the
// window, the CLI and the outbox sender.
struct ReplyRoute {
    qint64 ticketId = 0;
    int ticketNumber = 0;
    QString subject;
    Channel channel = Channel::Email;
    std::optional<Account> account;
    Error noAccount; // why no account answers, when `account` is empty

    // The account, or why there is none.
    Result<Account> answeringAccount() const
    {
        if (account)
            return *account;
        return noAccount;
    }
};

// The account is the one whose sync brought the ticket's latest incoming message (a synced message's
// `source` is "<kind>:<account name>", e.g. "imap:shop-mail", "coupang:my-shop"), else the only account
// of that message's channel. The channel is that account's, else the latest incoming message's (shown as
// mail when there is none; such a ticket has no account to answer it). Fails only for a ticket that does not
// exist or an unreadable store.
Result<ReplyRoute> replyRouteFor(Database& db, qint64 ticketId);

} // namespace casebook
