#include "net/smtp_greeting.h"

namespace casebook::net {

Result<SmtpReply> SmtpGreeting::run(SmtpWire& wire) const
{
    auto r = wire.readReply();
    if (!r)
        return r;
    if (r->code != 220)
        return SmtpWire::refused(QStringLiteral("the connection"), *r);
    return r;
}

} // namespace casebook::net
