#pragma once

#include "net/smtp_wire.h"

namespace casebook::net {

// AUTH PLAIN (preferred) or AUTH LOGIN; nothing is written without TLS unless the server is on loopback.
class SmtpAuth {
public:
    SmtpAuth(QString user, QString password) : m_user(std::move(user)), m_password(std::move(password)) {}
    Result<void> run(SmtpWire& wire) const;

private:
    QString m_user;
    QString m_password;
};

} // namespace casebook::net
