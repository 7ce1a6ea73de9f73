#include "net/imap_greeting.h"

namespace casebook::net {

Result<void> ImapGreeting::run(ImapWire& wire) const
{
    auto r = wire.readResponse();
    if (!r)
        return r.error();
    if (r->text.startsWith("* OK")) {
        wire.noteCapabilities(r->text);
        return {};
    }
    if (r->text.startsWith("* PREAUTH"))
        return makeError(
            QStringLiteral("The IMAP server says the session is already logged in (PREAUTH), which "
                           "Casebook does not accept."));
    return makeError(QStringLiteral("The IMAP server did not greet: %1").arg(ImapWire::wordsOf(r->text)));
}

} // namespace casebook::net
