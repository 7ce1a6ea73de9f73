#include "net/imap_capability.h"

namespace casebook::net {

Result<QStringList> ImapCapability::run(ImapWire& wire) const
{
    wire.forgetCapabilities();
    auto r = wire.run("CAPABILITY", [&wire](const ImapResponse& u) {
        if (u.text.startsWith("* CAPABILITY"))
            wire.noteCapabilities(u.text);
    });
    if (!r)
        return r.error();
    return wire.capabilities();
}

} // namespace casebook::net
