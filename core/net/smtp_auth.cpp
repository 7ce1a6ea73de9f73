#include "net/smtp_auth.h"

namespace casebook::net {

Result<void> SmtpAuth::run(SmtpWire& wire) const
{
    if (!wire.transport().isEncrypted() && !wire.transport().isLoopback())
        return makeError(QStringLiteral("Refusing to send the password without TLS."));
    const QStringList mechanisms = wire.authMechanisms();
    Result<SmtpReply> r = makeError(QString());
    if (mechanisms.contains(QLatin1String("PLAIN"))) {
        r = wire.command("AUTH PLAIN " +
                         (QByteArray(1, '\0') + m_user.toUtf8() + '\0' + m_password.toUtf8()).toBase64());
    } else if (mechanisms.contains(QLatin1String("LOGIN"))) {
        r = wire.command("AUTH LOGIN");
        for (const QByteArray& part : {m_user.toUtf8(), m_password.toUtf8()}) {
            if (!r)
                return r.error();
            if (r->code != 334)
                return SmtpWire::refused(QStringLiteral("the login"), *r);
            r = wire.command(part.toBase64());
        }
    } else {
        return makeError(
            QStringLiteral("The SMTP server offers no login Casebook can use (PLAIN or LOGIN)."));
    }
    if (!r)
        return r.error();
    if (r->code != 235)
        return SmtpWire::refused(QStringLiteral("the login"), *r);
    return {};
}

} // namespace casebook::net
