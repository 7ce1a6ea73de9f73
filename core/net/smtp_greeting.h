#pragma once

#include "net/smtp_wire.h"

namespace casebook::net {

// The server's "220" banner; anything else (a 554 "go away") is a refusal.
class SmtpGreeting {
public:
    Result<SmtpReply> run(SmtpWire& wire) const;
};

} // namespace casebook::net
