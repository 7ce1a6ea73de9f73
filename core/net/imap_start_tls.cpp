#include "net/imap_start_tls.h"

#include "net/imap_capability.h"

namespace casebook::net {

Result<void> ImapStartTls::run(ImapWire& wire) const
{
    if (!wire.hasCapability(QStringLiteral("STARTTLS")))
        return makeError(
            QStringLiteral("The IMAP server does not offer STARTTLS, though this account requires it: "
                           "refusing to log in (the connection may have been tampered with)."));
    if (auto r = wire.run("STARTTLS"); !r)
        return r.error();
    if (auto tls = wire.transport().startTls(); !tls)
        return tls.error();
    if (auto caps = ImapCapability().run(wire); !caps)
        return caps.error();
    return {};
}

} // namespace casebook::net
