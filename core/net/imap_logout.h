#pragma once

#include "net/imap_wire.h"

namespace casebook::net {

// LOGOUT: the server answers "* BYE" then OK; either way the session is over, so it never fails.
class ImapLogout {
public:
    void run(ImapWire& wire) const;
};

} // namespace casebook::net
