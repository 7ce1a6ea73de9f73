#include "net/smtp_start_tls.h"

#include "net/smtp_ehlo.h"

namespace casebook::net {

Result<void> SmtpStartTls::run(SmtpWire& wire) const
{
    if (!wire.hasExtension(QStringLiteral("STARTTLS")))
        return makeError(
            QStringLiteral("The SMTP server does not offer STARTTLS, though this account requires it: "
                           "refusing to continue (the connection may have been tampered with)."));
    auto r = wire.command("STARTTLS");
    if (!r)
        return r.error();
    if (r->code != 220)
        return SmtpWire::refused(QStringLiteral("STARTTLS"), *r);
    if (auto tls = wire.transport().startTls(); !tls)
        return tls;
    if (auto again = SmtpEhlo(m_domain).run(wire); !again)
        return again.error();
    return {};
}

} // namespace casebook::net
