#pragma once

#include "net/line_transport.h"

#include <QList>
#include <QStringList>
#include <functional>

namespace casebook::net {

// One untagged or tagged IMAP response: its text with each literal replaced by "{}" and the literals apart.
struct ImapResponse {
    QByteArray text;
    QList<QByteArray> literals;
};

// What the IMAP steps share on one connection: the transport, the tag counter and the server's capabilities
// as last announced. A step writes its command through here and reads the answers back, so a test can run
// one step over a scripted transport and assert the exact bytes it wrote.
class ImapWire {
public:
    using Untagged = std::function<void(const ImapResponse&)>;

    explicit ImapWire(LineTransport& transport) : m_t(transport) {}

    LineTransport& transport() { return m_t; }
    QByteArray nextTag();
    // One response, its literals read in full. With timeoutMs >= 0 an empty text means nothing came in time.
    Result<ImapResponse> readResponse(int timeoutMs = -1);
    // Writes `tag command`, hands each untagged response to `untagged`, and ends at the tagged answer,
    // which must be OK.
    Result<ImapResponse> run(const QByteArray& command, const Untagged& untagged = {});
    Result<ImapResponse> finish(const QByteArray& tag, const Untagged& untagged = {});
    Result<void> write(const QByteArray& bytes) { return m_t.write(bytes); }

    bool hasCapability(const QString& name) const { return m_caps.contains(name, Qt::CaseInsensitive); }
    const QStringList& capabilities() const { return m_caps; }
    void forgetCapabilities() { m_caps.clear(); }
    // From "* CAPABILITY …" or a "[CAPABILITY …]" response code; other text is ignored.
    void noteCapabilities(const QByteArray& text);

    // A string argument: quoted when it can be, else a literal (non-synchronizing with LITERAL+).
    QByteArray astring(const QString& s) const;
    // "INBOX" as a quoted mailbox; non-ASCII folder names in modified UTF-7 (RFC 3501 5.1.3).
    static QByteArray mailboxName(const QString& folder);
    static QByteArray uidSet(const QList<quint32>& uids);
    // The server's words after "* BYE", "a1 NO", …, for a message a person reads.
    static QString wordsOf(const QByteArray& text);

private:
    LineTransport& m_t;
    int m_tag = 0;
    QStringList m_caps;
};

} // namespace casebook::net
