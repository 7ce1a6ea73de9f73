#include "net/smtp_client.h"

#include "net/smtp_auth.h"
#include "net/smtp_ehlo.h"
#include "net/smtp_greeting.h"
#include "net/smtp_quit.h"
#include "net/smtp_start_tls.h"
#include "net/socket_transport.h"

namespace casebook::net {

Result<SmtpReply> SmtpClient::greeting()
{
    return SmtpGreeting().run(m_wire);
}

Result<SmtpReply> SmtpClient::ehlo(const QString& domain)
{
    return SmtpEhlo(domain).run(m_wire);
}

Result<void> SmtpClient::startTls(const QString& domain)
{
    return SmtpStartTls(domain).run(m_wire);
}

Result<void> SmtpClient::authenticate(const QString& user, const QString& password)
{
    return SmtpAuth(user, password).run(m_wire);
}

Result<void> SmtpClient::open(TlsMode mode, const QString& user, const QString& password)
{
    static const QString domain = QStringLiteral("casebook.localhost");
    if (auto g = greeting(); !g)
        return g.error();
    if (auto e = ehlo(domain); !e)
        return e.error();
    if (mode == TlsMode::StartTls)
        if (auto s = startTls(domain); !s)
            return s;
    // A server that offers no AUTH (a local relay) gets no credentials at all.
    if (user.isEmpty() || m_wire.authMechanisms().isEmpty())
        return {};
    return authenticate(user, password);
}

SmtpOutcome SmtpClient::send(const QString& from, const QStringList& to, const QByteArray& data)
{
    return SmtpMailTransaction(from, to, data).run(m_wire);
}

void SmtpClient::quit()
{
    SmtpQuit().run(m_wire);
}

Result<SmtpConnection> connectSmtp(const Endpoint& endpoint, const QString& user, const QString& password,
                                   QString* refusedCertSha256)
{
    auto transport = SocketTransport::connect(endpoint, refusedCertSha256);
    if (!transport)
        return transport.error();
    SocketTransport* socket = transport->get();
    SmtpConnection c;
    c.transport = std::move(transport.value());
    c.client = std::make_unique<SmtpClient>(*c.transport);
    if (auto opened = c.client->open(endpoint.tls, user, password); !opened) {
        if (refusedCertSha256 && !socket->refusedCertificateSha256().isEmpty())
            *refusedCertSha256 = socket->refusedCertificateSha256(); // refused at STARTTLS
        return opened.error();
    }
    return c;
}

} // namespace casebook::net
