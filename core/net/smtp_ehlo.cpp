#include "net/smtp_ehlo.h"

namespace casebook::net {

Result<SmtpReply> SmtpEhlo::run(SmtpWire& wire) const
{
    wire.setExtensions({});
    auto r = wire.command("EHLO " + m_domain.toUtf8());
    if (!r)
        return r;
    if (r->code != 250)
        return SmtpWire::refused(QStringLiteral("EHLO"), *r);
    QStringList extensions;
    for (qsizetype i = 1; i < r->lines.size(); ++i) // the first line is the server's name
        extensions << r->lines[i].toUpper();
    wire.setExtensions(extensions);
    return r;
}

} // namespace casebook::net
