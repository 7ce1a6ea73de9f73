#include "net/smtp_quit.h"

namespace casebook::net {

void SmtpQuit::run(SmtpWire& wire) const
{
    (void)wire.command("QUIT");
}

} // namespace casebook::net
