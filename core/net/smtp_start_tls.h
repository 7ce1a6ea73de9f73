#pragma once

#include "net/smtp_wire.h"

namespace casebook::net {

// STARTTLS, the handshake, then EHLO again. Refused before anything is written when the server does not
// offer it (or it was stripped on the way).
class SmtpStartTls {
public:
    explicit SmtpStartTls(QString domain) : m_domain(std::move(domain)) {}
    Result<void> run(SmtpWire& wire) const;

private:
    QString m_domain;
};

} // namespace casebook::net
