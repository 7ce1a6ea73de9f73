#include "net/imap_login.h"

namespace casebook::net {

namespace {

Error loginFailed(const QString& why)
{
    return makeError(QStringLiteral("Login failed: %1").arg(why));
}

} // namespace

Result<void> ImapLogin::authenticatePlain(ImapWire& wire) const
{
    const QByteArray token = (QByteArray(1, '\0') + m_user.toUtf8() + '\0' + m_password.toUtf8()).toBase64();
    if (wire.hasCapability(QStringLiteral("SASL-IR"))) {
        if (auto r = wire.run("AUTHENTICATE PLAIN " + token); !r)
            return loginFailed(r.error().message);
        return {};
    }
    const QByteArray tag = wire.nextTag();
    if (auto w = wire.write(tag + " AUTHENTICATE PLAIN\r\n"); !w)
        return w.error();
    auto cont = wire.readResponse();
    if (!cont)
        return cont.error();
    if (!cont->text.startsWith('+'))
        return loginFailed(ImapWire::wordsOf(cont->text));
    if (auto w = wire.write(token + "\r\n"); !w)
        return w.error();
    if (auto r = wire.finish(tag); !r)
        return loginFailed(r.error().message);
    return {};
}

Result<void> ImapLogin::run(ImapWire& wire) const
{
    if (!wire.transport().isEncrypted() && !wire.transport().isLoopback())
        return makeError(QStringLiteral("Refusing to send the password without TLS."));
    if (wire.hasCapability(QStringLiteral("LOGINDISABLED")))
        return makeError(
            QStringLiteral("The IMAP server does not allow logging in on this connection (LOGINDISABLED)."));
    if (wire.hasCapability(QStringLiteral("AUTH=PLAIN")))
        return authenticatePlain(wire);
    const QByteArray user = wire.astring(m_user);
    const QByteArray password = wire.astring(m_password);
    // A synchronizing literal would need the server's "+" between the parts; with no LITERAL+ only quoted
    // strings are sent.
    if (!wire.hasCapability(QStringLiteral("LITERAL+")) && (user.startsWith('{') || password.startsWith('{')))
        return makeError(
            QStringLiteral("The user name or password has characters this server cannot take in LOGIN."));
    if (auto r = wire.run("LOGIN " + user + ' ' + password); !r)
        return loginFailed(r.error().message);
    return {};
}

} // namespace casebook::net
