#pragma once

#include "net/smtp_wire.h"

namespace casebook::net {

// QUIT; the answer does not matter, the message is already taken or not.
class SmtpQuit {
public:
    void run(SmtpWire& wire) const;
};

} // namespace casebook::net
