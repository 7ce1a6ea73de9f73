#pragma once

#include "net/smtp_wire.h"

namespace casebook::net {

// EHLO domain: the extensions offered replace the ones known before (after STARTTLS, the clear-text list
// is not trusted).
class SmtpEhlo {
public:
    explicit SmtpEhlo(QString domain) : m_domain(std::move(domain)) {}
    Result<SmtpReply> run(SmtpWire& wire) const;

private:
    QString m_domain;
};

} // namespace casebook::net
