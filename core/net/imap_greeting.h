#pragma once

#include "net/imap_wire.h"

namespace casebook::net {

// The server's first line: "* OK" (its capabilities noted when it names them). A "* PREAUTH" session is
// refused (Casebook logs in itself, under its TLS policy), and so is "* BYE".
class ImapGreeting {
public:
    Result<void> run(ImapWire& wire) const;
};

} // namespace casebook::net
