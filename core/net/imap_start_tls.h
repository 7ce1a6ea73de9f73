#pragma once

#include "net/imap_wire.h"

namespace casebook::net {

// STARTTLS, the handshake on the transport, then CAPABILITY again. A server that does not offer STARTTLS
// (or a man in the middle who stripped it) is refused before anything else is written.
class ImapStartTls {
public:
    Result<void> run(ImapWire& wire) const;
};

} // namespace casebook::net
