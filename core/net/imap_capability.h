#pragma once

#include "net/imap_wire.h"

namespace casebook::net {

// CAPABILITY: what the server offers now. Run again after STARTTLS, since what was said in clear text
// may have been forged.
class ImapCapability {
public:
    Result<QStringList> run(ImapWire& wire) const;
};

} // namespace casebook::net
