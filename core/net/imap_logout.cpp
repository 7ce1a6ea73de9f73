#include "net/imap_logout.h"

namespace casebook::net {

void ImapLogout::run(ImapWire& wire) const
{
    const QByteArray tag = wire.nextTag();
    if (!wire.write(tag + " LOGOUT\r\n"))
        return;
    for (int i = 0; i < 4; ++i) {
        auto r = wire.readResponse();
        if (!r || r->text.startsWith(tag + ' '))
            break;
    }
}

} // namespace casebook::net
