#pragma once

#include "net/imap_wire.h"

namespace casebook::net {

// AUTHENTICATE PLAIN when offered (with SASL-IR in one line), else LOGIN with quoted strings or LITERAL+
// literals. Nothing is written without TLS unless the server is on loopback, nor under LOGINDISABLED.
class ImapLogin {
public:
    ImapLogin(QString user, QString password) : m_user(std::move(user)), m_password(std::move(password)) {}
    Result<void> run(ImapWire& wire) const;

private:
    Result<void> authenticatePlain(ImapWire& wire) const;
    QString m_user;
    QString m_password;
};

} // namespace casebook::net
