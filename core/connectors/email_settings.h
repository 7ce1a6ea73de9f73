#pragma once

#include "accounts/account.h"
#include "net/tls_policy.h"

namespace casebook {

// An email account's settings read into endpoints. The `tls` setting names the protection (implicit,
// starttls or none); the well-known ports decide between implicit TLS and STARTTLS per server (993/465
// implicit, 143/587/25 STARTTLS), so the common "IMAP on 993, SMTP on 587" needs one setting. "none" is
// none for both and, by the policy, only on loopback.
struct EmailSettings {
    QString address;
    QString displayName;
    QString signature;
    QString user;
    QStringList folders;
    net::Endpoint imap;
    net::Endpoint smtp;

    static Result<EmailSettings> from(const Account& account);
};

// host:port → (host, port); "[::1]:143" too.
Result<std::pair<QString, quint16>> parseHostPort(const QString& s);

} // namespace casebook
