#pragma once

#include "net/imap_examine.h"
#include "net/imap_idle.h"
#include "net/imap_uid_fetch.h"
#include "net/imap_wire.h"
#include "net/tls_policy.h"

#include <QList>
#include <QStringList>
#include <functional>
#include <memory>

namespace casebook::net {

// The IMAP steps Casebook uses (RFC 9051/3501) in the order a session needs them; each is its own small
// object over ImapWire (imap_greeting.h … imap_logout.h). Read-only by construction: the mailbox is opened
// with EXAMINE and bodies are fetched with BODY.PEEK[], so nothing is marked \Seen and no STORE, MOVE or
// EXPUNGE exists here.
class ImapSession {
public:
    explicit ImapSession(LineTransport& transport) : m_wire(transport) {}

    Result<void> greeting();
    Result<QStringList> capability();
    bool hasCapability(const QString& name) const { return m_wire.hasCapability(name); }
    Result<void> startTls();
    Result<void> login(const QString& user, const QString& password);
    // The whole opening in the order the policy requires: greeting, capabilities, STARTTLS when `mode`
    // asks for it (and refusal when the server does not offer it), then login.
    Result<void> open(TlsMode mode, const QString& user, const QString& password);

    Result<MailboxStatus> examine(const QString& folder);
    Result<QList<quint32>> uidsFrom(quint32 fromUid);
    Result<QList<FetchedMessage>> fetch(const QList<quint32>& uids);
    Result<IdleEvent> idle(int timeoutMs, const std::function<bool()>& stop = {});
    Result<void> logout();

    static QByteArray mailboxName(const QString& folder) { return ImapWire::mailboxName(folder); }
    static QByteArray uidSet(const QList<quint32>& uids) { return ImapWire::uidSet(uids); }

private:
    ImapWire m_wire;
};

// A connection and its session, opened per the endpoint's policy.
struct ImapConnection {
    std::unique_ptr<LineTransport> transport;
    std::unique_ptr<ImapSession> session;
};
Result<ImapConnection> connectImap(const Endpoint& endpoint, const QString& user, const QString& password,
                                   QString* refusedCertSha256 = nullptr);

} // namespace casebook::net
