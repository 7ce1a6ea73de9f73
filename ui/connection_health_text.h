#pragma once

#include "accounts/account.h"
#include "connectors/connection_health.h"

#include <QCoreApplication>
#include <QString>

namespace casebook::ui {

// The window's words for an account's connection health (connectors/connection_health.h holds the rules:
// when to warn, what is kept); the accounts dialog and the status bar both say them.
class ConnectionHealthText {
    Q_DECLARE_TR_FUNCTIONS(casebook::ui::ConnectionHealthText)
public:
    // Several lines: the last complete sync, the key's expiry, Naver's token.
    static QString describe(const AccountHealth& health);
    // The notice for a key that is expiring or expired, naming the account; empty when no warning is due.
    static QString keyNotice(const Account& account, const KeyExpiry& key);
};

} // namespace casebook::ui
