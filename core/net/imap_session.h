#pragma once

#include "net/line_transport.h"
#include "net/tls_policy.h"

#include <QList>
#include <QStringList>
#include <functional>
#include <memory>

namespace casebook::net {

// One untagged or tagged IMAP response: its text with each literal replaced by "{}" and the literals apart.
struct ImapResponse {
    QByteArray text;
    QList<QByteArray> literals;
};

struct MailboxStatus {
    quint32 uidValidity = 0;
    quint32 uidNext = 0;
    quint32 exists = 0;
};

struct FetchedMessage {
    quint32 uid = 0;
    QByteArray raw;
};

// What IDLE saw before it was ended.
enum class IdleEvent { NewMail, Timeout, Stopped };

// The IMAP steps Casebook uses (RFC 9051/3501), each a command written to the transport and its answers
// read back. Read-only by construction: the mailbox is opened with EXAMINE and bodies are fetched with
// BODY.PEEK[], so nothing is marked \Seen and no STORE, MOVE or EXPUNGE exists here.
class ImapSession {
public:
    explicit ImapSession(LineTransport& transport) : m_t(transport) {}

    // The server's first line; fails on BYE.
    Result<void> greeting();
    Result<QStringList> capability();
    bool hasCapability(const QString& name) const { return m_caps.contains(name, Qt::CaseInsensitive); }
    // STARTTLS, the handshake, then CAPABILITY again (what was said in clear text is not trusted).
    Result<void> startTls();
    // AUTHENTICATE PLAIN when offered, else LOGIN. Refused without TLS unless the server is on loopback.
    Result<void> login(const QString& user, const QString& password);
    // The whole opening in the order the policy requires: greeting, capabilities, STARTTLS when `mode`
    // asks for it (and refusal when the server does not offer it), then login.
    Result<void> open(TlsMode mode, const QString& user, const QString& password);

    Result<MailboxStatus> examine(const QString& folder);
    // UIDs of the open mailbox from `fromUid` on, ascending.
    Result<QList<quint32>> uidsFrom(quint32 fromUid);
    Result<QList<FetchedMessage>> fetch(const QList<quint32>& uids);
    // IDLE until the server reports new mail, `timeoutMs` passes or `stop` says so (asked every second).
    Result<IdleEvent> idle(int timeoutMs, const std::function<bool()>& stop = {});
    Result<void> logout();

    // "INBOX" as an astring; non-ASCII folder names in modified UTF-7 (RFC 3501 5.1.3).
    static QByteArray mailboxName(const QString& folder);
    static QByteArray uidSet(const QList<quint32>& uids);

private:
    QByteArray nextTag();
    Result<ImapResponse> readResponse(int timeoutMs = -1);
    // Writes `tag command`, hands each untagged response to `untagged`, and ends at the tagged answer.
    Result<ImapResponse> run(const QByteArray& command,
                             const std::function<void(const ImapResponse&)>& untagged = {});
    Result<ImapResponse> finish(const QByteArray& tag,
                                const std::function<void(const ImapResponse&)>& untagged);
    QByteArray astring(const QString& s) const;
    void noteCapabilities(const QByteArray& text);

    LineTransport& m_t;
    int m_tag = 0;
    QStringList m_caps;
};

// A connection and its session, opened per the endpoint's policy.
struct ImapConnection {
    std::unique_ptr<LineTransport> transport;
    std::unique_ptr<ImapSession> session;
};
Result<ImapConnection> connectImap(const Endpoint& endpoint, const QString& user, const QString& password,
                                   QString* refusedCertSha256 = nullptr);

} // namespace casebook::net
