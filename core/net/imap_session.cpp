#include "net/imap_session.h"

#include "net/imap_capability.h"
#include "net/imap_greeting.h"
#include "net/imap_login.h"
#include "net/imap_logout.h"
#include "net/imap_start_tls.h"
#include "net/imap_uid_search.h"
#include "net/socket_transport.h"

namespace casebook::net {

Result<void> ImapSession::greeting()
{
    return ImapGreeting().run(m_wire);
}

Result<QStringList> ImapSession::capability()
{
    return ImapCapability().run(m_wire);
}

Result<void> ImapSession::startTls()
{
    return ImapStartTls().run(m_wire);
}

Result<void> ImapSession::login(const QString& user, const QString& password)
{
    return ImapLogin(user, password).run(m_wire);
}

Result<void> ImapSession::open(TlsMode mode, const QString& user, const QString& password)
{
    if (auto g = greeting(); !g)
        return g;
    if (auto c = capability(); !c)
        return c.error();
    if (mode == TlsMode::StartTls)
        if (auto s = startTls(); !s)
            return s;
    return login(user, password);
}

Result<MailboxStatus> ImapSession::examine(const QString& folder)
{
    return ImapExamine(folder).run(m_wire);
}

Result<QList<quint32>> ImapSession::uidsFrom(quint32 fromUid)
{
    return ImapUidSearch(fromUid).run(m_wire);
}

Result<QList<FetchedMessage>> ImapSession::fetch(const QList<quint32>& uids)
{
    return ImapUidFetch(uids).run(m_wire);
}

Result<IdleEvent> ImapSession::idle(int timeoutMs, const std::function<bool()>& stop)
{
    return ImapIdle(timeoutMs, stop).run(m_wire);
}

Result<void> ImapSession::logout()
{
    ImapLogout().run(m_wire);
    return {};
}

Result<ImapConnection> connectImap(const Endpoint& endpoint, const QString& user, const QString& password,
                                   QString* refusedCertSha256)
{
    auto transport = SocketTransport::connect(endpoint, refusedCertSha256);
    if (!transport)
        return transport.error();
    SocketTransport* socket = transport->get();
    ImapConnection c;
    c.transport = std::move(transport.value());
    c.session = std::make_unique<ImapSession>(*c.transport);
    if (auto opened = c.session->open(endpoint.tls, user, password); !opened) {
        if (refusedCertSha256 && !socket->refusedCertificateSha256().isEmpty())
            *refusedCertSha256 = socket->refusedCertificateSha256(); // refused at STARTTLS
        return opened.error();
    }
    return c;
}

} // namespace casebook::net
